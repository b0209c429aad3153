package tikfinity

import (
	"strings"

	"github.com/ltth/ltth/backend/tiktok/source/internal/webmsg"
	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// eventData is the TikTok-Live-Connector v1 "simplified" event TikFinity
// forwards: user fields inline, plus per-event fields.
type eventData struct {
	UserID            webmsg.Int `json:"userId"`
	UniqueID          string     `json:"uniqueId"`
	Nickname          string     `json:"nickname"`
	ProfilePictureURL string     `json:"profilePictureUrl"`
	IsModerator       bool       `json:"isModerator"`
	IsSubscriber      bool       `json:"isSubscriber"`
	FollowRole        webmsg.Int `json:"followRole"`
	MsgID             webmsg.Int `json:"msgId"`
	CreateTime        webmsg.Int `json:"createTime"`
	DisplayType       string     `json:"displayType"`

	Comment        string     `json:"comment"`
	GiftID         webmsg.Int `json:"giftId"`
	RepeatCount    webmsg.Int `json:"repeatCount"`
	RepeatEnd      webmsg.Int `json:"repeatEnd"`
	GroupID        webmsg.Int `json:"groupId"`
	GiftType       webmsg.Int `json:"giftType"`
	DiamondCount   webmsg.Int `json:"diamondCount"`
	GiftName       string     `json:"giftName"`
	GiftPictureURL string     `json:"giftPictureUrl"`
	LikeCount      webmsg.Int `json:"likeCount"`
	TotalLikeCount webmsg.Int `json:"totalLikeCount"`
	ViewerCount    webmsg.Int `json:"viewerCount"`
	SubMonth       webmsg.Int `json:"subMonth"`
	ActionID       webmsg.Int `json:"actionId"`
	EmoteID        string     `json:"emoteId"`
	EmoteImageURL  string     `json:"emoteImageUrl"`
	QuestionText   string     `json:"questionText"`
	Action         webmsg.Int `json:"action"`
}

// toMessage maps one TikFinity event to a webcast message.
func toMessage(event string, d eventData) (*pb.BaseProtoMessage, bool) {
	f := webmsg.Fields{MsgID: int64(d.MsgID), CreateTime: int64(d.CreateTime), DisplayKey: d.DisplayType,
		User: webmsg.User{ID: int64(d.UserID), Handle: d.UniqueID, Nickname: d.Nickname, Avatar: d.ProfilePictureURL,
			Moderator: d.IsModerator, Subscriber: d.IsSubscriber, Follower: d.FollowRole >= 1}}
	if !fill(&f, event, d) {
		return nil, false
	}
	return f.Message()
}

// fill sets the method and per-event fields; false for events LTTH does not use.
func fill(f *webmsg.Fields, event string, d eventData) bool {
	switch event {
	case "chat":
		f.Method, f.Comment = webmsg.Chat, d.Comment
	case "gift":
		f.Method = webmsg.Gift
		f.GiftID, f.RepeatCount, f.RepeatEnd, f.GroupID = int64(d.GiftID), int64(d.RepeatCount), d.RepeatEnd != 0, int64(d.GroupID)
		f.GiftType, f.Diamonds, f.GiftName, f.GiftPicture = int64(d.GiftType), int64(d.DiamondCount), d.GiftName, d.GiftPictureURL
	case "like":
		f.Method, f.LikeCount, f.TotalLikes = webmsg.Like, int64(d.LikeCount), int64(d.TotalLikeCount)
	case "member":
		f.Method, f.Action = webmsg.Member, 1
	case "roomUser":
		f.Method, f.Viewers, f.User = webmsg.Viewers, int64(d.ViewerCount), webmsg.User{}
	case "follow", "share", "social":
		return social(f, event, d)
	case "subscribe":
		f.Method, f.SubMonth = webmsg.SubNote, int64(d.SubMonth)
	case "emote":
		f.Method, f.EmoteID, f.EmoteURL = webmsg.Emote, d.EmoteID, d.EmoteImageURL
	case "questionNew":
		f.Method, f.Question = webmsg.Question, d.QuestionText
	case "streamEnd":
		f.Method, f.Action, f.User = webmsg.Control, max(int64(d.Action), 3), webmsg.User{}
	default:
		return false // config, envelope, battles, ...
	}
	return true
}

// social maps follow / share; a generic "social" is kept only when its
// display type says which one it is.
func social(f *webmsg.Fields, event string, d eventData) bool {
	f.Method = webmsg.Social
	kind := event
	if event == "social" {
		switch {
		case strings.Contains(d.DisplayType, "follow"):
			kind = "follow"
		case strings.Contains(d.DisplayType, "share"):
			kind = "share"
		default:
			return false
		}
	}
	if kind == "follow" {
		f.Action = 1
		if !strings.Contains(f.DisplayKey, "follow") {
			f.DisplayKey = "pm_main_follow_message_viewer_2"
		}
		return true
	}
	f.Action = 3
	if !strings.Contains(f.DisplayKey, "share") {
		f.DisplayKey = "pm_mt_guidance_share"
	}
	return true
}

package euler

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/source/internal/webmsg"
	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// message is one entry of a relay bundle.
type message struct {
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
}

// text handles a JSON frame: Euler's own messages (workerInfo, roomInfo,
// ...) and, in JSON mode, TikTok messages rebuilt as webcast messages.
func (r *reader) text(data []byte) (source.FrameResult, error) {
	var env struct {
		Messages []message       `json:"messages"`
		Type     string          `json:"type"`
		Data     json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(data, &env); err != nil {
		r.src.cfg.Log.Debug().Err(err).Msg("relay text frame is not JSON")
		return source.FrameResult{}, nil
	}
	msgs := env.Messages
	if len(msgs) == 0 && env.Type != "" {
		msgs = []message{{Type: env.Type, Data: env.Data}}
	}
	var batch []*pb.BaseProtoMessage
	for _, m := range msgs {
		if m.Type == "roomInfo" {
			if err := r.roomInfo(m.Data); err != nil {
				return source.FrameResult{}, err
			}
			continue
		}
		if !strings.HasPrefix(m.Type, "Webcast") {
			continue // workerInfo, tiktok.connect, synthetic presence, ...
		}
		if bm, ok := fromJSON(m.Type, m.Data); ok {
			batch = append(batch, bm)
		}
	}
	if len(batch) == 0 {
		return source.FrameResult{}, nil
	}
	r.markConnected()
	return r.sink.Messages(batch, time.Now()), nil
}

func (r *reader) roomInfo(data json.RawMessage) error {
	var ri struct {
		RoomInfo struct {
			ID     webmsg.Int `json:"id"`
			Status int        `json:"status"`
		} `json:"roomInfo"`
	}
	if json.Unmarshal(data, &ri) != nil {
		return nil
	}
	if ri.RoomInfo.Status == 4 {
		return source.ErrNotLive(r.uniqueID)
	}
	if ri.RoomInfo.ID != 0 {
		r.roomID = formatInt(int64(ri.RoomInfo.ID))
	}
	r.markConnected()
	return nil
}

// jsonUser covers the v1 and v2 user shapes.
type jsonUser struct {
	UserID         webmsg.Int `json:"userId"`
	UniqueID       string     `json:"uniqueId"`
	Nickname       string     `json:"nickname"`
	ProfilePicture struct {
		URL  []string `json:"url"`
		URLs []string `json:"urls"`
	} `json:"profilePicture"`
}

type jsonCommon struct {
	MsgID       webmsg.Int `json:"msgId"`
	CreateTime  webmsg.Int `json:"createTime"`
	DisplayText struct {
		DisplayType string `json:"displayType"`
		Key         string `json:"key"`
	} `json:"displayText"`
	EventDetails struct {
		DisplayType string `json:"displayType"`
	} `json:"eventDetails"`
}

type jsonGift struct {
	ID           webmsg.Int `json:"id"`
	GiftName     string     `json:"giftName"`
	DiamondCount webmsg.Int `json:"diamondCount"`
	GiftType     webmsg.Int `json:"giftType"`
	GiftImage    struct {
		URL            []string `json:"url"`
		GiftPictureURL string   `json:"giftPictureUrl"`
	} `json:"giftImage"`
}

// jsonData is the union of the fields LTTH reads (schema v2, with v1 fallbacks).
type jsonData struct {
	Common       *jsonCommon `json:"common"`
	Event        *jsonCommon `json:"event"`
	User         *jsonUser   `json:"user"`
	UserIdentity struct {
		IsModeratorOfAnchor  bool `json:"isModeratorOfAnchor"`
		IsSubscriberOfAnchor bool `json:"isSubscriberOfAnchor"`
		IsFollowerOfAnchor   bool `json:"isFollowerOfAnchor"`
	} `json:"userIdentity"`
	Comment        string     `json:"comment"`
	Content        string     `json:"content"`
	GiftID         webmsg.Int `json:"giftId"`
	RepeatCount    webmsg.Int `json:"repeatCount"`
	RepeatEnd      webmsg.Int `json:"repeatEnd"`
	GroupID        webmsg.Int `json:"groupId"`
	GiftDetails    *jsonGift  `json:"giftDetails"`
	LikeCount      webmsg.Int `json:"likeCount"`
	TotalLikeCount webmsg.Int `json:"totalLikeCount"`
	Action         webmsg.Int `json:"action"`
	ActionID       webmsg.Int `json:"actionId"`
	ViewerCount    webmsg.Int `json:"viewerCount"`
	SubMonth       webmsg.Int `json:"subMonth"`
}

// fromJSON rebuilds one relay JSON message as a webcast message.
func fromJSON(method string, raw json.RawMessage) (*pb.BaseProtoMessage, bool) {
	var d jsonData
	if json.Unmarshal(raw, &d) != nil {
		return nil, false
	}
	f := webmsg.Fields{Method: method, User: d.user(), Comment: d.Comment}
	d.common(&f)
	if f.Comment == "" {
		f.Comment = d.Content
	}
	switch method {
	case webmsg.Gift:
		d.gift(&f)
	case webmsg.Like:
		f.LikeCount, f.TotalLikes = int64(d.LikeCount), int64(d.TotalLikeCount)
	case webmsg.Member:
		f.Action = int64(max(d.Action, d.ActionID))
	case webmsg.Social, webmsg.Control:
		f.Action = int64(d.Action)
	case webmsg.Viewers:
		f.Viewers = int64(d.ViewerCount)
	case webmsg.SubNote:
		f.SubMonth = int64(d.SubMonth)
	}
	return f.Message()
}

func (d *jsonData) common(f *webmsg.Fields) {
	c := d.Common
	if c == nil {
		c = d.Event
	}
	if c == nil {
		return
	}
	f.MsgID, f.CreateTime = int64(c.MsgID), int64(c.CreateTime)
	f.DisplayKey = firstNonEmpty(c.DisplayText.Key, c.DisplayText.DisplayType, c.EventDetails.DisplayType)
}

func (d *jsonData) user() webmsg.User {
	if d.User == nil {
		return webmsg.User{}
	}
	u := d.User
	return webmsg.User{ID: int64(u.UserID), Handle: u.UniqueID, Nickname: u.Nickname,
		Avatar:    firstNonEmpty(append(u.ProfilePicture.URL, u.ProfilePicture.URLs...)...),
		Moderator: d.UserIdentity.IsModeratorOfAnchor, Subscriber: d.UserIdentity.IsSubscriberOfAnchor,
		Follower: d.UserIdentity.IsFollowerOfAnchor}
}

func (d *jsonData) gift(f *webmsg.Fields) {
	f.GiftID, f.RepeatCount, f.RepeatEnd, f.GroupID = int64(d.GiftID), int64(d.RepeatCount), d.RepeatEnd != 0, int64(d.GroupID)
	if g := d.GiftDetails; g != nil {
		if f.GiftID == 0 {
			f.GiftID = int64(g.ID)
		}
		f.GiftName, f.Diamonds, f.GiftType = g.GiftName, int64(g.DiamondCount), int64(g.GiftType)
		f.GiftPicture = firstNonEmpty(append(g.GiftImage.URL, g.GiftImage.GiftPictureURL)...)
	}
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func formatInt(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// Package webmsg rebuilds webcast protobuf messages from the flat fields JSON
// sources (Euler's JSON mode, TikFinity) deliver, so they go through the same
// normalizer (streaks, de-duplication) as TikTok's own frames.
package webmsg

import (
	"encoding/json"
	"strconv"
	"strings"

	"google.golang.org/protobuf/proto"

	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// Method names.
const (
	Chat     = "WebcastChatMessage"
	Gift     = "WebcastGiftMessage"
	Like     = "WebcastLikeMessage"
	Member   = "WebcastMemberMessage"
	Social   = "WebcastSocialMessage"
	Viewers  = "WebcastRoomUserSeqMessage"
	SubNote  = "WebcastSubNotifyMessage"
	Control  = "WebcastControlMessage"
	Emote    = "WebcastEmoteChatMessage"
	Question = "WebcastQuestionNewMessage"
)

// User is a viewer as JSON sources describe it.
type User struct {
	ID         int64
	Handle     string
	Nickname   string
	Avatar     string
	Moderator  bool
	Subscriber bool
	Follower   bool
}

// Fields is one message in flat form.
type Fields struct {
	Method     string
	MsgID      int64
	CreateTime int64 // unix ms
	DisplayKey string
	User       User

	Comment     string
	GiftID      int64
	GiftName    string
	Diamonds    int64
	GiftType    int64
	RepeatCount int64
	RepeatEnd   bool
	GroupID     int64
	GiftPicture string
	LikeCount   int64
	TotalLikes  int64
	Action      int64
	Viewers     int64
	SubMonth    int64
	EmoteID     string
	EmoteURL    string
	Question    string
}

// Message builds the envelope; ok is false for methods it cannot rebuild.
func (f Fields) Message() (*pb.BaseProtoMessage, bool) {
	m := f.payload()
	if m == nil {
		return nil, false
	}
	b, err := proto.Marshal(m)
	if err != nil {
		return nil, false
	}
	return &pb.BaseProtoMessage{Method: f.Method, Payload: b, MsgId: f.MsgID}, true
}

func (f Fields) payload() proto.Message {
	c := &pb.CommonMessageData{Method: f.Method, MsgId: f.MsgID, CreateTime: f.CreateTime}
	if f.DisplayKey != "" {
		c.DisplayText = &pb.Text{Key: f.DisplayKey}
	}
	u, id := f.User.pb(), f.User.identity()
	switch f.Method {
	case Chat:
		return &pb.WebcastChatMessage{Common: c, User: u, Content: f.Comment, UserIdentity: id}
	case Gift:
		return f.gift(c, u, id)
	case Like:
		return &pb.WebcastLikeMessage{Common: c, User: u, Count: int32(f.LikeCount), Total: f.TotalLikes}
	case Member:
		return &pb.WebcastMemberMessage{Common: c, User: u, Action: pb.MemberAction(f.Action)}
	case Social:
		return &pb.WebcastSocialMessage{Common: c, User: u, Action: f.Action}
	case Viewers:
		return &pb.WebcastRoomUserSeqMessage{Common: c, Total: f.Viewers}
	case SubNote:
		return &pb.WebcastSubNotifyMessage{Common: c, User: u, SubMonth: f.SubMonth}
	case Control:
		return &pb.WebcastControlMessage{Common: c, Action: pb.ControlAction(f.Action)}
	case Emote:
		return &pb.WebcastEmoteChatMessage{Common: c, User: u, UserIdentity: id,
			EmoteList: []*pb.EmoteModel{{EmoteId: f.EmoteID, Image: image(f.EmoteURL)}}}
	case Question:
		return &pb.WebcastQuestionNewMessage{Common: c, Details: &pb.Question{Content: f.Question, User: u}}
	}
	return nil
}

func (f Fields) gift(c *pb.CommonMessageData, u *pb.User, id *pb.UserIdentity) proto.Message {
	end := int32(0)
	if f.RepeatEnd {
		end = 1
	}
	return &pb.WebcastGiftMessage{Common: c, User: u, UserIdentity: id, GiftId: f.GiftID,
		RepeatCount: int32(f.RepeatCount), RepeatEnd: end, GroupId: f.GroupID,
		Gift: &pb.Gift{Id: f.GiftID, Name: f.GiftName, DiamondCount: int32(f.Diamonds), Type: int32(f.GiftType),
			Image: image(f.GiftPicture)}}
}

func (u User) pb() *pb.User {
	if u.ID == 0 && u.Handle == "" && u.Nickname == "" {
		return nil
	}
	return &pb.User{Id: u.ID, DisplayId: u.Handle, Nickname: u.Nickname, AvatarThumb: image(u.Avatar)}
}

func (u User) identity() *pb.UserIdentity {
	return &pb.UserIdentity{IsModeratorOfAnchor: u.Moderator, IsSubscriberOfAnchor: u.Subscriber,
		IsFollowerOfAnchor: u.Follower}
}

func image(url string) *pb.ImageModel {
	if url == "" {
		return nil
	}
	return &pb.ImageModel{UrlList: []string{url}}
}

// Int is a JSON integer that may arrive as a number, a numeric string or a bool.
type Int int64

// UnmarshalJSON implements json.Unmarshaler.
func (n *Int) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	switch s {
	case "", "null", "false":
		*n = 0
		return nil
	case "true":
		*n = 1
		return nil
	}
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		*n = Int(v)
		return nil
	}
	var f float64
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		*n = 0 // unparsable values are treated as absent
		return nil
	}
	*n = Int(f)
	return nil
}

package faketiktok

import (
	"strconv"

	"google.golang.org/protobuf/proto"

	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// User is a fake viewer.
type User struct {
	ID         int64
	Handle     string
	Nickname   string
	Moderator  bool
	Subscriber bool
	Follower   bool
}

// GiftSpec describes one gift message. A streak is several messages with the
// same GroupID and a growing RepeatCount; the last has RepeatEnd set.
type GiftSpec struct {
	ID          int64
	Name        string
	Diamonds    int32
	Streakable  bool // gift type 1
	RepeatCount int32
	RepeatEnd   bool
	GroupID     int64
}

// Msg is one webcast message to emit. Build it with the constructors below.
type Msg struct {
	method  string
	user    User
	text    string
	gift    GiftSpec
	a, b    int64
	history bool
}

// Method is the webcast method name ("WebcastGiftMessage", ...).
func (m Msg) Method() string { return m.method }

// Chat is a comment.
func Chat(u User, text string) Msg { return Msg{method: "WebcastChatMessage", user: u, text: text} }

// Gift is one gift message (one step of a streak, or a whole non-streak gift).
func Gift(u User, g GiftSpec) Msg { return Msg{method: "WebcastGiftMessage", user: u, gift: g} }

// Like is a batch of likes with the room total.
func Like(u User, count, total int64) Msg {
	return Msg{method: "WebcastLikeMessage", user: u, a: count, b: total}
}

// Follow is a social message with a follow display key.
func Follow(u User) Msg {
	return Msg{method: "WebcastSocialMessage", user: u, a: 1, text: "pm_main_follow_message_viewer_2"}
}

// Share is a social message with a share display key.
func Share(u User) Msg {
	return Msg{method: "WebcastSocialMessage", user: u, a: 3, text: "pm_mt_guidance_share"}
}

// Join is a member message (action 1).
func Join(u User) Msg { return Msg{method: "WebcastMemberMessage", user: u, a: 1} }

// Viewers is a room-user-seq message with the current viewer count.
func Viewers(n int64) Msg { return Msg{method: "WebcastRoomUserSeqMessage", a: n} }

// Control is a control message; action 3 ends the stream, 4 suspends it.
func Control(action int64) Msg { return Msg{method: "WebcastControlMessage", a: action} }

// Unknown is a message with a method LTTH does not know.
func Unknown(method string) Msg { return Msg{method: method} }

// encode builds the BaseProtoMessage for m with the given id and time.
func (m Msg) encode(roomID, msgID, createMS int64) *pb.BaseProtoMessage {
	common := &pb.CommonMessageData{Method: m.method, MsgId: msgID, RoomId: roomID, CreateTime: createMS}
	var payload proto.Message
	switch m.method {
	case "WebcastChatMessage":
		payload = &pb.WebcastChatMessage{Common: common, User: m.user.pb(), Content: m.text,
			UserIdentity: m.user.identity()}
	case "WebcastGiftMessage":
		payload = m.giftPB(common)
	case "WebcastLikeMessage":
		payload = &pb.WebcastLikeMessage{Common: common, Count: int32(m.a), Total: m.b, User: m.user.pb()}
	case "WebcastSocialMessage":
		common.DisplayText = &pb.Text{Key: m.text}
		payload = &pb.WebcastSocialMessage{Common: common, User: m.user.pb(), Action: m.a}
	case "WebcastMemberMessage":
		common.DisplayText = &pb.Text{Key: "live_room_enter_toast"}
		payload = &pb.WebcastMemberMessage{Common: common, User: m.user.pb(), Action: pb.MemberAction(m.a)}
	case "WebcastRoomUserSeqMessage":
		payload = &pb.WebcastRoomUserSeqMessage{Common: common, Total: m.a}
	case "WebcastControlMessage":
		payload = &pb.WebcastControlMessage{Common: common, Action: pb.ControlAction(m.a)}
	default:
		payload = &pb.CommonMessageData{Method: m.method, MsgId: msgID}
	}
	raw, err := proto.Marshal(payload)
	if err != nil {
		panic(err) // only plain generated messages: cannot fail
	}
	return &pb.BaseProtoMessage{Method: m.method, Payload: raw, MsgId: msgID, IsHistory: m.history}
}

func (m Msg) giftPB(common *pb.CommonMessageData) *pb.WebcastGiftMessage {
	g := m.gift
	typ := int32(2)
	if g.Streakable {
		typ = 1
	}
	end := int32(0)
	if g.RepeatEnd {
		end = 1
	}
	return &pb.WebcastGiftMessage{Common: common, GiftId: g.ID, RepeatCount: g.RepeatCount, RepeatEnd: end,
		GroupId: g.GroupID, User: m.user.pb(), UserIdentity: m.user.identity(),
		Gift: &pb.Gift{Id: g.ID, Name: g.Name, DiamondCount: g.Diamonds, Type: typ, Combo: g.Streakable,
			Image: &pb.ImageModel{UrlList: []string{"https://example.invalid/gift/" + strconv.FormatInt(g.ID, 10) + ".png"}}}}
}

func (u User) pb() *pb.User {
	if u.ID == 0 && u.Handle == "" {
		return nil
	}
	return &pb.User{Id: u.ID, IdStr: strconv.FormatInt(u.ID, 10), DisplayId: u.Handle, Nickname: u.Nickname,
		AvatarThumb: &pb.ImageModel{UrlList: []string{"https://example.invalid/avatar/" + u.Handle + ".webp"}}}
}

func (u User) identity() *pb.UserIdentity {
	return &pb.UserIdentity{IsModeratorOfAnchor: u.Moderator, IsSubscriberOfAnchor: u.Subscriber,
		IsFollowerOfAnchor: u.Follower}
}

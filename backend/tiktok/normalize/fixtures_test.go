package normalize

import (
	"fmt"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	"github.com/ltth/ltth/backend/tiktok/decode"
	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// Builders for realistic webcast messages, used by the golden captures, the
// unit tests and the benchmark. Everything here is synthetic.

const roomID = 7440000000000000001

type viewer struct {
	id         int64
	handle     string
	nick       string
	mod, sub   bool
	follower   bool
	noIdentity bool
}

func cdn(path string) []string {
	return []string{
		"https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/" + path + "~tplv-tiktokx-cropcenter:100:100.webp?dr=10399&x-expires=1764313200&x-signature=Zm9vYmFyYmF6cXV4",
		"https://p19-sign.tiktokcdn-us.com/tos-maliva-avt-0068/" + path + "~tplv-tiktokx-cropcenter:100:100.webp?dr=10399&x-expires=1764313200&x-signature=cXV4YmF6YmFyZm9v",
		"https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/" + path + "~tplv-tiktokx-cropcenter:100:100.jpeg?dr=10399&x-expires=1764313200&x-signature=YmF6cXV4Zm9vYmFy",
	}
}

func (v viewer) user() *pb.User {
	u := &pb.User{
		Id: v.id, IdStr: fmt.Sprint(v.id), Nickname: v.nick, DisplayId: v.handle,
		SecUid:      "MS4wLjABAAAA" + v.handle + "x9Kq3dLrT0p",
		AvatarThumb: &pb.ImageModel{UrlList: cdn(fmt.Sprintf("%x", v.id)), Uri: "100x100/tos-maliva-avt-0068/" + v.handle},
		FollowInfo:  &pb.FollowInfo{FollowingCount: 311, FollowerCount: 1204},
		PayScore:    88,
		BadgeList: []*pb.BadgeStruct{{
			DisplayType: 1, SceneType: pb.BadgeSceneType_BADGE_SCENE_USER_GRADE,
			PrivilegeLogExtra: &pb.PrivilegeLogExtra{Level: "12", PrivilegeId: "7138381747292542756"},
			Image: &pb.ImageBadge{DisplayType: 1, Image: &pb.ImageModel{
				UrlList: []string{"https://p19-webcast.tiktokcdn.com/webcast-va/grade_badge_icon_lite_lv10_v2.png~tplv-obj.image"}}},
		}},
	}
	if v.follower {
		u.FollowInfo.FollowStatus = 1
	}
	if v.mod {
		u.BadgeList = append(u.BadgeList, &pb.BadgeStruct{DisplayType: 2, SceneType: pb.BadgeSceneType_BADGE_SCENE_ADMIN,
			Text: &pb.TextBadge{Key: "live_moderator_badge", DefaultPattern: "Moderator"}})
	}
	if v.sub {
		u.BadgeList = append(u.BadgeList, &pb.BadgeStruct{DisplayType: 1, SceneType: pb.BadgeSceneType_BADGE_SCENE_SUBSCRIBER,
			Image: &pb.ImageBadge{Image: &pb.ImageModel{UrlList: []string{"https://p16-webcast.tiktokcdn.com/webcast-va/sub_badge_3m.png"}}}})
	}
	return u
}

func (v viewer) identity() *pb.UserIdentity {
	if v.noIdentity {
		return nil
	}
	return &pb.UserIdentity{IsModeratorOfAnchor: v.mod, IsSubscriberOfAnchor: v.sub, IsFollowerOfAnchor: v.follower}
}

func common(method string, id, createTime int64, key string) *pb.CommonMessageData {
	c := &pb.CommonMessageData{Method: method, MsgId: id, RoomId: roomID, CreateTime: createTime, IsShowMsg: true}
	if key != "" {
		c.DisplayText = &pb.Text{Key: key, DefaultPattern: "{0:user} " + key}
	}
	return c
}

func envelope(t testing.TB, method string, id int64, m proto.Message) *pb.BaseProtoMessage {
	b, err := proto.Marshal(m)
	if err != nil {
		t.Fatalf("marshal %s: %v", method, err)
	}
	return &pb.BaseProtoMessage{Method: method, Payload: b, MsgId: id}
}

func chatMsg(t testing.TB, id, ct int64, v viewer, text string) *pb.BaseProtoMessage {
	return envelope(t, "WebcastChatMessage", id, &pb.WebcastChatMessage{
		Common: common("WebcastChatMessage", id, ct, "pm_mt_msg_viewer"), User: v.user(), Content: text,
		ContentLanguage: "en", UserIdentity: v.identity(), ScreenTime: ct,
	})
}

type giftDef struct {
	id       int64
	name     string
	diamonds int32
	typ      int32
}

var (
	rose        = giftDef{5655, "Rose", 1, 1}
	fingerHeart = giftDef{5487, "Finger Heart", 5, 1}
	confetti    = giftDef{5585, "Confetti", 100, 2}
	heartMe     = giftDef{7934, "Heart Me", 1, 4}
)

func (g giftDef) pb() *pb.Gift {
	return &pb.Gift{
		Id: g.id, Name: g.name, DiamondCount: g.diamonds, Type: g.typ, Combo: g.typ == 1, Describe: "sent " + g.name,
		Image: &pb.ImageModel{UrlList: []string{fmt.Sprintf("https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/gift_%d.png~tplv-obj.webp", g.id)}},
	}
}

// giftMsg builds a gift message; end marks repeat_end.
func giftMsg(t testing.TB, id, ct int64, v viewer, g giftDef, group int64, repeat int32, end bool) *pb.BaseProtoMessage {
	m := &pb.WebcastGiftMessage{
		Common: common("WebcastGiftMessage", id, ct, "webcast_aweme_gift_send_message"),
		GiftId: g.id, RepeatCount: repeat, ComboCount: repeat, User: v.user(), GroupId: group,
		Gift: g.pb(), UserIdentity: v.identity(), LogId: fmt.Sprintf("20251126%010d", id%1e10),
		MonitorInfo: &pb.GiftMonitorInfo{AnchorId: 6900000000000000001, SendGiftSendMessageSuccessMs: ct},
	}
	if end {
		m.RepeatEnd = 1
	} else if g.typ == 1 {
		m.SendType = 1
	}
	return envelope(t, "WebcastGiftMessage", id, m)
}

func likeMsg(t testing.TB, id, ct int64, v viewer, count int32, total int64) *pb.BaseProtoMessage {
	return envelope(t, "WebcastLikeMessage", id, &pb.WebcastLikeMessage{
		Common: common("WebcastLikeMessage", id, ct, "pm_mt_msg_viewer"), Count: count, Total: total, User: v.user(),
	})
}

func memberMsg(t testing.TB, id, ct int64, v viewer, action pb.MemberAction) *pb.BaseProtoMessage {
	return envelope(t, "WebcastMemberMessage", id, &pb.WebcastMemberMessage{
		Common: common("WebcastMemberMessage", id, ct, "live_room_enter_toast"), User: v.user(),
		MemberCount: 1565, Action: action, UserId: v.id,
	})
}

func socialMsg(t testing.TB, id, ct int64, v viewer, action int64, key string) *pb.BaseProtoMessage {
	return envelope(t, "WebcastSocialMessage", id, &pb.WebcastSocialMessage{
		Common: common("WebcastSocialMessage", id, ct, key), User: v.user(), Action: action, ShareType: 1,
	})
}

func subMsg(t testing.TB, id, ct int64, v viewer, months int64) *pb.BaseProtoMessage {
	return envelope(t, "WebcastSubNotifyMessage", id, &pb.WebcastSubNotifyMessage{
		Common: common("WebcastSubNotifyMessage", id, ct, "pm_mt_sub_notify"), User: v.user(), SubMonth: months,
	})
}

func viewersMsg(t testing.TB, id, ct, total int64, top ...viewer) *pb.BaseProtoMessage {
	m := &pb.WebcastRoomUserSeqMessage{Common: common("WebcastRoomUserSeqMessage", id, ct, ""), Total: total, TotalUser: total * 28}
	for i, v := range top {
		m.Ranks = append(m.Ranks, &pb.Contributor{Score: int64(900 - 100*i), User: v.user(), Rank: int64(i + 1)})
	}
	return envelope(t, "WebcastRoomUserSeqMessage", id, m)
}

func emoteMsg(t testing.TB, id, ct int64, v viewer, emoteID string) *pb.BaseProtoMessage {
	return envelope(t, "WebcastEmoteChatMessage", id, &pb.WebcastEmoteChatMessage{
		Common: common("WebcastEmoteChatMessage", id, ct, ""), User: v.user(), UserIdentity: v.identity(),
		EmoteList: []*pb.EmoteModel{{EmoteId: emoteID, Image: &pb.ImageModel{
			UrlList: []string{"https://p16-webcast.tiktokcdn.com/webcast-sg/sub_emote_" + emoteID + ".png~tplv-obj.image"}}}},
	})
}

func questionMsg(t testing.TB, id, ct int64, v viewer, text string) *pb.BaseProtoMessage {
	return envelope(t, "WebcastQuestionNewMessage", id, &pb.WebcastQuestionNewMessage{
		Common:  common("WebcastQuestionNewMessage", id, ct, ""),
		Details: &pb.Question{QuestionId: id + 1, Content: text, User: v.user(), CreateTime: ct / 1000},
	})
}

func controlMsg(t testing.TB, id, ct int64, action pb.ControlAction) *pb.BaseProtoMessage {
	return envelope(t, "WebcastControlMessage", id, &pb.WebcastControlMessage{
		Common: common("WebcastControlMessage", id, ct, ""), Action: action,
	})
}

// msgFrame encodes a "msg" frame carrying msgs.
func msgFrame(t testing.TB, seq uint64, gz, needAck bool, msgs ...*pb.BaseProtoMessage) []byte {
	res := &pb.ProtoMessageFetchResult{
		Messages: msgs, Cursor: fmt.Sprintf("t-17641400%05d_r-1_d-1_u-1_h-1", seq), FetchInterval: 1000,
		Now: 1764140000000 + int64(seq), InternalExt: []byte(fmt.Sprintf("internal_src:dim|wss_push_room_id:%d|seq:%d", roomID, seq)),
		NeedAck: needAck,
	}
	b, err := decode.MsgFrame(seq, 7000000000000000000+seq, res, gz)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// rawFrame encodes a non-msg frame (server heartbeat, enter-room reply).
func rawFrame(t testing.TB, typ string, payload []byte) []byte {
	b, err := proto.Marshal(&pb.WebcastPushFrame{PayloadEncoding: "pb", PayloadType: typ, Payload: payload})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustUnmarshal(t testing.TB, b []byte, m proto.Message) {
	t.Helper()
	if err := proto.Unmarshal(b, m); err != nil {
		t.Fatal(err)
	}
}

// fixtureMessages returns the messages inside a "msg" frame (nil otherwise).
func fixtureMessages(t testing.TB, frame []byte) []*pb.BaseProtoMessage {
	f, err := decode.Frame(frame)
	if err != nil || f.GetPayloadType() != "msg" {
		return nil
	}
	res, err := decode.Payload(f)
	if err != nil {
		t.Fatal(err)
	}
	return res.GetMessages()
}

func timeMs(ms int64) time.Time { return time.UnixMilli(ms) }

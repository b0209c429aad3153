package normalize

import (
	"strconv"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	"github.com/ltth/ltth/backend/domain"
	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// refEvent is a reference normalization of one message by a fresh
// Normalizer, written against the protoc-generated types. The production
// code reads the wire in place (views.go); this checks both agree on the
// field numbers and semantics. ok is false when the generated code rejects
// the payload (then only the in-place reader's robustness is checked).
func refEvent(method string, payload []byte, baseID uint64, recvMs int64) (e domain.Event, emit, ok bool) {
	unm := proto.UnmarshalOptions{DiscardUnknown: true}
	decodeAs := func(m proto.Message) bool { return unm.Unmarshal(payload, m) == nil }
	base := func(c *pb.CommonMessageData) domain.Event {
		id := uint64(c.GetMsgId())
		if id == 0 {
			id = baseID
		}
		return domain.Event{ID: formatID(id), TS: eventTS(c.GetCreateTime(), recvMs)}
	}
	switch method {
	case MethodChat:
		var m pb.WebcastChatMessage
		if !decodeAs(&m) {
			return e, false, false
		}
		e = base(m.GetCommon())
		e.Type, e.User, e.Comment = domain.EventChat, refUser(m.GetUser(), m.GetUserIdentity()), m.GetContent()
		return e, true, true
	case MethodGift:
		var m pb.WebcastGiftMessage
		if !decodeAs(&m) {
			return e, false, false
		}
		return refGift(&m, base(m.GetCommon())), true, true
	case MethodLike:
		var m pb.WebcastLikeMessage
		if !decodeAs(&m) {
			return e, false, false
		}
		e = base(m.GetCommon())
		e.Type, e.User = domain.EventLike, refUser(m.GetUser(), nil)
		e.LikeCount, e.TotalLikeCount = max(int64(m.GetCount()), 0), max(m.GetTotal(), 0)
		return e, true, true
	case MethodControl:
		var m pb.WebcastControlMessage
		if !decodeAs(&m) {
			return e, false, false
		}
		e = base(m.GetCommon())
		e.Type = domain.EventStreamEnd
		a := m.GetAction()
		return e, a == pb.ControlAction_CONTROL_ACTION_STREAM_ENDED || a == pb.ControlAction_CONTROL_ACTION_STREAM_SUSPENDED, true
	}
	return refOther(method, payload, base)
}

func refOther(method string, payload []byte, base func(*pb.CommonMessageData) domain.Event) (e domain.Event, emit, ok bool) {
	unm := proto.UnmarshalOptions{DiscardUnknown: true}
	decodeAs := func(m proto.Message) bool { return unm.Unmarshal(payload, m) == nil }
	switch method {
	case MethodMember:
		var m pb.WebcastMemberMessage
		if !decodeAs(&m) {
			return e, false, false
		}
		e = base(m.GetCommon())
		e.User = refUser(m.GetUser(), nil)
		if e.UserID == "" {
			e.UserID = formatID(uint64(m.GetUserId()))
		}
		a := m.GetAction()
		key := m.GetCommon().GetDisplayText().GetKey()
		switch {
		case a == 1 || a == 0 && strings.Contains(key, "enter"):
			e.Type = domain.EventJoin
		case a == 3:
			e.Type, e.IsSubscriber = domain.EventSubscribe, true
		default:
			return e, false, true
		}
		return e, true, true
	case MethodSocial:
		var m pb.WebcastSocialMessage
		if !decodeAs(&m) {
			return e, false, false
		}
		e = base(m.GetCommon())
		e.User = refUser(m.GetUser(), nil)
		key := m.GetCommon().GetDisplayText().GetKey()
		switch {
		case strings.Contains(key, "follow") || key == "" && m.GetAction() == 1:
			e.Type, e.IsFollower = domain.EventFollow, true
		case strings.Contains(key, "share") || key == "" && m.GetAction() == 3:
			e.Type = domain.EventShare
		default:
			return e, false, true
		}
		return e, true, true
	case MethodSubNotify:
		var m pb.WebcastSubNotifyMessage
		if !decodeAs(&m) {
			return e, false, false
		}
		e = base(m.GetCommon())
		e.Type, e.User = domain.EventSubscribe, refUser(m.GetUser(), nil)
		e.IsSubscriber, e.SubMonth = true, max(m.GetSubMonth(), 0)
		return e, m.GetMessageType() == 0, true
	case MethodRoomUserSeq:
		var m pb.WebcastRoomUserSeqMessage
		if !decodeAs(&m) {
			return e, false, false
		}
		e = base(m.GetCommon())
		e.Type, e.ViewerCount = domain.EventViewers, max(m.GetTotal(), 0)
		return e, true, true
	case MethodEmoteChat:
		var m pb.WebcastEmoteChatMessage
		if !decodeAs(&m) {
			return e, false, false
		}
		e = base(m.GetCommon())
		e.Type, e.User = domain.EventEmote, refUser(m.GetUser(), m.GetUserIdentity())
		if l := m.GetEmoteList(); len(l) > 0 {
			e.EmoteID, e.EmoteURL = l[0].GetEmoteId(), refFirstURL(l[0].GetImage())
			return e, true, true
		}
		return e, false, true
	case MethodQuestionNew:
		var m pb.WebcastQuestionNewMessage
		if !decodeAs(&m) {
			return e, false, false
		}
		e = base(m.GetCommon())
		e.Type, e.User, e.Question = domain.EventQuestion, refUser(m.GetDetails().GetUser(), nil), m.GetDetails().GetContent()
		return e, true, true
	}
	return e, false, true
}

func refGift(m *pb.WebcastGiftMessage, e domain.Event) domain.Event {
	g := m.GetGift()
	e.User = refUser(m.GetUser(), m.GetUserIdentity())
	e.GiftID = m.GetGiftId()
	if e.GiftID == 0 {
		e.GiftID = g.GetId()
	}
	e.GiftName, e.Streakable = g.GetName(), g.GetType() == 1
	e.DiamondCount, e.RepeatCount = max(int64(g.GetDiamondCount()), 0), max(int64(m.GetRepeatCount()), 1)
	e.Coins = e.DiamondCount * e.RepeatCount
	e.GiftPictureURL = refFirstURL(g.GetImage())
	if e.GiftPictureURL == "" {
		e.GiftPictureURL = refFirstURL(g.GetIcon())
	}
	e.Type = domain.EventGift
	if e.Streakable && m.GetRepeatEnd() == 0 {
		e.Type = domain.EventGiftStreak
	}
	return e
}

func refUser(u *pb.User, id *pb.UserIdentity) domain.User {
	du := domain.User{UniqueID: u.GetDisplayId(), Nickname: u.GetNickname()}
	if u.GetId() != 0 {
		du.UserID = strconv.FormatUint(uint64(u.GetId()), 10)
	} else {
		du.UserID = u.GetIdStr()
	}
	for _, img := range []*pb.ImageModel{u.GetAvatarThumb(), u.GetAvatarMedium(), u.GetAvatarLarge()} {
		if du.AvatarURL = refFirstURL(img); du.AvatarURL != "" {
			break
		}
	}
	var mod, sub bool
	for _, b := range u.GetBadgeList() {
		s := b.GetSceneType()
		mod = mod || s == pb.BadgeSceneType_BADGE_SCENE_ADMIN
		sub = sub || s == pb.BadgeSceneType_BADGE_SCENE_SUBSCRIBER || s == pb.BadgeSceneType_BADGE_SCENE_NEW_SUBSCRIBER
	}
	du.IsModerator = mod || id.GetIsModeratorOfAnchor() || u.GetUserAttr().GetIsAdmin()
	du.IsSubscriber = sub || id.GetIsSubscriberOfAnchor() || u.GetSubscribeInfo().GetIsSubscribedToAnchor()
	du.IsFollower = id.GetIsFollowerOfAnchor() || id.GetIsMutualFollowingWithAnchor() || u.GetFollowInfo().GetFollowStatus() >= 1
	return du
}

func refFirstURL(img *pb.ImageModel) string {
	for _, s := range img.GetUrlList() {
		if s != "" {
			return s
		}
	}
	return ""
}

// checkAgainstRef normalizes one message with a fresh Normalizer and
// compares the result with refEvent.
func checkAgainstRef(t *testing.T, method string, payload []byte, baseID uint64) {
	t.Helper()
	const recvMs = 1764140000000
	n := New(Options{DedupSize: 16})
	got := n.Normalize(&pb.BaseProtoMessage{Method: method, Payload: payload, MsgId: int64(baseID)}, timeMs(recvMs))
	want, emit, ok := refEvent(method, payload, baseID, recvMs)
	if !ok {
		return // the generated decoder rejects it; Normalize only had to survive
	}
	if !emit {
		if len(got) != 0 {
			t.Fatalf("%s: reference emits nothing, got %+v", method, got)
		}
		return
	}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("%s: mismatch\n got %+v\nwant %+v", method, got, want)
	}
}

func TestViewsAgreeWithGeneratedCode(t *testing.T) {
	for name, lines := range scenarios(t) {
		for _, l := range lines {
			for _, m := range fixtureMessages(t, l.fr) {
				checkAgainstRef(t, m.GetMethod(), m.GetPayload(), uint64(m.GetMsgId()))
			}
		}
		_ = name
	}
}

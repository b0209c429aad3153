package normalize

import (
	"bytes"

	"github.com/ltth/ltth/backend/domain"
)

// Method names (BaseProtoMessage.method) that produce events.
const (
	MethodChat        = "WebcastChatMessage"
	MethodGift        = "WebcastGiftMessage"
	MethodLike        = "WebcastLikeMessage"
	MethodMember      = "WebcastMemberMessage"
	MethodSocial      = "WebcastSocialMessage"
	MethodSubNotify   = "WebcastSubNotifyMessage"
	MethodRoomUserSeq = "WebcastRoomUserSeqMessage"
	MethodEmoteChat   = "WebcastEmoteChatMessage"
	MethodQuestionNew = "WebcastQuestionNewMessage"
	MethodControl     = "WebcastControlMessage"
)

// rawMsg is one envelope (BaseProtoMessage) as the normalizer reads it.
type rawMsg struct {
	method  []byte
	payload []byte
	msgID   uint64
	history bool
}

func (n *Normalizer) dispatch(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	switch string(m.method) {
	case MethodChat:
		return n.chat(dst, m, recvMs)
	case MethodGift:
		return n.gift(dst, m, recvMs)
	case MethodLike:
		return n.like(dst, m, recvMs)
	case MethodMember:
		return n.member(dst, m, recvMs)
	case MethodSocial:
		return n.social(dst, m, recvMs)
	case MethodSubNotify:
		return n.subNotify(dst, m, recvMs)
	case MethodRoomUserSeq:
		return n.viewers(dst, m, recvMs)
	case MethodEmoteChat:
		return n.emote(dst, m, recvMs)
	case MethodQuestionNew:
		return n.question(dst, m, recvMs)
	case MethodControl:
		return n.control(dst, m, recvMs)
	}
	n.skipUnknown(m.method)
	return dst
}

func (n *Normalizer) chat(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	var v chatView
	if !n.parsed(m, v.parse(m.payload)) {
		return dst
	}
	e, ok := n.admit(m, &v.c, recvMs)
	if !ok {
		return dst
	}
	e.Type = domain.EventChat
	e.User = userOf(&v.u, &v.id)
	e.Comment = text(v.content)
	return append(dst, e)
}

// like keeps totalLikeCount monotonic per room: TikTok's total can arrive
// out of order, and a lower figure after a higher one is never shown.
func (n *Normalizer) like(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	var v likeView
	if !n.parsed(m, v.parse(m.payload)) {
		return dst
	}
	e, ok := n.admit(m, &v.c, recvMs)
	if !ok {
		return dst
	}
	if room := v.c.roomID; room != 0 {
		if n.likes.room != 0 && room != n.likes.room {
			n.likes.max = 0
		}
		n.likes.room = room
	}
	n.likes.max = max(n.likes.max, v.total)
	e.Type = domain.EventLike
	e.User = userOf(&v.u, nil)
	if v.count < 0 {
		n.stats.Clamped++
	}
	e.LikeCount = max(v.count, 0)
	e.TotalLikeCount = n.likes.max
	return append(dst, e)
}

// member is a join (action 1, or an unset action with the enter-room
// display key) or a subscription (action 3).
func (n *Normalizer) member(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	var v socialView // a = action (10), b = user_id (12)
	if !n.parsed(m, v.parse(m.payload, 10, true, 12, false)) {
		return dst
	}
	e, ok := n.admit(m, &v.c, recvMs)
	if !ok {
		return dst
	}
	e.User = userOf(&v.u, nil)
	if e.UserID == "" {
		e.UserID = formatID(uint64(v.b))
	}
	switch {
	case v.a == 1, v.a == 0 && bytes.Contains(v.c.key, []byte("enter")):
		e.Type = domain.EventJoin
		return append(dst, e)
	case v.a == 3:
		return n.subscribe(dst, e, recvMs)
	}
	n.stats.Ignored++
	return dst
}

// social is a follow or a share, told apart by the display key (as the
// Node and Python clients do) and, without a key, by action 1 / 3.
func (n *Normalizer) social(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	var v socialView // a = action (4)
	if !n.parsed(m, v.parse(m.payload, 4, false, 0, false)) {
		return dst
	}
	e, ok := n.admit(m, &v.c, recvMs)
	if !ok {
		return dst
	}
	e.User = userOf(&v.u, nil)
	key := v.c.key
	switch {
	case bytes.Contains(key, []byte("follow")), len(key) == 0 && v.a == 1:
		e.Type = domain.EventFollow
		e.IsFollower = true
	case bytes.Contains(key, []byte("share")), len(key) == 0 && v.a == 3:
		e.Type = domain.EventShare
	default:
		n.stats.Ignored++
		return dst
	}
	return append(dst, e)
}

// subNotify is a subscription (message type 0); the sub-gift and perk
// notices that share the method are ignored.
func (n *Normalizer) subNotify(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	var v socialView // a = sub_month (4), b = message_type (7)
	if !n.parsed(m, v.parse(m.payload, 4, false, 7, true)) {
		return dst
	}
	e, ok := n.admit(m, &v.c, recvMs)
	if !ok {
		return dst
	}
	if v.b != 0 {
		n.stats.Ignored++
		return dst
	}
	e.User = userOf(&v.u, nil)
	e.SubMonth = max(v.a, 0)
	return n.subscribe(dst, e, recvMs)
}

// subscribe emits one subscribe per user per hour: a subscription can be
// announced both by a SubNotify and by a member message (action 3).
func (n *Normalizer) subscribe(dst []domain.Event, e domain.Event, recvMs int64) []domain.Event {
	if e.UserID != "" {
		if last, ok := n.subs.get(e.UserID); ok && recvMs-last < subscribeWindowMs && recvMs >= last {
			n.stats.Ignored++
			return dst
		}
		n.subs.put(e.UserID, recvMs)
	}
	e.Type = domain.EventSubscribe
	e.IsSubscriber = true
	return append(dst, e)
}

func (n *Normalizer) viewers(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	var v scalarView // total (3)
	if !n.parsed(m, v.parse(m.payload, 3, false)) {
		return dst
	}
	e, ok := n.admit(m, &v.c, recvMs)
	if !ok {
		return dst
	}
	e.Type = domain.EventViewers
	e.ViewerCount = max(v.v, 0)
	return append(dst, e)
}

// emote emits the first sticker of an emote chat (one event per message,
// so the event id stays the message id).
func (n *Normalizer) emote(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	var v emoteView
	if !n.parsed(m, v.parse(m.payload)) {
		return dst
	}
	e, ok := n.admit(m, &v.c, recvMs)
	if !ok {
		return dst
	}
	if v.emotes == 0 {
		n.stats.Ignored++
		return dst
	}
	e.Type = domain.EventEmote
	e.User = userOf(&v.u, &v.id)
	e.EmoteID = text(v.emoteID)
	e.EmoteURL = text(v.emoteURL)
	return append(dst, e)
}

func (n *Normalizer) question(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	var v questionView
	if !n.parsed(m, v.parse(m.payload)) {
		return dst
	}
	e, ok := n.admit(m, &v.c, recvMs)
	if !ok {
		return dst
	}
	e.Type = domain.EventQuestion
	e.User = userOf(&v.u, nil)
	e.Question = text(v.content)
	return append(dst, e)
}

// control maps stream end (action 3 ended, 4 ended by moderation) to
// streamEnd, committing any open gift streaks first.
func (n *Normalizer) control(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	var v scalarView // action (2)
	if !n.parsed(m, v.parse(m.payload, 2, true)) {
		return dst
	}
	e, ok := n.admit(m, &v.c, recvMs)
	if !ok {
		return dst
	}
	if v.v == 3 || v.v == 4 {
		dst = n.streaks.flush(dst)
		e.Type = domain.EventStreamEnd
		return append(dst, e)
	}
	n.stats.Ignored++
	return dst
}

package normalize

import (
	"strings"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/webcastpb"
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

func (n *Normalizer) dispatch(dst []domain.Event, m *webcastpb.BaseProtoMessage, recvMs int64) []domain.Event {
	switch m.GetMethod() {
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
	n.skipUnknown(m.GetMethod())
	return dst
}

func (n *Normalizer) chat(dst []domain.Event, m *webcastpb.BaseProtoMessage, recvMs int64) []domain.Event {
	c := &n.msgs.chat
	if !n.decodeInto(m, c) {
		return dst
	}
	e, ok := n.admit(m, c.GetCommon(), recvMs)
	if !ok {
		return dst
	}
	e.Type = domain.EventChat
	e.User = userOf(c.GetUser(), c.GetUserIdentity())
	e.Comment = c.GetContent()
	return append(dst, e)
}

// like keeps totalLikeCount monotonic per room: TikTok's total can arrive
// out of order, and a lower figure after a higher one is never shown.
func (n *Normalizer) like(dst []domain.Event, m *webcastpb.BaseProtoMessage, recvMs int64) []domain.Event {
	l := &n.msgs.like
	if !n.decodeInto(m, l) {
		return dst
	}
	e, ok := n.admit(m, l.GetCommon(), recvMs)
	if !ok {
		return dst
	}
	if room := l.GetCommon().GetRoomId(); room != 0 {
		if n.likes.room != 0 && room != n.likes.room {
			n.likes.max = 0
		}
		n.likes.room = room
	}
	n.likes.max = max(n.likes.max, l.GetTotal())
	e.Type = domain.EventLike
	e.User = userOf(l.GetUser(), nil)
	e.LikeCount = max(int64(l.GetCount()), 0)
	e.TotalLikeCount = n.likes.max
	return append(dst, e)
}

// member is a join (action 1, or an unset action with the enter-room
// display key) or a subscription (action 3).
func (n *Normalizer) member(dst []domain.Event, m *webcastpb.BaseProtoMessage, recvMs int64) []domain.Event {
	mm := &n.msgs.member
	if !n.decodeInto(m, mm) {
		return dst
	}
	e, ok := n.admit(m, mm.GetCommon(), recvMs)
	if !ok {
		return dst
	}
	e.User = userOf(mm.GetUser(), nil)
	if e.UserID == "" {
		e.UserID = formatID(uint64(mm.GetUserId()))
	}
	switch a := mm.GetAction(); {
	case a == webcastpb.MemberAction_MEMBER_ACTION_JOINED,
		a == webcastpb.MemberAction_MEMBER_ACTION_UNKNOWN &&
			strings.Contains(mm.GetCommon().GetDisplayText().GetKey(), "enter"):
		e.Type = domain.EventJoin
		return append(dst, e)
	case a == webcastpb.MemberAction_MEMBER_ACTION_SUBSCRIBED:
		return n.subscribe(dst, e, recvMs)
	}
	n.stats.Ignored++
	return dst
}

// social is a follow or a share, told apart by the display key (as the
// Node and Python clients do) and, failing that, by action 1 / 3.
func (n *Normalizer) social(dst []domain.Event, m *webcastpb.BaseProtoMessage, recvMs int64) []domain.Event {
	s := &n.msgs.social
	if !n.decodeInto(m, s) {
		return dst
	}
	e, ok := n.admit(m, s.GetCommon(), recvMs)
	if !ok {
		return dst
	}
	e.User = userOf(s.GetUser(), nil)
	key := s.GetCommon().GetDisplayText().GetKey()
	switch {
	case strings.Contains(key, "follow"), key == "" && s.GetAction() == 1:
		e.Type = domain.EventFollow
		e.IsFollower = true
	case strings.Contains(key, "share"), key == "" && s.GetAction() == 3:
		e.Type = domain.EventShare
	default:
		n.stats.Ignored++
		return dst
	}
	return append(dst, e)
}

// subNotify is a subscription (message type 0); the sub-gift and perk
// notices that share the method are ignored.
func (n *Normalizer) subNotify(dst []domain.Event, m *webcastpb.BaseProtoMessage, recvMs int64) []domain.Event {
	s := &n.msgs.sub
	if !n.decodeInto(m, s) {
		return dst
	}
	e, ok := n.admit(m, s.GetCommon(), recvMs)
	if !ok {
		return dst
	}
	if s.GetMessageType() != 0 {
		n.stats.Ignored++
		return dst
	}
	e.User = userOf(s.GetUser(), nil)
	e.IsSubscriber = true
	e.SubMonth = max(s.GetSubMonth(), 0)
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

func (n *Normalizer) viewers(dst []domain.Event, m *webcastpb.BaseProtoMessage, recvMs int64) []domain.Event {
	s := &n.msgs.seq
	if !n.decodeInto(m, s) {
		return dst
	}
	e, ok := n.admit(m, s.GetCommon(), recvMs)
	if !ok {
		return dst
	}
	e.Type = domain.EventViewers
	e.ViewerCount = max(s.GetTotal(), 0)
	return append(dst, e)
}

// emote emits the first sticker of an emote chat (one event per message,
// so the event id stays the message id).
func (n *Normalizer) emote(dst []domain.Event, m *webcastpb.BaseProtoMessage, recvMs int64) []domain.Event {
	em := &n.msgs.emote
	if !n.decodeInto(m, em) {
		return dst
	}
	e, ok := n.admit(m, em.GetCommon(), recvMs)
	if !ok {
		return dst
	}
	list := em.GetEmoteList()
	if len(list) == 0 {
		n.stats.Ignored++
		return dst
	}
	e.Type = domain.EventEmote
	e.User = userOf(em.GetUser(), em.GetUserIdentity())
	e.EmoteID = list[0].GetEmoteId()
	e.EmoteURL = firstURL(list[0].GetImage())
	return append(dst, e)
}

func (n *Normalizer) question(dst []domain.Event, m *webcastpb.BaseProtoMessage, recvMs int64) []domain.Event {
	q := &n.msgs.question
	if !n.decodeInto(m, q) {
		return dst
	}
	e, ok := n.admit(m, q.GetCommon(), recvMs)
	if !ok {
		return dst
	}
	e.Type = domain.EventQuestion
	e.User = userOf(q.GetDetails().GetUser(), nil)
	e.Question = q.GetDetails().GetContent()
	return append(dst, e)
}

// control maps stream end (action 3 ended, 4 ended by moderation) to
// streamEnd, committing any open gift streaks first.
func (n *Normalizer) control(dst []domain.Event, m *webcastpb.BaseProtoMessage, recvMs int64) []domain.Event {
	c := &n.msgs.control
	if !n.decodeInto(m, c) {
		return dst
	}
	e, ok := n.admit(m, c.GetCommon(), recvMs)
	if !ok {
		return dst
	}
	switch c.GetAction() {
	case webcastpb.ControlAction_CONTROL_ACTION_STREAM_ENDED, webcastpb.ControlAction_CONTROL_ACTION_STREAM_SUSPENDED:
		dst = n.streaks.flush(dst)
		e.Type = domain.EventStreamEnd
		return append(dst, e)
	}
	n.stats.Ignored++
	return dst
}

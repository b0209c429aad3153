package tikfinity

import (
	"encoding/json"
	"hash/fnv"
	"strconv"

	"github.com/ltth/ltth/backend/domain"
)

// Frame is one message on the wire: {"event": "<name>", "data": {...}}.
type Frame struct {
	Event string         `json:"event"`
	Data  map[string]any `json:"data"`
}

// eventNames maps LTTH's event types to TikFinity's (TikTok-Live-Connector
// v1) event names. Types not listed (connected, disconnected) are LTTH's
// own and are not forwarded.
var eventNames = map[domain.EventType]string{
	domain.EventChat:       "chat",
	domain.EventGift:       "gift",
	domain.EventGiftStreak: "gift",
	domain.EventLike:       "like",
	domain.EventFollow:     "follow",
	domain.EventShare:      "share",
	domain.EventJoin:       "member",
	domain.EventSubscribe:  "subscribe",
	domain.EventViewers:    "roomUser",
	domain.EventEmote:      "emote",
	domain.EventQuestion:   "questionNew",
	domain.EventStreamEnd:  "streamEnd",
}

// encoder turns normalized events into TikFinity frames. It remembers the
// message ids of recent streak frames, so the final gift of a streak that
// LTTH committed on a timeout (and that therefore carries the id of its last
// progress message) still gets an id of its own: consumers, LTTH's own
// bridge included, drop a repeated msgId as a duplicate.
type encoder struct {
	streakIDs map[string]struct{}
	order     []string
	streamer  string // the streamer's handle, sent as tikfinityUsername
}

const streakIDMemory = 4096

func newEncoder() *encoder { return &encoder{streakIDs: map[string]struct{}{}} }

// frame returns the frame for e, or false for events TikFinity has no name
// for. A connected event only records the streamer's handle.
func (c *encoder) frame(e *domain.Event) (Frame, bool) {
	if e.Type == domain.EventConnected && e.UniqueID != "" {
		c.streamer = e.UniqueID
	}
	name, ok := eventNames[e.Type]
	if !ok {
		return Frame{}, false
	}
	d := map[string]any{"tikfinityUserId": 0, "tikfinityUsername": c.streamer}
	if e.Type.HasUser() {
		userFields(d, e)
	}
	d["msgId"] = c.msgID(e)
	d["createTime"] = strconv.FormatInt(e.TS, 10)
	eventFields(d, e)
	return Frame{Event: name, Data: d}, true
}

// encode is frame marshalled to one JSON text.
func (c *encoder) encode(e *domain.Event) ([]byte, bool) {
	f, ok := c.frame(e)
	if !ok {
		return nil, false
	}
	b, err := json.Marshal(f)
	return b, err == nil
}

// msgID is the event id as a decimal string (TikTok ids are decimal; other
// ids are hashed to one), made unique for a streak's final gift.
func (c *encoder) msgID(e *domain.Event) string {
	id := e.ID
	if _, err := strconv.ParseUint(id, 10, 63); err != nil && id != "" {
		id = hashID("id:" + id)
	}
	switch e.Type {
	case domain.EventGiftStreak:
		c.remember(id)
	case domain.EventGift:
		if _, dup := c.streakIDs[id]; dup && id != "" {
			id = hashID("end:" + id)
		}
	}
	return id
}

func (c *encoder) remember(id string) {
	if _, ok := c.streakIDs[id]; ok || id == "" {
		return
	}
	if len(c.order) >= streakIDMemory {
		delete(c.streakIDs, c.order[0])
		c.order = c.order[1:]
	}
	c.streakIDs[id] = struct{}{}
	c.order = append(c.order, id)
}

func hashID(s string) string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(s))
	return strconv.FormatUint(h.Sum64()>>1, 10)
}

// userFields inlines the v1 user fields (LTTH keeps no badges, levels or
// secUid; they are sent empty so consumers find the keys).
func userFields(d map[string]any, e *domain.Event) {
	follow := 0
	if e.IsFollower {
		follow = 1
	}
	d["userId"] = e.UserID
	d["secUid"] = ""
	d["uniqueId"] = e.UniqueID
	d["nickname"] = e.Nickname
	d["profilePictureUrl"] = e.AvatarURL
	d["followRole"] = follow
	d["userBadges"] = []any{}
	d["userSceneTypes"] = []any{}
	d["isModerator"] = e.IsModerator
	d["isNewGifter"] = false
	d["isSubscriber"] = e.IsSubscriber
	d["topGifterRank"] = 0
	d["gifterLevel"] = 0
	d["teamMemberLevel"] = 0
}

// eventFields adds the per-event fields of TikTok-Live-Connector v1.
func eventFields(d map[string]any, e *domain.Event) {
	switch e.Type {
	case domain.EventChat:
		d["comment"] = e.Comment
		d["emotes"] = []any{}
	case domain.EventGift, domain.EventGiftStreak:
		giftFields(d, e)
	case domain.EventLike:
		d["likeCount"] = e.LikeCount
		d["totalLikeCount"] = e.TotalLikeCount
		d["displayType"], d["label"] = "pm_mt_msg_viewer", "{0:user} liked the LIVE"
	case domain.EventJoin:
		d["actionId"] = 1
		d["displayType"], d["label"] = "live_room_enter_toast", "{0:user} joined"
	case domain.EventFollow:
		d["displayType"], d["label"] = "pm_main_follow_message_viewer_2", "{0:user} followed the LIVE creator"
	case domain.EventShare:
		d["displayType"], d["label"] = "pm_mt_guidance_share", "{0:user} shared the LIVE"
	case domain.EventSubscribe:
		d["subMonth"] = e.SubMonth
	case domain.EventViewers:
		d["viewerCount"] = e.ViewerCount
		d["topViewers"] = []any{}
		d["topGifterRank"] = 0
	case domain.EventEmote:
		d["emoteId"], d["emoteImageUrl"] = e.EmoteID, e.EmoteURL
	case domain.EventQuestion:
		d["questionText"] = e.Question
	case domain.EventStreamEnd:
		d["action"] = 3
	}
}

// giftFields: a streak's progress (giftStreak) is a type-1 gift with
// repeatEnd false; a finished gift (gift) has repeatEnd true. Gifts that do
// not streak are sent as giftType 2, complete in one frame.
func giftFields(d map[string]any, e *domain.Event) {
	typ, end := 2, e.Type == domain.EventGift
	if e.Streakable {
		typ = 1
	}
	endFlag := 0
	if end {
		endFlag = 1
	}
	d["giftId"] = e.GiftID
	d["repeatCount"] = e.RepeatCount
	d["repeatEnd"] = end
	d["giftType"] = typ
	d["diamondCount"] = e.DiamondCount
	d["giftName"] = e.GiftName
	d["giftPictureUrl"] = e.GiftPictureURL
	d["describe"] = "sent " + e.GiftName
	d["timestamp"] = e.TS
	d["gift"] = map[string]any{"gift_id": e.GiftID, "repeat_count": e.RepeatCount, "repeat_end": endFlag, "gift_type": typ}
	d["displayType"], d["label"] = "webcast_aweme_gift_send_messageNew", "{0:user} sent {1:gift} × {2:string}"
}

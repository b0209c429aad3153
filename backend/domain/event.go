// Package domain holds LTTH's core types: the normalized event contract and
// the messages that travel on the bus. It imports nothing of ours.
package domain

// EventType names one kind of normalized event (the "type" JSON field).
type EventType string

// Event types of the contract in design.md.
const (
	EventChat         EventType = "chat"
	EventGift         EventType = "gift"
	EventGiftStreak   EventType = "giftStreak"
	EventLike         EventType = "like"
	EventFollow       EventType = "follow"
	EventShare        EventType = "share"
	EventJoin         EventType = "join"
	EventSubscribe    EventType = "subscribe"
	EventViewers      EventType = "viewers"
	EventEmote        EventType = "emote"
	EventQuestion     EventType = "question"
	EventStreamEnd    EventType = "streamEnd"
	EventConnected    EventType = "connected"
	EventDisconnected EventType = "disconnected"
)

// EventTypes lists every event type of the contract in a stable order
// (dashboards and the simulator iterate over it).
var EventTypes = []EventType{
	EventChat, EventGift, EventGiftStreak, EventLike, EventFollow, EventShare,
	EventJoin, EventSubscribe, EventViewers, EventEmote, EventQuestion,
	EventStreamEnd, EventConnected, EventDisconnected,
}

// Valid reports whether t is a type of the contract.
func (t EventType) Valid() bool {
	for _, k := range EventTypes {
		if k == t {
			return true
		}
	}
	return false
}

// HasUser reports whether events of this type carry the user fields.
func (t EventType) HasUser() bool {
	switch t {
	case EventViewers, EventStreamEnd, EventConnected, EventDisconnected:
		return false
	}
	return true
}

// Counted reports whether the event counts towards totals (goals, leaderboards,
// journal statistics). Streak progress never counts.
func (t EventType) Counted() bool { return t != EventGiftStreak }

// User is the viewer an event is about.
type User struct {
	UserID       string `json:"userId"`
	UniqueID     string `json:"uniqueId"`
	Nickname     string `json:"nickname"`
	AvatarURL    string `json:"avatarUrl"`
	IsModerator  bool   `json:"isModerator"`
	IsSubscriber bool   `json:"isSubscriber"`
	IsFollower   bool   `json:"isFollower"`
}

// Event is one normalized TikTok (or simulated) event. It is flat: the JSON
// form has lowerCamelCase fields and only the fields its type defines (see
// MarshalJSON). An Event is immutable once published on the bus.
type Event struct {
	Type EventType
	ID   string // TikTok message id, decimal
	TS   int64  // unix ms

	User

	// Where it came from: "tiktok", "euler", "browser", "tikfinity", "replay", "simulator".
	Source    string
	Simulated bool

	Comment string // chat

	// gift and giftStreak
	GiftID         int64
	GiftName       string
	DiamondCount   int64 // per unit
	RepeatCount    int64
	Coins          int64 // DiamondCount * RepeatCount
	Streakable     bool
	GiftPictureURL string

	LikeCount      int64
	TotalLikeCount int64

	SubMonth int64

	ViewerCount int64

	EmoteID  string
	EmoteURL string

	Question string

	// connected / disconnected
	RoomID string
	Reason string
}

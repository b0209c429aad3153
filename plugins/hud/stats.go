package hud

import (
	"encoding/json"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// Stats is the payload of "plugin:hud:stats".
type Stats struct {
	Viewers   int64  `json:"viewers"`
	Likes     int64  `json:"likes"`
	Followers int64  `json:"followers"`
	Shares    int64  `json:"shares"`
	Coins     int64  `json:"coins"`
	Gifts     int64  `json:"gifts"`
	RoomID    string `json:"roomId"`
	State     string `json:"state"`     // the connection state, "" before any
	StartedAt int64  `json:"startedAt"` // unix ms the stream started (connected, else first event); 0 = unknown
	EndedAt   int64  `json:"endedAt"`   // unix ms of streamEnd; 0 while live
}

// connectionState is what the HUD reads of the connector's `connection`
// message (docs/architecture.md).
type connectionState struct {
	State  string `json:"state"`
	RoomID string `json:"roomId"`
}

// Connection applies a `connection` state message; it reports a change.
func (s *Stats) Connection(data any, now time.Time) bool {
	raw, err := json.Marshal(data)
	if err != nil {
		return false
	}
	var c connectionState
	if json.Unmarshal(raw, &c) != nil || c.State == "" || c.State == s.State {
		return false
	}
	s.State = c.State
	if c.State == "connected" {
		s.newRoom(c.RoomID, now.UnixMilli())
	}
	return true
}

// newRoom starts counting a new stream when the room changes.
func (s *Stats) newRoom(room string, ts int64) {
	if room != "" && room != s.RoomID {
		*s = Stats{RoomID: room, State: s.State, StartedAt: ts}
		return
	}
	if s.StartedAt == 0 {
		s.StartedAt = ts
	}
	s.EndedAt = 0
}

// Apply counts an event; it reports a change.
func (s *Stats) Apply(e *domain.Event, now time.Time) bool {
	ts := e.TS
	if ts == 0 {
		ts = now.UnixMilli()
	}
	switch e.Type {
	case domain.EventConnected:
		s.newRoom(e.RoomID, ts)
		return true
	case domain.EventStreamEnd:
		s.EndedAt = ts
		return true
	case domain.EventDisconnected, domain.EventGiftStreak:
		return false
	}
	if s.StartedAt == 0 {
		s.StartedAt = ts
	}
	switch e.Type {
	case domain.EventViewers:
		s.Viewers = e.ViewerCount
	case domain.EventLike:
		if e.TotalLikeCount > 0 { // the room's total, when TikTok sends it
			s.Likes = max(s.Likes, e.TotalLikeCount)
		} else {
			s.Likes += e.LikeCount
		}
	case domain.EventFollow:
		s.Followers++
	case domain.EventShare:
		s.Shares++
	case domain.EventGift:
		s.Gifts += max(1, e.RepeatCount)
		s.Coins += e.Coins
	}
	return true
}

package hud

import (
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/plugins/internal/plugintest"
)

// connState has the JSON shape of the connector's `connection` payload.
type connState struct {
	State    string `json:"state"`
	Source   string `json:"source"`
	UniqueID string `json:"uniqueId"`
	RoomID   string `json:"roomId"`
}

func TestStatsCount(t *testing.T) {
	var s Stats
	now := time.Now()
	if !s.Connection(connState{State: "connected", RoomID: "r1"}, now) || s.StartedAt != now.UnixMilli() || s.RoomID != "r1" {
		t.Fatalf("connected: %+v", s)
	}
	if s.Connection(connState{State: "connected", RoomID: "r1"}, now.Add(time.Hour)) {
		t.Fatal("the same state again is no change")
	}
	for _, e := range []*domain.Event{
		{Type: domain.EventViewers, ViewerCount: 120},
		{Type: domain.EventLike, LikeCount: 5},
		{Type: domain.EventLike, LikeCount: 15, TotalLikeCount: 300},
		{Type: domain.EventLike, LikeCount: 15, TotalLikeCount: 250}, // stale total
		{Type: domain.EventFollow}, {Type: domain.EventFollow}, {Type: domain.EventShare},
		{Type: domain.EventGift, RepeatCount: 3, Coins: 30},
		{Type: domain.EventGiftStreak, RepeatCount: 9, Coins: 90}, // not counted: the final gift is
		{Type: domain.EventViewers, ViewerCount: 99},
	} {
		s.Apply(e, now)
	}
	want := Stats{Viewers: 99, Likes: 300, Followers: 2, Shares: 1, Coins: 30, Gifts: 3, RoomID: "r1", State: "connected", StartedAt: now.UnixMilli()}
	if s != want {
		t.Fatalf("got %+v\nwant %+v", s, want)
	}
	s.Apply(&domain.Event{Type: domain.EventStreamEnd, TS: 42}, now)
	if s.EndedAt != 42 {
		t.Fatalf("stream end: %+v", s)
	}
	s.Connection(connState{State: "reconnecting"}, now)
	s.Apply(&domain.Event{Type: domain.EventConnected, RoomID: "r2", TS: 77}, now)
	if s.Followers != 0 || s.RoomID != "r2" || s.StartedAt != 77 || s.EndedAt != 0 {
		t.Fatalf("a new room starts over: %+v", s)
	}
	var fresh Stats
	fresh.Apply(&domain.Event{Type: domain.EventFollow, TS: 5}, now)
	if fresh.StartedAt != 5 {
		t.Fatalf("uptime from the first event without a connection: %+v", fresh)
	}
}

func TestPluginPublishesAndKeepsStats(t *testing.T) {
	env := plugintest.New(t)
	w := env.Watch("plugin:hud:stats")
	env.Start(ID, "")
	var s Stats
	plugintest.JSON(t, w.Next().Data, &s)
	env.Bus.Publish(domain.Message{Type: TypeConnection, Key: TypeConnection, Data: connState{State: "connected", RoomID: "r9"}})
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventFollow})
	for s.Followers != 1 {
		plugintest.JSON(t, w.Next().Data, &s)
	}
	if s.RoomID != "r9" || s.StartedAt == 0 {
		t.Fatalf("stats: %+v", s)
	}
	env.StopPlugin()
	env.Start(ID, "")
	plugintest.JSON(t, w.Next().Data, &s)
	if s.Followers != 1 || s.RoomID != "r9" {
		t.Fatalf("after a restart: %+v", s)
	}
}

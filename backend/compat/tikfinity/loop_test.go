package tikfinity

import (
	"context"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/source/sourcetest"
	bridge "github.com/ltth/ltth/backend/tiktok/source/tikfinity"
)

// LTTH -> LTTH: LTTH's own TikFinity-bridge source, pointed at this server,
// gives the same events back exactly once — including a streak whose end
// LTTH committed on a timeout (same id as its last progress message) —
// and every gift is counted once.
func TestLoopThroughOwnBridge(t *testing.T) {
	b := bus.New()
	m, port := startCompat(t, b)
	sink := sourcetest.New()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		_ = bridge.New(bridge.Config{URL: "ws://localhost:" + itoa(port) + "/"}).Run(ctx, source.Target{UniqueID: "demo_streamer"}, sink)
	}()
	waitClients(t, m, 1)
	sent := sampleEvents()
	timedOut := rose(domain.EventGiftStreak, "7500000000000000020", 4)
	committed := *timedOut
	committed.Type = domain.EventGift
	sent = append(sent, timedOut, &committed)
	for _, e := range sent {
		b.PublishEvent(e)
	}
	var want []*domain.Event
	for _, e := range sent {
		if e.Type != domain.EventConnected {
			want = append(want, e)
		}
	}
	if !sink.Wait(5*time.Second, func(evs []domain.Event) bool { return len(evs) >= len(want) }) {
		t.Fatalf("got %d events, want %d: %+v", len(sink.EventList()), len(want), sink.EventList())
	}
	time.Sleep(100 * time.Millisecond) // nothing more may arrive
	got := sink.EventList()
	if len(got) != len(want) {
		t.Fatalf("got %d events, want %d: %+v", len(got), len(want), got)
	}
	coins := int64(0)
	for i, e := range got {
		w := want[i]
		if e.Type != w.Type || e.UserID != w.UserID || e.UniqueID != w.UniqueID || e.Comment != w.Comment ||
			e.GiftID != w.GiftID || e.RepeatCount != w.RepeatCount || e.Coins != w.Coins || e.LikeCount != w.LikeCount ||
			e.ViewerCount != w.ViewerCount || e.SubMonth != w.SubMonth || e.TS != w.TS {
			t.Errorf("event %d: got %+v\nwant %+v", i, e, *w)
		}
		if e.Type == domain.EventGift {
			coins += e.Coins
		}
	}
	if coins != 3+5+4 {
		t.Errorf("gift coins counted %d, want 12", coins)
	}
}

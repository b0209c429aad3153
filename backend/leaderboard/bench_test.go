package leaderboard

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// BenchmarkConsume measures how many events per second the module takes
// off the bus and commits to the real SQLite store (gifts, likes and chats
// from 2,000 viewers; the final flush included).
func BenchmarkConsume(b *testing.B) {
	st := openStore(b, b.TempDir())
	bs := bus.New()
	m := New(bs, st, Options{})
	if err := m.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer m.Stop(context.Background())
	evs := make([]*domain.Event, 6000)
	for i := range evs {
		u := domain.User{UserID: strconv.Itoa(7_000_000 + i%2000), UniqueID: "v" + strconv.Itoa(i%2000), Nickname: "V"}
		switch i % 3 {
		case 0:
			evs[i] = &domain.Event{Type: domain.EventGift, User: u, GiftID: 1, DiamondCount: 1, RepeatCount: 3, Coins: 3}
		case 1:
			evs[i] = &domain.Event{Type: domain.EventLike, User: u, LikeCount: 15}
		default:
			evs[i] = &domain.Event{Type: domain.EventChat, User: u, Comment: "hi"}
		}
	}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		bs.PublishEvent(evs[i%len(evs)])
	}
	for m.sub.Queued() > 0 {
		time.Sleep(time.Millisecond)
	}
	m.mu.Lock()
	m.flush()
	left := len(m.pending)
	m.mu.Unlock()
	b.StopTimer()
	if left != 0 {
		b.Fatalf("%d contributions not written", left)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "events/s")
}

package goal

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// BenchmarkConsume measures how many events per second the module counts
// off the bus towards three goals (coins, likes, follows), publishing each
// goal's state and saving values to the real SQLite store in batches (the
// final save included).
func BenchmarkConsume(b *testing.B) {
	st := openStore(b, b.TempDir())
	bs := bus.New()
	m := New(bs, st, Options{})
	if err := m.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer m.Stop(context.Background())
	for _, k := range []string{KindCoins, KindLikes, KindFollows} {
		if _, err := m.Patch(k, []byte(`{"kind":"`+k+`","target":1000000000000}`)); err != nil {
			b.Fatal(err)
		}
	}
	evs := make([]*domain.Event, 3000)
	for i := range evs {
		u := domain.User{UserID: strconv.Itoa(i), UniqueID: "v"}
		switch i % 3 {
		case 0:
			evs[i] = &domain.Event{Type: domain.EventGift, User: u, Coins: 3}
		case 1:
			evs[i] = &domain.Event{Type: domain.EventLike, User: u, LikeCount: 15}
		default:
			evs[i] = &domain.Event{Type: domain.EventFollow, User: u}
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
	err := m.flushDirty()
	m.mu.Unlock()
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "events/s")
}

package store

import (
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// BenchmarkJournal measures events/s from bus publish to committed rows:
// b.N events are published (held back only when the journal's queue is
// more than half full, so nothing is dropped) and the clock stops when the
// last one is committed.
func BenchmarkJournal(b *testing.B) {
	_, db := openDefault(b)
	bs := bus.New()
	j := NewJournal(db, bs, zerolog.Nop())
	events := make([]*domain.Event, 4096)
	for i := range events {
		events[i] = testEvent(i)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		for i%1024 == 0 && len(j.sub.C()) > j.opts.QueueSize/2 {
			time.Sleep(100 * time.Microsecond)
		}
		bs.PublishEvent(events[i%len(events)])
	}
	for j.written.Load() < uint64(b.N) {
		time.Sleep(50 * time.Microsecond)
	}
	elapsed := time.Since(start)
	b.StopTimer()
	if err := j.Close(); err != nil {
		b.Fatal(err)
	}
	st := j.Stats()
	if st.Dropped != 0 || st.Written != uint64(b.N) {
		b.Fatalf("written %d of %d, dropped %d", st.Written, b.N, st.Dropped)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "events/s")
}

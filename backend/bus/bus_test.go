package bus

import (
	"sync"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

func chat(i int) *domain.Event {
	return &domain.Event{Type: domain.EventChat, ID: string(rune('a' + i%26)), TS: int64(i + 1), Comment: "x"}
}

func TestOrderingPerSubscriber(t *testing.T) {
	b := New()
	subs := []*Subscription{b.Subscribe("a", 1000, nil), b.Subscribe("b", 1000, nil)}
	for i := 0; i < 500; i++ {
		b.PublishEvent(chat(i))
	}
	for _, s := range subs {
		for i := 0; i < 500; i++ {
			m := <-s.C()
			if m.Event.TS != int64(i+1) {
				t.Fatalf("%s: message %d has ts %d", s.Name(), i, m.Event.TS)
			}
		}
	}
}

func TestStalledSubscriberIsIsolated(t *testing.T) {
	b := New()
	stuck := b.Subscribe("stuck", 10, nil) // never read
	fast := b.Subscribe("fast", 10, nil)
	var got int
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range fast.C() {
			got++
		}
	}()
	done := make(chan struct{})
	go func() {
		for i := 0; i < 10000; i++ {
			b.PublishEvent(chat(i))
			if i%50 == 0 {
				time.Sleep(time.Microsecond) // give the fast reader a chance
			}
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("publishing blocked behind a stalled subscriber")
	}
	fast.Close()
	wg.Wait()
	if stuck.Dropped() != 10000-10 {
		t.Fatalf("stalled subscriber dropped %d, want %d", stuck.Dropped(), 10000-10)
	}
	if got+int(fast.Dropped()) != 10000 {
		t.Fatalf("fast subscriber: got %d + dropped %d != 10000", got, fast.Dropped())
	}
	if got < 1000 {
		t.Fatalf("fast subscriber starved: only %d delivered", got)
	}
}

func TestDropCountingAndStats(t *testing.T) {
	b := New()
	s := b.Subscribe("overlay", 3, nil)
	b.Subscribe("overlay", 2, nil)
	for i := 0; i < 5; i++ {
		b.PublishEvent(chat(i))
	}
	if s.Dropped() != 2 {
		t.Fatalf("dropped = %d, want 2", s.Dropped())
	}
	st := b.Stats()
	if len(st) != 1 || st[0].Name != "overlay" || st[0].Dropped != 5 || st[0].Delivered != 5 || st[0].Queued != 5 {
		t.Fatalf("stats = %+v", st)
	}
	if b.Published() != 5 {
		t.Fatalf("published = %d", b.Published())
	}
}

func TestFilterAndClose(t *testing.T) {
	b := New()
	ev := b.Subscribe("journal", 10, EventsOnly)
	all := b.Subscribe("all", 10, nil)
	b.Publish(domain.Message{Type: "goal", Data: map[string]int{"v": 1}, Key: "goal:1"})
	b.PublishEvent(chat(1))
	if len(ev.C()) != 1 || len(all.C()) != 2 {
		t.Fatalf("filter: events=%d all=%d", len(ev.C()), len(all.C()))
	}
	ev.Close()
	ev.Close() // idempotent
	b.PublishEvent(chat(2))
	n := 0
	for range ev.C() {
		n++
	}
	if n != 1 {
		t.Fatalf("closed subscriber drained %d messages, want 1", n)
	}
	if m := <-all.C(); m.TS == 0 {
		t.Fatal("state message without timestamp")
	}
}

func BenchmarkPublish50Subscribers(b *testing.B) {
	bus := New()
	for i := 0; i < 50; i++ {
		s := bus.Subscribe("c", 1024, nil)
		go func() {
			for range s.C() {
			}
		}()
	}
	e := chat(1)
	b.ReportAllocs()
	for b.Loop() {
		bus.PublishEvent(e)
	}
}

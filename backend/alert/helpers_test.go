package alert

import (
	"context"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// harness is a started module on a real bus with a subscriber that records
// the module's state messages.
type harness struct {
	t   *testing.T
	bus *bus.Bus
	st  Store
	m   *Module
	out *bus.Subscription
}

func newHarness(t *testing.T, st Store, opts Options) *harness {
	t.Helper()
	b := bus.New()
	out := b.Subscribe("test", 1024, func(m *domain.Message) bool { return m.Event == nil })
	if opts.Gap == 0 {
		opts.Gap = 5 * time.Millisecond
	}
	m := New(b, st, opts)
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := m.Stop(ctx); err != nil {
			t.Error(err)
		}
	})
	return &harness{t: t, bus: b, st: st, m: m, out: out}
}

// next returns the next message of one of types, skipping others.
func (h *harness) next(types ...string) domain.Message {
	h.t.Helper()
	timeout := time.After(3 * time.Second)
	for {
		select {
		case msg := <-h.out.C():
			for _, t := range types {
				if msg.Type == t {
					return msg
				}
			}
		case <-timeout:
			h.t.Fatalf("no %v message", types)
		}
	}
}

func (h *harness) nextAlert() Alert {
	h.t.Helper()
	return h.next(TypeAlert).Data.(Alert)
}

// quiet fails if an alert arrives within d.
func (h *harness) quiet(d time.Duration) {
	h.t.Helper()
	timeout := time.After(d)
	for {
		select {
		case msg := <-h.out.C():
			if msg.Type == TypeAlert {
				h.t.Fatalf("unexpected alert %+v", msg.Data)
			}
		case <-timeout:
			return
		}
	}
}

func (h *harness) set(eventType string, c Config) {
	h.t.Helper()
	if _, err := h.m.SetConfig(eventType, c); err != nil {
		h.t.Fatal(err)
	}
}

func user(n string) domain.User {
	return domain.User{UserID: "id-" + n, UniqueID: n, Nickname: n}
}

func follow(n string) *domain.Event {
	return &domain.Event{Type: domain.EventFollow, ID: "f-" + n, User: user(n)}
}

func gift(n string, typ domain.EventType, count, diamonds int64) *domain.Event {
	return &domain.Event{Type: typ, ID: "g-" + n, User: user(n), GiftID: 5655, GiftName: "Rose",
		DiamondCount: diamonds, RepeatCount: count, Coins: count * diamonds, Streakable: true}
}

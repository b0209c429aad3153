package goal

import (
	"context"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/store"
)

type harness struct {
	t   *testing.T
	bus *bus.Bus
	m   *Module
	out *bus.Subscription
}

// newHarness starts a module on a fresh bus; out records its messages.
func newHarness(t *testing.T, st *store.DB) *harness {
	t.Helper()
	b := bus.New()
	out := b.Subscribe("test", 4096, func(m *domain.Message) bool { return m.Event == nil && m.Type != TypeCommand })
	m := New(b, st, Options{FlushEvery: 20 * time.Millisecond})
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, bus: b, m: m, out: out}
	t.Cleanup(h.stop)
	return h
}

func (h *harness) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := h.m.Stop(ctx); err != nil {
		h.t.Error(err)
	}
}

func (h *harness) put(id, body string) View {
	h.t.Helper()
	v, err := h.m.Patch(id, []byte(body))
	if err != nil {
		h.t.Fatal(err)
	}
	return v
}

// next returns the next message of type typ, skipping others.
func (h *harness) next(typ string) domain.Message {
	h.t.Helper()
	return h.next2(typ, typ)
}

// next2 returns the next message of type a or b, skipping others.
func (h *harness) next2(a, b string) domain.Message {
	h.t.Helper()
	timeout := time.After(3 * time.Second)
	for {
		select {
		case msg := <-h.out.C():
			if msg.Type == a || msg.Type == b {
				return msg
			}
		case <-timeout:
			h.t.Fatalf("no %s/%s message", a, b)
		}
	}
}

// waitState waits for the goal state message of id with the given value.
func (h *harness) waitState(id string, value int64) State {
	h.t.Helper()
	timeout := time.After(3 * time.Second)
	for {
		select {
		case msg := <-h.out.C():
			if s, ok := msg.Data.(State); ok && s.ID == id && s.Value == value {
				return s
			}
		case <-timeout:
			h.t.Fatalf("goal %s never reached value %d: %+v", id, value, h.m.List())
		}
	}
}

func (h *harness) value(id string) int64 {
	h.t.Helper()
	v, err := h.m.Get(id)
	if err != nil {
		h.t.Fatal(err)
	}
	return v.Value
}

func ev(typ domain.EventType) *domain.Event {
	return &domain.Event{Type: typ, User: domain.User{UserID: "1", UniqueID: "u", Nickname: "U"}}
}

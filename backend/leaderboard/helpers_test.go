package leaderboard

import (
	"context"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/store"
)

// openStore opens (creating if needed) the default profile database in dir:
// a real SQLite file. It is closed when the test ends.
func openStore(t testing.TB, dir string) *store.DB {
	t.Helper()
	mgr, err := store.OpenManager(dir)
	if err != nil {
		t.Fatal(err)
	}
	db, err := mgr.Open(mgr.Active())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

type harness struct {
	t   *testing.T
	bus *bus.Bus
	m   *Module
	out *bus.Subscription

	latest map[string]State
}

func newHarness(t *testing.T, st *store.DB) *harness {
	t.Helper()
	return newHarnessWith(t, st, Options{Debounce: 20 * time.Millisecond})
}

func newHarnessWith(t *testing.T, st *store.DB, opts Options) *harness {
	t.Helper()
	b := bus.New()
	out := b.Subscribe("test", 4096, func(m *domain.Message) bool { return m.Type == TypeLeaderboard })
	m := New(b, st, opts)
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, bus: b, m: m, out: out, latest: map[string]State{}}
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

// wait returns the latest published state of board/period once ok accepts
// it (states published for other boards meanwhile are remembered).
func (h *harness) wait(board, period string, ok func(State) bool) State {
	h.t.Helper()
	timeout := time.After(3 * time.Second)
	for {
		if s, seen := h.latest[Key(board, period)]; seen && ok(s) {
			return s
		}
		select {
		case msg := <-h.out.C():
			s := msg.Data.(State)
			if msg.Key != Key(s.Board, s.Period) {
				h.t.Fatalf("key %q for %s/%s", msg.Key, s.Board, s.Period)
			}
			h.latest[msg.Key] = s
		case <-timeout:
			h.t.Fatalf("%s/%s never matched; latest %+v", board, period, h.latest[Key(board, period)])
		}
	}
}

// top waits until board/period lists exactly want (nicknames, best first)
// and returns the values.
func (h *harness) top(board, period string, want ...string) []int64 {
	h.t.Helper()
	s := h.wait(board, period, func(s State) bool { return names(s) == join(want) })
	var vs []int64
	for _, e := range s.Entries {
		vs = append(vs, e.Value)
	}
	return vs
}

func names(s State) string {
	var n []string
	for _, e := range s.Entries {
		n = append(n, e.Nickname)
	}
	return join(n)
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ","
		}
		out += x
	}
	return out
}

func usr(n string) domain.User { return domain.User{UserID: "id-" + n, UniqueID: n, Nickname: n} }

func gift(n string, coins int64) *domain.Event {
	return &domain.Event{Type: domain.EventGift, User: usr(n), GiftID: 1, GiftName: "Rose", DiamondCount: coins,
		RepeatCount: 1, Coins: coins}
}

func like(n string, count int64) *domain.Event {
	return &domain.Event{Type: domain.EventLike, User: usr(n), LikeCount: count}
}

func chat(n string) *domain.Event {
	return &domain.Event{Type: domain.EventChat, User: usr(n), Comment: "hi"}
}

func connected(room string) *domain.Event {
	return &domain.Event{Type: domain.EventConnected, RoomID: room}
}

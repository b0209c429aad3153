package history

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/store"
)

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

// rig is a bus with the real journal and the history module on one
// profile database.
type rig struct {
	t   testing.TB
	bus *bus.Bus
	db  *store.DB
	j   *store.Journal
	m   *Module
	n   int64 // events published
}

func newRig(t testing.TB, db *store.DB, flush time.Duration) *rig {
	t.Helper()
	return newRigOn(t, bus.New(), db, flush)
}

func newRigOn(t testing.TB, b *bus.Bus, db *store.DB, flush time.Duration) *rig {
	t.Helper()
	r := &rig{t: t, bus: b, db: db, j: store.NewJournal(db, b, zerolog.Nop())}
	r.m = New(b, db, Options{Flush: flush})
	if err := r.m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	return r
}

func (r *rig) publish(es ...*domain.Event) {
	for _, e := range es {
		r.bus.PublishEvent(e)
		if e.Type != domain.EventGiftStreak {
			r.n++
		}
	}
}

// settle waits until the module handled every published event and the
// journal committed them.
func (r *rig) settle() {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		r.m.mu.Lock()
		seen := r.m.seen
		r.m.mu.Unlock()
		if seen >= r.n {
			break
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("history handled %d of %d events", seen, r.n)
		}
		time.Sleep(5 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := r.j.Sync(ctx); err != nil {
		r.t.Fatal(err)
	}
}

func (r *rig) stop() {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := r.m.Stop(ctx); err != nil {
		r.t.Fatal(err)
	}
	if err := r.j.Close(); err != nil {
		r.t.Fatal(err)
	}
}

// crash stops the module without writing what it holds in memory (a
// killed process), after the journal committed every event.
func (r *rig) crash() {
	r.m.sub.Close()
	r.m.cancel()
	r.m.wg.Wait()
	if err := r.j.Close(); err != nil {
		r.t.Fatal(err)
	}
}

// gen makes a plausible stream's events.
type gen struct {
	rng   *rand.Rand
	ts    int64
	users int
	room  string
	sim   bool
	seq   int
}

func newGen(seed uint64, start int64, users int, room string) *gen {
	return &gen{rng: rand.New(rand.NewPCG(seed, 7)), ts: start, users: users, room: room}
}

var words = []string{"hello", "love this", "wow", "nice gift", "greetings from berlin", "lol", "hype", "banana"}

func (g *gen) user() domain.User {
	i := g.rng.IntN(g.users)
	return domain.User{UserID: fmt.Sprint(7000000 + i), UniqueID: fmt.Sprintf("viewer%d", i),
		Nickname: fmt.Sprintf("Viewer %d", i), IsFollower: i%3 == 0, IsModerator: i == 1, IsSubscriber: i%7 == 0}
}

func (g *gen) base(t domain.EventType) *domain.Event {
	g.seq++
	g.ts += int64(g.rng.IntN(400))
	return &domain.Event{Type: t, ID: fmt.Sprint(g.seq), TS: g.ts, Source: "tiktok", Simulated: g.sim}
}

func (g *gen) connected() *domain.Event {
	e := g.base(domain.EventConnected)
	e.RoomID = g.room
	e.UniqueID = "host"
	return e
}

func (g *gen) end() *domain.Event { return g.base(domain.EventStreamEnd) }

// next returns a random event of the stream.
func (g *gen) next() *domain.Event {
	x := g.rng.IntN(100)
	var e *domain.Event
	switch {
	case x < 40:
		e = g.base(domain.EventChat)
		e.Comment = words[g.rng.IntN(len(words))]
	case x < 55:
		e = g.base(domain.EventLike)
		e.LikeCount = int64(1 + g.rng.IntN(15))
	case x < 65:
		e = g.base(domain.EventGift)
		e.GiftID, e.GiftName = 5655, "Rose"
		e.DiamondCount, e.RepeatCount = int64(1+g.rng.IntN(3)*99), int64(1+g.rng.IntN(5))
		e.Coins = e.DiamondCount * e.RepeatCount
	case x < 70:
		e = g.base(domain.EventFollow)
	case x < 73:
		e = g.base(domain.EventShare)
	case x < 74:
		e = g.base(domain.EventSubscribe)
	case x < 85:
		e = g.base(domain.EventJoin)
	default:
		e = g.base(domain.EventViewers)
		e.ViewerCount = int64(50 + g.rng.IntN(500))
		return e
	}
	e.User = g.user()
	return e
}

func actiontestConfig(t testing.TB, fields []action.FieldSpec, raw string) *action.Config {
	t.Helper()
	c, err := action.NewConfig([]byte(raw), fields)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func evalFor(e *domain.Event) *action.Eval {
	return &action.Eval{Scope: &action.Scope{Event: e}, Now: time.Now()}
}

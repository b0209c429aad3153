package flow

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// sqlStore is a Store over a real SQLite file (the schema mirrors the
// store package's flows and variables tables).
type sqlStore struct{ db *sql.DB }

func openSQLStore(t testing.TB, path string) *sqlStore {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	_, err = db.Exec(`CREATE TABLE IF NOT EXISTS flows (id TEXT PRIMARY KEY, name TEXT NOT NULL,
		enabled INTEGER NOT NULL, definition BLOB NOT NULL, updated_at INTEGER NOT NULL);
		CREATE TABLE IF NOT EXISTS variables (name TEXT PRIMARY KEY, value BLOB NOT NULL);`)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &sqlStore{db: db}
}

func (s *sqlStore) ListFlows() ([]FlowRecord, error) {
	rows, err := s.db.Query(`SELECT id, name, enabled, definition, updated_at FROM flows ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FlowRecord
	for rows.Next() {
		var r FlowRecord
		var ts int64
		if err := rows.Scan(&r.ID, &r.Name, &r.Enabled, &r.Definition, &ts); err != nil {
			return nil, err
		}
		r.UpdatedAt = time.UnixMilli(ts)
		out = append(out, r)
	}
	return out, rows.Err()
}

func (s *sqlStore) PutFlow(r FlowRecord) error {
	_, err := s.db.Exec(`INSERT INTO flows (id, name, enabled, definition, updated_at) VALUES (?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET name=excluded.name, enabled=excluded.enabled,
		definition=excluded.definition, updated_at=excluded.updated_at`,
		r.ID, r.Name, r.Enabled, r.Definition, r.UpdatedAt.UnixMilli())
	return err
}

func (s *sqlStore) DeleteFlow(id string) error {
	_, err := s.db.Exec(`DELETE FROM flows WHERE id = ?`, id)
	return err
}

func (s *sqlStore) Variables() (map[string][]byte, error) {
	rows, err := s.db.Query(`SELECT name, value FROM variables`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]byte{}
	for rows.Next() {
		var n string
		var v []byte
		if err := rows.Scan(&n, &v); err != nil {
			return nil, err
		}
		out[n] = v
	}
	return out, rows.Err()
}

func (s *sqlStore) SetVariable(name string, value []byte) error {
	_, err := s.db.Exec(`INSERT INTO variables (name, value) VALUES (?,?)
		ON CONFLICT(name) DO UPDATE SET value=excluded.value`, name, value)
	return err
}

func (s *sqlStore) DeleteVariable(name string) error {
	_, err := s.db.Exec(`DELETE FROM variables WHERE name = ?`, name)
	return err
}

// clock is an injectable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock {
	return &clock{t: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)} // a Monday
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// harness is an engine over a real SQLite file with a fake clock.
type harness struct {
	t     testing.TB
	e     *Engine
	bus   *bus.Bus
	store *sqlStore
	clock *clock
	dir   string
	sub   *bus.Subscription
}

func newHarness(t testing.TB, tweak ...func(*Options)) *harness {
	t.Helper()
	dir := t.TempDir()
	h := &harness{t: t, bus: bus.New(), clock: newClock(), dir: dir}
	h.store = openSQLStore(t, filepath.Join(dir, "profile.db"))
	h.sub = h.bus.Subscribe("test", 10000, func(m *domain.Message) bool { return m.Event == nil })
	h.start(tweak...)
	return h
}

func (h *harness) start(tweak ...func(*Options)) {
	h.t.Helper()
	opts := Options{Bus: h.bus, Store: h.store, DataDir: h.dir, Now: h.clock.Now, TickInterval: -1}
	for _, f := range tweak {
		f(&opts)
	}
	e, err := New(opts)
	if err != nil {
		h.t.Fatal(err)
	}
	if err := e.Start(context.Background()); err != nil {
		h.t.Fatal(err)
	}
	h.e = e
	h.t.Cleanup(h.stop)
}

func (h *harness) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := h.e.Stop(ctx); err != nil {
		h.t.Errorf("stop: %v", err)
	}
}

// save stores a flow given as JSON and fails the test when it is invalid.
func (h *harness) save(doc string) View {
	h.t.Helper()
	f, err := Decode([]byte(doc))
	if err != nil {
		h.t.Fatal(err)
	}
	v, err := h.e.Save(f)
	if err != nil {
		h.t.Fatalf("save %s: %v", f.ID, err)
	}
	return v
}

// runs waits until flow id has n finished traces and returns them (oldest
// first).
func (h *harness) runs(id string, n int) []*Trace {
	h.t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		ts, _ := h.e.Runs(id)
		if len(ts) >= n {
			out := make([]*Trace, len(ts))
			for i, t := range ts {
				out[len(ts)-1-i] = t
			}
			return out
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("flow %s: %d runs, want %d", id, len(ts), n)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// noMoreRuns checks flow id still has exactly n traces after a short wait.
func (h *harness) noMoreRuns(id string, n int) {
	h.t.Helper()
	time.Sleep(30 * time.Millisecond)
	if ts, _ := h.e.Runs(id); len(ts) != n {
		h.t.Fatalf("flow %s: %d runs, want %d", id, len(ts), n)
	}
}

// publish hands an event to the engine synchronously (as its bus consumer
// would), so conditions and admission have happened when it returns.
func (h *harness) publish(e *domain.Event) {
	if e.TS == 0 {
		e.TS = h.clock.Now().UnixMilli()
	}
	h.e.handle(domain.EventMessage(e))
}

// publishState hands a state message to the engine synchronously.
func (h *harness) publishState(typ string, data any) {
	h.e.handle(domain.Message{Type: typ, TS: h.clock.Now().UnixMilli(), Data: data})
}

// next returns the next state message of type typ published on the bus.
func (h *harness) next(typ string) domain.Message {
	h.t.Helper()
	timeout := time.After(3 * time.Second)
	for {
		select {
		case m := <-h.sub.C():
			if m.Type == typ {
				return m
			}
		case <-timeout:
			h.t.Fatalf("no %q message", typ)
		}
	}
}

// none checks no state message of type typ is pending.
func (h *harness) none(typ string) {
	h.t.Helper()
	time.Sleep(20 * time.Millisecond)
	for len(h.sub.C()) > 0 {
		if m := <-h.sub.C(); m.Type == typ {
			h.t.Fatalf("unexpected %q message: %+v", typ, m.Data)
		}
	}
}

func gift(user string, giftID, coins int64) *domain.Event {
	return &domain.Event{Type: domain.EventGift, ID: "g", User: domain.User{UserID: user, UniqueID: user, Nickname: user},
		GiftID: giftID, GiftName: "Rose", DiamondCount: coins, RepeatCount: 1, Coins: coins}
}

func chat(user, text string) *domain.Event {
	return &domain.Event{Type: domain.EventChat, ID: "c", User: domain.User{UserID: user, UniqueID: user, Nickname: user},
		Comment: text}
}

// flowDoc builds a flow JSON with one trigger, optional conditions and a
// log action (or the given actions).
func flowDoc(id, trigger, conditions, actions string) string {
	if conditions == "" {
		conditions = "[]"
	}
	if actions == "" {
		actions = `[{"type":"log.write","config":{"message":"ran for {nickname}"}}]`
	}
	return `{"id":"` + id + `","name":"` + id + `","enabled":true,"triggers":[` + trigger +
		`],"conditions":` + conditions + `,"actions":` + actions + `}`
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func domainMsg(e *domain.Event) domain.Message { return domain.EventMessage(e) }

func readFile(p string) (string, error) {
	b, err := os.ReadFile(p)
	return string(b), err
}

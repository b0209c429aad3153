// Package history turns the event stream into stream sessions with
// per-stream figures and per-minute series, and keeps the viewer database
// with loyalty points. It counts incrementally (a lossless subscriber) and
// writes its aggregates in batches, so opening a long stream never scans the
// journal.
//
// Streams: a `connected` event opens a stream (or continues the open one
// when it names the same room id); `streamEnd` closes it. Events of
// simulated or replayed origin (Simulated, or source "replay"/"simulator")
// count into a separate simulated stream and never into the viewer
// database or points. After a crash, Start repairs the open stream by
// recounting it from the journal.
package history

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
)

// DB is the profile database; *store.DB satisfies it. The tables are those
// of migration 040 (history owns them) and the journal's events table.
type DB interface {
	SQL() *sql.DB
	GetSetting(key string) (string, bool, error)
	SetSetting(key, value string) error
}

// Options tune the module; the zero value is usable.
type Options struct {
	Log   zerolog.Logger
	Flush time.Duration // batching of writes; 0 = 1s
}

// Module is the history subsystem.
type Module struct {
	bus   *bus.Bus
	db    DB
	sql   *sql.DB
	log   zerolog.Logger
	every time.Duration

	mu      sync.Mutex
	rules   Rules
	cur     [2]*live // by kind: real, simulated
	closed  []*live  // ended, not yet written
	pending map[string]*delta
	nicks   map[[2]string]int64
	lastTop *PointsTop // last published points leaderboard
	fts     chatIndex  // the chat full-text index (own lock)

	replaying bool  // repair: no chat command answers
	seen      int64 // events handled (tests wait on it)
	lastTS    int64 // time of the newest event handled (a goal reached follows its event)

	sub    *bus.Subscription
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

const (
	kindReal = 0
	kindSim  = 1
)

// New returns the module. Call Start before use.
func New(b *bus.Bus, db DB, opts Options) *Module {
	m := &Module{bus: b, db: db, sql: db.SQL(), log: opts.Log, every: opts.Flush, rules: DefaultRules,
		pending: map[string]*delta{}, nicks: map[[2]string]int64{}}
	if m.every <= 0 {
		m.every = time.Second
	}
	return m
}

// ID implements module.Module.
func (m *Module) ID() string { return "history" }

// Start loads the rules, repairs open streams from the journal and starts
// counting.
func (m *Module) Start(ctx context.Context) error {
	m.mu.Lock()
	err := m.load()
	m.mu.Unlock()
	if err != nil {
		return err
	}
	m.sub = m.bus.SubscribeLossless("history", 16384, eventsAndGoals)
	ctx, m.cancel = context.WithCancel(context.Background())
	m.wg.Add(2)
	go m.run()
	go m.tick(ctx)
	return nil
}

func (m *Module) load() error {
	r, err := m.loadRules()
	if err != nil {
		return err
	}
	m.rules = r
	if err := m.repair(); err != nil {
		return fmt.Errorf("history: repair open streams: %w", err)
	}
	m.publishTop()
	return nil
}

// Stop stops counting and writes what is pending.
func (m *Module) Stop(ctx context.Context) error {
	if m.sub == nil {
		return nil
	}
	m.sub.Close()
	m.cancel()
	if err := module.Wait(ctx, &m.wg); err != nil {
		return err
	}
	m.sub = nil
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.flush()
}

func (m *Module) run() {
	defer m.wg.Done()
	for msg := range m.sub.C() {
		m.mu.Lock()
		if msg.Event != nil {
			m.handle(msg.Event)
		} else {
			m.goal(msg.Data)
		}
		m.mu.Unlock()
	}
}

// eventsAndGoals lets events and goalReached messages through, on one
// subscription so a goal follows the event that reached it.
func eventsAndGoals(msg *domain.Message) bool {
	return msg.Event != nil || msg.Type == domain.MsgGoalReached
}

func (m *Module) tick(ctx context.Context) {
	defer m.wg.Done()
	t := time.NewTicker(m.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			m.mu.Lock()
			if err := m.flush(); err != nil {
				m.log.Error().Err(err).Msg("saving history failed; kept for the next try")
			}
			m.mu.Unlock()
			if _, err := m.indexChat(); err != nil {
				m.log.Error().Err(err).Msg("indexing chat text failed; retried on the next tick")
			}
		}
	}
}

func kindOf(e *domain.Event) int {
	if e.Simulated || e.Source == "replay" || e.Source == "simulator" {
		return kindSim
	}
	return kindReal
}

// handle counts one event. Callers hold mu.
func (m *Module) handle(e *domain.Event) {
	if e == nil || e.Type == domain.EventGiftStreak {
		return
	}
	m.seen++
	m.lastTS = e.TS
	k := kindOf(e)
	switch e.Type {
	case domain.EventConnected:
		if c := m.cur[k]; c != nil && e.RoomID != "" && c.RoomID == e.RoomID {
			c.covered(e.TS)
			return
		}
		m.end(k, e.TS)
		m.open(k, e)
		return
	case domain.EventStreamEnd:
		if m.cur[k] != nil {
			m.cur[k].apply(e, m.rules)
		}
		m.end(k, e.TS)
		return
	case domain.EventDisconnected:
		if m.cur[k] != nil {
			m.cur[k].lost(e)
		}
		return
	}
	if m.cur[k] == nil {
		m.open(k, e)
	}
	d := m.cur[k].apply(e, m.rules)
	if d != nil && k == kindReal {
		m.addDelta(d)
	}
	if k == kindReal && e.Type == domain.EventChat {
		m.command(e)
	}
}

func (m *Module) open(k int, e *domain.Event) {
	s := Stream{Source: e.Source, UniqueID: e.UniqueID, RoomID: e.RoomID, Simulated: k == kindSim,
		StartedAt: e.TS, LastTS: e.TS}
	m.cur[k] = newLive(s)
}

// end closes the open stream of kind k at ts.
func (m *Module) end(k int, ts int64) {
	c := m.cur[k]
	if c == nil {
		return
	}
	end := max(ts, c.LastTS)
	c.covered(end)
	c.EndedAt = &end
	c.dirty = true
	m.closed = append(m.closed, c)
	m.cur[k] = nil
}

// addDelta merges a viewer change into the pending ones.
func (m *Module) addDelta(d *delta) {
	id := d.user.UserID
	if d.user.Nickname != "" {
		nk := [2]string{id, d.user.Nickname}
		if _, ok := m.nicks[nk]; !ok {
			m.nicks[nk] = d.firstTS
		}
	}
	p := m.pending[id]
	if p == nil {
		m.pending[id] = d
		return
	}
	p.user = d.user
	p.coins += d.coins
	p.gifts += d.gifts
	p.likes += d.likes
	p.messages += d.messages
	p.follows += d.follows
	p.shares += d.shares
	p.minutes += d.minutes
	p.points += d.points
	p.roles |= d.roles
	p.firstTS = min(p.firstTS, d.firstTS)
	p.lastTS = max(p.lastTS, d.lastTS)
	p.streams += d.streams
}

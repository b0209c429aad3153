// Package goal runs stream goals (likes, coins, follows, subscriptions,
// shares, custom): it counts events towards them, applies the on-reach rule,
// publishes each goal's state as a `goal` message keyed "goal:<id>" for the
// overlays, announces reached goals as "goalReached", and serves the goal
// overlay page /overlay/goal.html?id=<id>.
package goal

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
)

// Message types this module publishes and consumes.
const (
	TypeGoal    = "goal"
	TypeReached = domain.MsgGoalReached
	TypeCommand = "goalCommand"
)

// Options tune the module; the zero value is usable.
type Options struct {
	Log zerolog.Logger // zero value: silent
	// FlushEvery is how often counted values are written to the store
	// (manual changes are written at once); 0 = 1s.
	FlushEvery time.Duration
}

// Module is the goal subsystem (module.Module + module.RouteProvider).
type Module struct {
	bus   *bus.Bus
	st    records
	log   zerolog.Logger
	flush time.Duration

	mu    sync.Mutex
	goals map[string]*entry

	sub    *bus.Subscription
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// entry is one goal and its live value.
type entry struct {
	goal  Goal
	value int64
	dirty bool // value changed since the last write
}

// New returns the goal module. Call Start before use. With a *store.DB:
// goal.New(b, db, goal.Options{Log: log}).
func New[R RecordType](b *bus.Bus, st Store[R], opts Options) *Module {
	m := &Module{bus: b, st: adapter[R]{st}, log: opts.Log, flush: opts.FlushEvery, goals: map[string]*entry{}}
	if m.flush <= 0 {
		m.flush = time.Second
	}
	return m
}

// ID implements module.Module.
func (m *Module) ID() string { return "goal" }

// Start loads the goals, publishes every goal's state (so the overlay
// snapshot is right from the start) and starts counting.
func (m *Module) Start(ctx context.Context) error {
	goals, err := m.load()
	if err != nil {
		return err
	}
	m.mu.Lock()
	m.goals = goals
	for _, e := range goals {
		m.publish(e)
	}
	m.mu.Unlock()
	m.sub = m.bus.SubscribeLossless("goal", 4096, wanted)
	ctx, m.cancel = context.WithCancel(context.Background())
	m.wg.Add(2)
	go m.run(m.sub)
	go m.flushLoop(ctx)
	return nil
}

func (m *Module) load() (map[string]*entry, error) {
	recs, err := m.st.ListGoals()
	if err != nil {
		return nil, fmt.Errorf("load goals: %w", err)
	}
	goals := make(map[string]*entry, len(recs))
	for _, r := range recs {
		var g Goal
		if err := json.Unmarshal(r.Config, &g); err != nil {
			m.log.Warn().Err(err).Str("goal", r.ID).Msg("goal config unreadable; skipped")
			continue
		}
		g.ID = r.ID
		if err := g.Validate(); err != nil {
			m.log.Warn().Err(err).Str("goal", r.ID).Msg("goal config invalid; skipped")
			continue
		}
		goals[r.ID] = &entry{goal: g, value: r.Value}
	}
	return goals, nil
}

// Stop stops counting and writes pending values.
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
	err := m.flushDirty()
	m.withdraw()
	return err
}

// withdraw removes this profile's goals from the retained state (the
// dashboard's snapshot, the overlays): after a profile switch the next
// profile's goals are the only ones shown. m.mu must be held.
func (m *Module) withdraw() {
	for id := range m.goals {
		m.bus.Publish(domain.Message{Type: TypeGoal, Key: key(id), Clear: true,
			Data: map[string]any{"id": id, "deleted": true, "visible": false}})
	}
}

func wanted(msg *domain.Message) bool {
	if msg.Event == nil {
		return msg.Type == TypeCommand
	}
	switch msg.Event.Type {
	case domain.EventLike, domain.EventGift, domain.EventFollow, domain.EventShare, domain.EventSubscribe:
		return true
	}
	return false
}

func (m *Module) run(sub *bus.Subscription) {
	defer m.wg.Done()
	for msg := range sub.C() {
		if msg.Event != nil {
			m.count(msg.Event)
			continue
		}
		if err := m.command(msg.Data); err != nil {
			m.log.Warn().Err(err).Msg("goalCommand ignored")
		}
	}
}

func (m *Module) flushLoop(ctx context.Context) {
	defer m.wg.Done()
	t := time.NewTicker(m.flush)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			m.mu.Lock()
			if err := m.flushDirty(); err != nil {
				m.log.Error().Err(err).Msg("saving goal values failed")
			}
			m.mu.Unlock()
		}
	}
}

// flushDirty writes every changed value. Callers hold mu.
func (m *Module) flushDirty() error {
	var first error
	for id, e := range m.goals {
		if !e.dirty {
			continue
		}
		if err := m.st.SetGoalValue(id, e.value); err != nil {
			first = cmpErr(first, fmt.Errorf("save goal %s: %w", id, err))
			continue
		}
		e.dirty = false
	}
	return first
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// count adds e to every goal of a matching kind.
func (m *Module) count(e *domain.Event) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, g := range m.goals {
		if n := Amount(g.goal.Kind, e); n > 0 {
			m.change(g, domain.SatAdd(g.value, n), false)
		}
	}
}

// change sets a goal's value, applies the on-reach rule and publishes.
// Manual changes (now) are written through; counted ones are batched.
// Callers hold mu.
func (m *Module) change(e *entry, value int64, now bool) error {
	value = max(0, min(value, MaxTarget*1000))
	old := e.value
	e.value = value
	before := e.goal
	r, reached := settle(&e.goal, old, &e.value)
	e.dirty = true
	var err error
	if e.goal != before {
		err = m.putGoal(e) // target or visibility changed
	} else if now {
		err = m.st.SetGoalValue(e.goal.ID, e.value)
		e.dirty = err != nil
	}
	if reached {
		if e.value != r.Value || e.goal.Target != r.Target {
			// The rule moved on at once (add/double/reset): publish the full
			// goal first, so overlays can celebrate and flows watching the
			// state's "reached" flag see it turn true.
			full := state(&before, r.Value)
			m.bus.Publish(domain.Message{Type: TypeGoal, Key: key(e.goal.ID), Data: full})
		}
		m.bus.Publish(domain.Message{Type: TypeReached, Data: r})
	}
	m.publish(e)
	return err
}

// putGoal writes a goal's configuration and value. Callers hold mu.
func (m *Module) putGoal(e *entry) error {
	cfg, err := json.Marshal(e.goal)
	if err != nil {
		return err
	}
	if err := m.st.PutGoal(newRecord(e.goal.ID, cfg, e.value)); err != nil {
		return fmt.Errorf("save goal %s: %w", e.goal.ID, err)
	}
	e.dirty = false
	return nil
}

func (m *Module) publish(e *entry) {
	m.bus.Publish(domain.Message{Type: TypeGoal, Key: key(e.goal.ID), Data: state(&e.goal, e.value)})
}

func key(id string) string { return "goal:" + id }

// Package alert turns events into on-stream alerts. Each event type has a
// Config (template, media, duration, screen, priority, min coins); alerts are
// queued per overlay screen on the server, so an overlay only ever gets one
// `alert` message at a time per screen, the next one after the previous
// alert's duration plus a short gap, highest priority first. Screens can be
// skipped and cleared (`alertControl`), and all alerts paused (`alertsPaused`).
package alert

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// Store persists alert configurations; *store.DB satisfies it.
type Store interface {
	AlertConfigs() (map[string][]byte, error)
	PutAlertConfig(eventType string, config []byte) error
}

// Message types published by this module.
const (
	TypeAlert = "alert"
	// TypeRequest is an alert asked for by another module (the flow
	// engine's alert.show): Data has the Alert fields; it is queued on its
	// screen with the other alerts.
	TypeRequest = "alertRequest"
	TypeControl = "alertControl"
	TypePaused  = "alertsPaused"
)

// Options tune the module; the zero value is usable.
type Options struct {
	Log zerolog.Logger // zero value: silent
	Gap time.Duration  // pause between two alerts on a screen; 0 = 1s (covers the overlay's exit animation)
	// MaxQueue is the number of waiting alerts per screen from which a new
	// event alert coalesces with a waiting one of the same kind (same event
	// type, and same gift for gifts) instead of queueing; 0 = 10. Alerts
	// are never dropped.
	MaxQueue int
	// Language is the language of the default alert texts ("en", "de");
	// nil or unknown: English. Read at Start and by ReloadDefaults.
	Language func() string
}

// Module is the alert subsystem (module.Module + module.RouteProvider).
type Module struct {
	bus  *bus.Bus
	st   Store
	log  zerolog.Logger
	gap  time.Duration
	maxQ int

	language func() string

	mu       sync.Mutex
	configs  configSet
	screens  map[string]*screen
	paused   bool
	seq      uint64
	streaks  map[string]int64 // combo streak key -> last alerted repeatCount
	stopping bool

	sub  *bus.Subscription
	done chan struct{}
}

const maxStreaks = 1000

// New returns the alert module. Call Start before use.
func New(b *bus.Bus, st Store, opts Options) *Module {
	m := &Module{bus: b, st: st, log: opts.Log, gap: opts.Gap, maxQ: opts.MaxQueue, language: opts.Language,
		configs: defaultConfigs(""), screens: map[string]*screen{}, streaks: map[string]int64{}}
	if m.gap <= 0 {
		m.gap = time.Second
	}
	if m.maxQ <= 0 {
		m.maxQ = 10
	}
	return m
}

func (m *Module) lang() string {
	if m.language == nil {
		return ""
	}
	return m.language()
}

// ReloadDefaults re-reads the configurations after the language changed:
// types nobody edited take the new language's default texts; saved ones
// stay as they are.
func (m *Module) ReloadDefaults() {
	cs, errs := loadConfigs(m.st, m.lang())
	for _, err := range errs {
		m.log.Warn().Err(err).Msg("alert config ignored")
	}
	m.mu.Lock()
	m.configs = cs
	m.mu.Unlock()
}

// ID implements module.Module.
func (m *Module) ID() string { return "alert" }

// Start loads the configurations, publishes the pause state (for the
// snapshot) and starts consuming events.
func (m *Module) Start(ctx context.Context) error {
	cs, errs := loadConfigs(m.st, m.lang())
	for _, err := range errs {
		m.log.Warn().Err(err).Msg("alert config ignored")
	}
	m.mu.Lock()
	m.configs = cs
	m.stopping = false
	m.publishPaused()
	m.mu.Unlock()
	m.sub = m.bus.SubscribeLossless("alert", 4096, alertable)
	m.done = make(chan struct{})
	go m.run(m.sub, m.done)
	return nil
}

// Stop stops consuming events and ends every screen's timer.
func (m *Module) Stop(ctx context.Context) error {
	if m.sub == nil {
		return nil
	}
	m.sub.Close()
	select {
	case <-m.done:
	case <-ctx.Done():
		return ctx.Err()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.stopping = true
	for _, s := range m.screens {
		s.stop()
	}
	m.sub = nil
	return nil
}

func alertable(msg *domain.Message) bool {
	if msg.Event == nil {
		return msg.Type == TypeRequest
	}
	return msg.Event.Type == domain.EventGiftStreak || Alertable(string(msg.Event.Type))
}

func (m *Module) run(sub *bus.Subscription, done chan struct{}) {
	defer close(done)
	for msg := range sub.C() {
		if msg.Event == nil {
			m.handleRequest(msg.Data)
			continue
		}
		m.handle(msg.Event)
	}
}

// handleRequest queues an alert another module asked for.
func (m *Module) handleRequest(data any) {
	var a Alert
	if err := roundTrip(data, &a); err != nil {
		m.log.Warn().Err(err).Msg("alert request unreadable: ignored")
		return
	}
	if a.ID == "" {
		a.ID = newID()
	}
	if a.Screen == "" {
		a.Screen = DefaultScreen
	}
	a.DurationMs = min(max(a.DurationMs, MinDurationMs), MaxDurationMs)
	if a.DurationMs == MinDurationMs && a.DurationMs < DefaultDurationMs {
		a.DurationMs = DefaultDurationMs
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seq++
	m.queue(&item{alert: a, seq: m.seq})
}

func roundTrip(in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

// handle decides whether e alerts and queues it.
func (m *Module) handle(e *domain.Event) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t := e.Type
	if t == domain.EventGiftStreak {
		t = domain.EventGift
	}
	c := m.configs[string(t)]
	streak, ok := m.comboStep(e, c)
	if !ok || !c.Enabled || (t == domain.EventGift && e.Coins < c.MinCoins) {
		return
	}
	m.enqueue(e, c, streak)
}

// comboStep does the bookkeeping of combo-step mode. It returns the streak
// key to merge pending steps under, and false when e must not alert.
func (m *Module) comboStep(e *domain.Event, c Config) (string, bool) {
	switch {
	case e.Type == domain.EventGiftStreak && !c.ComboSteps:
		return "", false
	case e.Type == domain.EventGiftStreak:
		key := streakKey(e)
		if len(m.streaks) >= maxStreaks {
			clear(m.streaks)
		}
		m.streaks[key] = e.RepeatCount
		return key, true
	case e.Type == domain.EventGift && e.Streakable:
		key := streakKey(e)
		last, seen := m.streaks[key]
		delete(m.streaks, key)
		if c.ComboSteps && seen && last >= e.RepeatCount {
			return "", false // the last step already showed this count
		}
		if c.ComboSteps {
			return key, true
		}
	}
	return "", true
}

func streakKey(e *domain.Event) string {
	return e.UserID + ":" + e.UniqueID + ":" + strconv.FormatInt(e.GiftID, 10)
}

// enqueue renders the alert for e and queues it on its screen. Callers
// hold mu.
func (m *Module) enqueue(e *domain.Event, c Config, streak string) (Alert, bool) {
	m.seq++
	it := &item{alert: render(e, c), priority: c.Priority, seq: m.seq, streak: streak, burst: newBurst(e, c)}
	return it.alert, m.queue(it)
}

// queue puts it on its screen's queue (merging combo steps, coalescing
// bursts when the queue is long) and shows it when the screen is free. It
// always succeeds. Callers hold mu.
func (m *Module) queue(it *item) bool {
	s := m.screen(it.alert.Screen)
	if s.merge(it) {
		return true
	}
	if len(s.pending) >= m.maxQ && s.coalesce(it) {
		return true
	}
	s.push(it)
	m.advance(s)
	return true
}

func render(e *domain.Event, c Config) Alert {
	return Alert{
		ID: newID(), Screen: c.Screen, EventType: string(e.Type),
		Text:     Render(c.Text, e),
		ImageURL: mediaURL(c.ImageURL, e), SoundURL: mediaURL(c.SoundURL, e), VideoURL: mediaURL(c.VideoURL, e),
		DurationMs: c.DurationMs, Animation: c.Animation, Event: e,
	}
}

func (m *Module) screen(name string) *screen {
	s := m.screens[name]
	if s == nil {
		s = &screen{name: name}
		m.screens[name] = s
	}
	return s
}

// advance shows the next alert of s if nothing is showing. Callers hold mu.
func (m *Module) advance(s *screen) {
	if s.current != nil || m.paused || m.stopping {
		return
	}
	it := s.pop()
	if it == nil {
		return
	}
	s.current = it
	s.gen++
	gen := s.gen
	m.bus.Publish(domain.Message{Type: TypeAlert, Data: it.alert})
	d := time.Duration(it.alert.DurationMs)*time.Millisecond + m.gap
	s.timer = time.AfterFunc(d, func() { m.finished(s, gen) })
}

// finished is called by a screen's timer when its alert has run its course.
func (m *Module) finished(s *screen, gen uint64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s.gen != gen {
		return
	}
	s.current, s.timer = nil, nil
	m.advance(s)
}

// Skip ends the alert showing on screen and moves on to the next one. It
// reports whether an alert was showing.
func (m *Module) Skip(screen string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.bus.Publish(domain.Message{Type: TypeControl, Data: Control{Screen: screen, Action: "skip"}})
	s := m.screens[screen]
	if s == nil {
		return false
	}
	had := s.stop()
	m.advance(s)
	return had
}

// Clear ends the alert showing on screen and drops every waiting one. It
// returns how many alerts were removed.
func (m *Module) Clear(screen string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.bus.Publish(domain.Message{Type: TypeControl, Data: Control{Screen: screen, Action: "clear"}})
	s := m.screens[screen]
	if s == nil {
		return 0
	}
	n := len(s.pending)
	s.pending = nil
	if s.stop() {
		n++
	}
	return n
}

// SetPaused pauses or resumes all screens. While paused, alerts keep
// queueing (bounded) and the one on display finishes; on resume the queues
// continue.
func (m *Module) SetPaused(paused bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.paused = paused
	m.publishPaused()
	for _, s := range m.screens {
		m.advance(s)
	}
}

func (m *Module) publishPaused() {
	m.bus.Publish(domain.Message{Type: TypePaused, Key: TypePaused, Data: Paused{Paused: m.paused}})
}

// Paused reports whether alerts are paused.
func (m *Module) Paused() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.paused
}

// Status describes every screen that has been used, sorted by name.
func (m *Module) Status() []ScreenStatus {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]ScreenStatus, 0, len(m.screens))
	for _, s := range m.screens {
		out = append(out, s.status())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

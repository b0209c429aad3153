// Package obs bridges LTTH to OBS Studio over obs-websocket v5 (goobs): it
// keeps a connection to OBS (reconnecting with backoff and jitter), mirrors
// OBS's scenes, sources and filters, runs OBS commands from flows, REST and
// bus messages in order on one queue per connection, and turns OBS events
// into flow triggers. It never blocks the bus: commands that arrive while
// OBS is down fail at once, and the command queue is bounded.
package obs

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/andreykaipov/goobs"
	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// QueueSize bounds the commands waiting for OBS.
const QueueSize = 256

// ErrDown is the kind of every "OBS is not connected" error.
var ErrDown = httpapi.NewError(httpapi.ErrUnavailable, "OBS is not connected")

// OverlaySource is one LTTH page "Add to OBS" creates as a browser source.
type OverlaySource struct {
	Name   string `json:"name"`
	URL    string `json:"url"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	// Anchor, when set, places the source on the canvas: top-left, top,
	// top-right, left, center, right, bottom-left, bottom or bottom-right.
	Anchor string `json:"anchor,omitempty"`
}

// Options tune the module; the zero value is usable.
type Options struct {
	Log zerolog.Logger
	// Overlays lists the overlay pages "Add to OBS" creates (core passes
	// the listener's base URL, goal/leaderboard and enabled plugin pages).
	Overlays func() []OverlaySource
	// ResponseTimeout bounds one OBS request; 0 = 3s.
	ResponseTimeout time.Duration
	// MinBackoff and MaxBackoff bound the reconnect delay; 0 = 250ms / 15s.
	MinBackoff, MaxBackoff time.Duration
}

// Module is the OBS bridge (module.Module, module.RouteProvider,
// action.BlockProvider).
type Module struct {
	bus  *bus.Bus
	st   SettingsStore
	log  zerolog.Logger
	opts Options

	mu       sync.Mutex
	settings Settings
	status   Status
	state    State
	client   *goobs.Client

	jobs    chan job
	reconf  chan struct{}
	refresh atomic.Bool // a state refresh is queued
	dropped atomic.Uint64

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	sub    *bus.Subscription
}

var _ module.Module = (*Module)(nil)

// job is one unit of work on the OBS connection.
type job struct {
	name string
	fn   func(*goobs.Client) error
	done chan error // nil: nobody waits
}

// New returns the module; st holds its settings (*store.DB satisfies it).
func New(b *bus.Bus, st SettingsStore, opts Options) *Module {
	if opts.ResponseTimeout <= 0 {
		opts.ResponseTimeout = 3 * time.Second
	}
	if opts.MinBackoff <= 0 {
		opts.MinBackoff = 250 * time.Millisecond
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = 15 * time.Second
	}
	return &Module{bus: b, st: st, log: opts.Log, opts: opts,
		jobs: make(chan job, QueueSize), reconf: make(chan struct{}, 1)}
}

// ID implements module.Module.
func (m *Module) ID() string { return "obs" }

// Start loads the settings and starts connecting; it returns at once.
func (m *Module) Start(ctx context.Context) error {
	s, err := loadSettings(m.st)
	if err != nil {
		return fmt.Errorf("obs settings: %w", err)
	}
	m.mu.Lock()
	m.settings = s
	m.status = Status{State: StateConnecting, Addr: s.Addr()}
	m.mu.Unlock()
	select { // settings stored before Start are already loaded
	case <-m.reconf:
	default:
	}
	m.ctx, m.cancel = context.WithCancel(context.Background())
	m.sub = m.bus.Subscribe("obs", QueueSize, IsCommand)
	m.wg.Add(3)
	go func() { defer m.wg.Done(); m.connectLoop(m.ctx) }()
	go func() { defer m.wg.Done(); m.worker(m.ctx) }()
	go func() { defer m.wg.Done(); m.commands(m.ctx) }()
	return nil
}

// Stop disconnects from OBS and waits for every goroutine.
func (m *Module) Stop(ctx context.Context) error {
	if m.cancel == nil {
		return nil
	}
	m.cancel()
	m.sub.Close()
	if err := module.Wait(ctx, &m.wg); err != nil {
		return fmt.Errorf("obs: stop timed out: %w", err)
	}
	return nil
}

// Status returns the connection status.
func (m *Module) Status() Status {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.status
}

// State returns a copy of what OBS shows.
func (m *Module) State() State {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.state
	s.Scenes = append([]Scene(nil), s.Scenes...)
	s.Connected, s.Reason = m.status.Connected, m.status.Reason
	return s
}

// Settings returns the connection settings (with the password).
func (m *Module) Settings() Settings {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.settings
}

// SetSettings stores s and reconnects with it.
func (m *Module) SetSettings(s Settings) error {
	if err := saveSettings(m.st, s); err != nil {
		return err
	}
	m.mu.Lock()
	m.settings = s
	m.mu.Unlock()
	select {
	case m.reconf <- struct{}{}:
	default:
	}
	return nil
}

// downErr says why OBS cannot take a command now.
func (m *Module) downErr() error {
	st := m.Status()
	if st.Reason == "" {
		return fmt.Errorf("%w (%s)", ErrDown, st.State)
	}
	return fmt.Errorf("%w: %s", ErrDown, st.Reason)
}

// submit queues j without blocking. It fails at once when OBS is down or
// the queue is full.
func (m *Module) submit(j job) error {
	if !m.Status().Connected {
		return m.downErr()
	}
	select {
	case m.jobs <- j:
		return nil
	default:
		m.dropped.Add(1)
		return httpapi.NewError(httpapi.ErrUnavailable, fmt.Sprintf("OBS is busy: %d commands are waiting", QueueSize))
	}
}

// call runs fn on the connection, in order with every other command, and
// waits for its result (at most ctx, or the response timeout after it was
// started).
func (m *Module) call(ctx context.Context, name string, fn func(*goobs.Client) error) error {
	j := job{name: name, fn: fn, done: make(chan error, 1)}
	if err := m.submit(j); err != nil {
		return err
	}
	wait := time.NewTimer(2*m.opts.ResponseTimeout + time.Second)
	defer wait.Stop()
	select {
	case err := <-j.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	case <-wait.C:
		return httpapi.NewError(httpapi.ErrUnavailable, name+": OBS did not answer in time")
	}
}

// worker runs the queued jobs one by one on the current client.
func (m *Module) worker(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-m.jobs:
			m.runJob(j)
		}
	}
}

func (m *Module) runJob(j job) {
	m.mu.Lock()
	c := m.client
	m.mu.Unlock()
	var err error
	if c == nil {
		err = m.downErr()
	} else {
		err = j.fn(c)
	}
	if err != nil && j.done == nil {
		m.log.Debug().Err(err).Str("job", j.name).Msg("obs command failed")
	}
	if j.done != nil {
		j.done <- err
	}
}

// Do runs cmd on OBS and waits for the result. Timed commands
// (cmd.Seconds > 0) are undone after that long.
func (m *Module) Do(ctx context.Context, cmd Command) error {
	fn, err := m.plan(cmd)
	if err != nil {
		return err
	}
	if err := m.call(ctx, cmd.Op, fn); err != nil {
		return err
	}
	m.scheduleUndo(cmd)
	return nil
}

// Dropped counts commands refused because the queue was full.
func (m *Module) Dropped() uint64 { return m.dropped.Load() }

// publish puts a message on the bus.
func (m *Module) publish(typ, key string, data any) {
	m.bus.Publish(domain.Message{Type: typ, Key: key, Data: data})
}

// IsCommand accepts TypeCommand messages, also as a plugin event
// ("plugin:<id>:obsCommand", what a plugin's Host.Publish(TypeCommand, cmd)
// emits).
func IsCommand(msg *domain.Message) bool {
	return msg.Type == TypeCommand || strings.HasPrefix(msg.Type, "plugin:") && strings.HasSuffix(msg.Type, ":"+TypeCommand)
}

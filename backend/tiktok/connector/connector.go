// Package connector is the module that owns the TikTok connection: a
// user-ordered list of sources with failover, reconnects with backoff,
// one normalizer per watched stream (so de-duplication survives
// reconnects), events and connection state on the bus, a timeline with
// coverage gaps, capture recording and replay, and the REST API for all of it.
package connector

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/tiktok/capture"
	"github.com/ltth/ltth/backend/tiktok/source"
)

// Config tunes the connector. Zero fields get production defaults; tests
// point the base URLs at faketiktok.
type Config struct {
	WebBase      string // TikTok web (default https://www.tiktok.com)
	SignBase     string // default sign server, when the user set none (default https://api.eulerstream.com)
	EulerURL     string // relay websocket (default wss://ws.eulerstream.com)
	TikFinityURL string // default ws://localhost:21213/

	Heartbeat    time.Duration // push socket heartbeat (default 10 s)
	BackoffMin   time.Duration // first reconnect delay (default 2 s)
	BackoffMax   time.Duration // longest reconnect delay (default 2 min)
	NotLiveRetry time.Duration // how often to look again while the user is offline (default 30 s)

	StreakTimeout time.Duration // commit a streak whose end never came (default 10 s)
	StreakTick    time.Duration // how often to check streaks (default 1 s)

	BrowserHeadless bool // browser capture without a window (tests, servers)
	AutoConnect     bool // connect on Start when a target is saved

	// PushHostAllowed vets push servers (default: TikTok hosts only).
	PushHostAllowed func(host string) bool
}

// Deps are the connector's collaborators.
type Deps struct {
	Bus      *bus.Bus
	Log      zerolog.Logger
	Settings SettingsStore
	DataDir  string
	Now      func() time.Time               // default time.Now
	Jitter   func() float64                 // in [0,1); default math/rand
	Sources  func(Settings) []source.Source // test hook: build the source list yourself
}

// Connector is the TikTok connection module.
type Connector struct {
	cfg  Config
	deps Deps

	mu        sync.Mutex
	settings  Settings
	status    Status
	timeline  []TimelineEntry
	gaps      []Gap
	srcOrder  []string
	srcStatus map[string]SourceStatus
	wasLive   bool
	manualOff bool // the streamer pressed Disconnect (persisted, see manual.go)
	session   *session
	replay    context.CancelFunc
	replayEnd chan struct{} // closed when the running replay has stopped
	replaying string        // the capture being replayed, "" when none
	recMu     sync.Mutex    // guards recorder, recPath (taken after mu, never before)
	recorder  *capture.Writer
	recPath   string
	wg        sync.WaitGroup
	baseCtx   context.Context
	stopBase  context.CancelFunc
}

// New builds the connector; nothing runs until Start.
func New(cfg Config, deps Deps) *Connector {
	cfg = withDefaults(cfg)
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Jitter == nil {
		deps.Jitter = rand.Float64
	}
	c := &Connector{cfg: cfg, deps: deps, srcStatus: map[string]SourceStatus{}}
	c.status.State = StateDisconnected
	c.settings = Settings{Sources: DefaultSources()}
	c.srcOrder = c.settings.Sources
	c.baseCtx, c.stopBase = context.WithCancel(context.Background())
	return c
}

func withDefaults(cfg Config) Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.BackoffMin, 2*time.Second)
	def(&cfg.BackoffMax, 2*time.Minute)
	def(&cfg.NotLiveRetry, 30*time.Second)
	def(&cfg.StreakTick, time.Second)
	return cfg
}

var (
	_ module.Module        = (*Connector)(nil)
	_ module.RouteProvider = (*Connector)(nil)
)

// ID implements module.Module.
func (c *Connector) ID() string { return "tiktok" }

// Start loads the settings and, with AutoConnect, connects to the saved target.
func (c *Connector) Start(ctx context.Context) error {
	s, err := loadSettings(c.deps.Settings)
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.settings = s
	c.srcOrder = append([]string(nil), s.Sources...)
	c.manualOff = manuallyDisconnected(c.deps.Settings)
	manual := c.manualOff
	msg := c.stateMessageLocked()
	c.mu.Unlock()
	c.publish(msg)
	if c.cfg.AutoConnect && s.Target != "" && !manual {
		return c.Connect(ctx, s.Target)
	}
	return nil
}

// Stop ends the connection, any replay and recording, and waits for them.
func (c *Connector) Stop(ctx context.Context) error {
	if err := c.disconnect(ctx); err != nil {
		return err
	}
	c.stopBase()
	if err := module.Wait(ctx, &c.wg); err != nil {
		return err
	}
	return c.SetRecording(false)
}

// Connect starts watching target ("" = the saved target), replacing any
// current connection. It returns at once (the connection runs in the
// background) and fails only for an unusable target.
func (c *Connector) Connect(ctx context.Context, target string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	if target == "" {
		target = c.settings.Target
	}
	t, err := source.ParseTarget(target)
	if err != nil {
		c.mu.Unlock()
		return err
	}
	c.setManualDisconnect(false)
	if c.settings.Target != target {
		c.settings.Target = target
		if err := saveSettings(c.deps.Settings, c.settings); err != nil {
			c.deps.Log.Warn().Err(err).Msg("could not save the connection target")
		}
	}
	old := c.session
	c.session = nil
	c.mu.Unlock()
	if old != nil {
		old.stop()
	}
	return c.startSession(t)
}

func (c *Connector) startSession(t source.Target) error {
	c.mu.Lock()
	if c.baseCtx.Err() != nil {
		c.mu.Unlock()
		return errors.New("the connector is stopped")
	}
	s := newSession(c, t, c.buildSourcesLocked())
	c.session = s
	c.srcOrder = s.names()
	c.srcStatus = map[string]SourceStatus{}
	c.wasLive = false
	c.status.UniqueID, c.status.RoomID = t.UniqueID, t.RoomID
	msg := c.setStateLocked(StateConnecting, "", "", "connecting to "+t.String())
	c.wg.Add(1)
	c.mu.Unlock()
	c.publish(msg)
	go func() {
		defer c.wg.Done()
		s.run()
	}()
	return nil
}

// Disconnect stops watching and waits (up to ctx) for the connection to
// close. It is the streamer's choice: it is remembered for the profile, so
// a profile switch or a restart does not connect again until Connect.
func (c *Connector) Disconnect(ctx context.Context) error {
	c.mu.Lock()
	c.setManualDisconnect(true)
	c.mu.Unlock()
	return c.disconnect(ctx)
}

// disconnect closes the connection without remembering a choice (Stop).
func (c *Connector) disconnect(ctx context.Context) error {
	c.mu.Lock()
	s := c.session
	c.session = nil
	c.mu.Unlock()
	if s == nil {
		return nil
	}
	s.cancel()
	select {
	case <-s.done:
	case <-ctx.Done():
		return ctx.Err()
	}
	c.mu.Lock()
	var msgs []domain.Message
	if c.session == nil && c.status.State != StateDisconnected {
		for _, n := range c.srcOrder {
			c.srcStatus[n] = SourceStatus{Name: n, State: SourceIdle}
		}
		msgs = append(msgs, c.setStateLocked(StateDisconnected, "", "", "disconnected by the user"))
	}
	c.mu.Unlock()
	c.publish(msgs...)
	return nil
}

func (c *Connector) now() time.Time { return c.deps.Now() }

package flow

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
)

// Options configure an Engine. Bus and Store are required; the rest have
// defaults.
type Options struct {
	Bus   *bus.Bus
	Store Store
	// Registry holds the building blocks. The engine adds the built-in
	// triggers, conditions and actions to it; other modules add theirs
	// before Start (or call Reload after). nil: a new registry.
	Registry *action.Registry
	// DataDir is the data directory; per-flow logs go to
	// <DataDir>/flow_logs/<flow-id>.log. "": no flow logs.
	DataDir string
	Log     zerolog.Logger    // zero value: silent
	Roles   action.RoleLookup // top gifter (and other role) lookups; may be nil
	// HTTPClient sends webhook actions (nil: a client without redirects to
	// non-http(s) schemes; each request has the action's own timeout).
	HTTPClient *http.Client
	Now        func() time.Time // clock (tests inject one)
	Rand       func() float64   // [0,1) for random chance (tests inject one)
	// MaxDepth bounds run-flow chains and event re-entry (default 8).
	MaxDepth int
	// MaxRunsPerSecond is the default per-flow circuit breaker (default 30).
	MaxRunsPerSecond int
	// BreakerCooldown is how long a tripped flow stays off (default 10s).
	BreakerCooldown time.Duration
	// Traces is how many recent runs are kept per flow (default 50).
	Traces int
	// TraceStore, when set, holds the run history instead of a store of the
	// engine's own (Traces is then ignored): one per profile outlives the engine.
	TraceStore *TraceStore
	// LogMaxBytes caps each flow log before it is rotated (default 1 MiB).
	LogMaxBytes int64
	// QueueSize bounds each named queue (default 256).
	QueueSize int
	// TickInterval is the timer trigger resolution (default 1s; negative:
	// no ticker, tests call Tick).
	TickInterval time.Duration
}

func (o *Options) defaults() {
	if o.Registry == nil {
		o.Registry = action.NewRegistry()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Rand == nil {
		o.Rand = rand.Float64
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = 8
	}
	if o.MaxRunsPerSecond == 0 {
		o.MaxRunsPerSecond = 30
	}
	if o.BreakerCooldown <= 0 {
		o.BreakerCooldown = 10 * time.Second
	}
	if o.Traces <= 0 {
		o.Traces = 50
	}
	if o.LogMaxBytes <= 0 {
		o.LogMaxBytes = 1 << 20
	}
	if o.QueueSize <= 0 {
		o.QueueSize = 256
	}
	if o.TickInterval == 0 {
		o.TickInterval = time.Second
	}
	if o.HTTPClient == nil {
		o.HTTPClient = newHTTPClient()
	}
}

// Errors of the engine's API.
var (
	ErrNotFound = httpapi.NewError(httpapi.ErrNotFound, "flow not found")
	ErrInvalid  = httpapi.NewError(httpapi.ErrInvalid, "invalid flow")
)

// Engine is the flow engine (module.Module and module.RouteProvider).
type Engine struct {
	opts Options
	reg  *action.Registry
	bus  *bus.Bus
	st   Store
	log  zerolog.Logger

	mu      sync.RWMutex
	flows   map[string]*entry
	runners map[string]*runner
	idx     atomic.Pointer[index]

	vars    *varStore
	queues  *queues
	traces  *traceStore
	logs    *flowLogs
	origins *origins
	live    atomic.Bool
	seq     atomic.Uint64

	ctx    context.Context // canceled by Stop; every run derives from it
	cancel context.CancelFunc
	prefix string // makes run ids unique across restarts

	stopMu  sync.Mutex // orders runs.Add against Stop's runs.Wait
	stopped bool
	runs    sync.WaitGroup
	loops   sync.WaitGroup
	sub     *bus.Subscription
}

// entry is one stored flow: its document and, when valid, its compiled form.
type entry struct {
	rec FlowRecord
	def *Flow     // nil when the definition is not valid JSON
	c   *compiled // nil when invalid
	err error     // why invalid
}

func (en *entry) active() bool { return en.c != nil && en.rec.Enabled }

// New creates an engine and adds the built-in blocks to the registry.
func (o Options) traceStore() *traceStore {
	if o.TraceStore != nil {
		return o.TraceStore.s
	}
	return newTraceStore(o.Traces)
}

func New(opts Options) (*Engine, error) {
	if opts.Bus == nil || opts.Store == nil {
		return nil, errors.New("flow: Bus and Store are required")
	}
	opts.defaults()
	ctx, cancel := context.WithCancel(context.Background())
	e := &Engine{opts: opts, reg: opts.Registry, bus: opts.Bus, st: opts.Store, log: opts.Log,
		flows: map[string]*entry{}, runners: map[string]*runner{},
		vars: newVarStore(opts.Store), traces: opts.traceStore(),
		logs: newFlowLogs(opts.DataDir, opts.LogMaxBytes), origins: newOrigins(),
		ctx: ctx, cancel: cancel, prefix: NewID()[1:7]}
	e.queues = newQueues(ctx, opts.QueueSize, e.execute)
	e.idx.Store(&index{})
	if err := registerBuiltins(e); err != nil {
		cancel()
		return nil, err
	}
	return e, nil
}

// ID implements module.Module.
func (e *Engine) ID() string { return "flow" }

// Registry returns the registry flows are compiled against.
func (e *Engine) Registry() *action.Registry { return e.reg }

// Start loads variables and flows (an invalid flow loads disabled with its
// reason; nothing stops start-up) and starts consuming the bus and timers.
func (e *Engine) Start(context.Context) error {
	if err := e.vars.load(); err != nil {
		e.log.Error().Err(err).Msg("flow variables could not be loaded")
	}
	if err := e.Reload(); err != nil {
		e.log.Error().Err(err).Msg("flows could not be loaded")
	}
	e.sub = e.bus.SubscribeLossless("flow", 4096, e.wants)
	e.loops.Add(1)
	go e.consume(e.sub)
	if e.opts.TickInterval > 0 {
		e.loops.Add(1)
		go e.ticker(e.opts.TickInterval)
	}
	return nil
}

// Stop stops consuming, cancels running flows and waits for them (up to
// ctx's deadline).
func (e *Engine) Stop(ctx context.Context) error {
	e.stopMu.Lock()
	e.stopped = true
	e.stopMu.Unlock()
	e.cancel()
	if e.sub != nil {
		e.sub.Close()
	}
	done := make(chan struct{})
	go func() {
		e.loops.Wait()
		e.queues.wait()
		e.runs.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// wants selects the bus messages some enabled flow listens to (by the
// index, so modules' own trigger keys work), plus what the engine tracks
// itself (connection state). It runs in the publisher's goroutine: an
// atomic load and a map lookup.
func (e *Engine) wants(m *domain.Message) bool {
	if m.Event != nil {
		switch m.Event.Type {
		case domain.EventConnected, domain.EventDisconnected, domain.EventStreamEnd:
			return true
		}
	} else if m.Type == domain.MsgConnection {
		return true
	}
	return len(e.idx.Load().byKey[m.Type]) > 0
}

func (e *Engine) consume(sub *bus.Subscription) {
	defer e.loops.Done()
	for m := range sub.C() {
		e.handle(m)
	}
}

func (e *Engine) ticker(every time.Duration) {
	defer e.loops.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-e.ctx.Done():
			return
		case <-t.C:
			e.Tick(e.opts.Now())
		}
	}
}

// Reload recompiles every stored flow against the registry (after a module
// registered new blocks, or to pick up store changes made elsewhere).
func (e *Engine) Reload() error {
	recs, err := e.st.ListFlows()
	if err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.flows = make(map[string]*entry, len(recs))
	for _, r := range recs {
		en := e.build(r)
		if en.err != nil {
			e.log.Warn().Str("flow", r.ID).Err(en.err).Msg("flow loaded disabled")
		}
		e.flows[r.ID] = en
	}
	e.rebuildLocked()
	return nil
}

// build turns a stored record into an entry.
func (e *Engine) build(r FlowRecord) *entry {
	en := &entry{rec: r}
	f, err := Decode(r.Definition)
	if err != nil {
		en.err = err
		return en
	}
	f.ID, f.Enabled, f.UpdatedAt = r.ID, r.Enabled, r.UpdatedAt
	if r.Name != "" {
		f.Name = r.Name
	}
	f.normalize()
	en.def = f
	en.c, en.err = compile(e.reg, f)
	return en
}

func (e *Engine) now() time.Time { return e.opts.Now() }

// track counts an admitted run unless the engine is stopping.
func (e *Engine) track() bool {
	e.stopMu.Lock()
	defer e.stopMu.Unlock()
	if e.stopped {
		return false
	}
	e.runs.Add(1)
	return true
}

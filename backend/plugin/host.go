package plugin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// Plugin states reported by GET /api/plugins.
const (
	StateRunning = "running"
	StateStopped = "stopped"
	StateError   = "error"
)

// StateType is the bus type (and retained key) of the plugin list the
// host publishes for the dashboard on every change.
const StateType = "plugins"

// Store is what the host needs from the profile database: settings (for
// each plugin's enabled flag and settings) and the plugin_kv table.
type Store interface {
	GetSetting(key string) (string, bool, error)
	SetSetting(key, value string) error
	PluginKVGet(plugin, key string) ([]byte, bool, error)
	PluginKVPut(plugin, key string, value []byte) error
	PluginKVDelete(plugin, key string) error
	PluginKVKeys(plugin string) ([]string, error)
}

// Options configure a Manager. Bus, Registry and Store are required.
type Options struct {
	Bus      *bus.Bus
	Registry *action.Registry
	Store    Store
	Log      zerolog.Logger
	// BlocksChanged is called after a plugin's blocks were added or
	// removed, so the flow engine re-checks the flows that use them.
	BlocksChanged func()
	// Plugins are the plugins to host; nil: every Registered() plugin.
	Plugins []Registration
	// DataDir is the folder under which each plugin gets its own files
	// directory (<DataDir>/<id>, see plugin.DataDir): the profile's
	// plugins folder. Empty: plugins get a folder in the user cache dir.
	DataDir string
	// StopTimeout bounds a plugin's Stop and the wait for its goroutines
	// (default 5s).
	StopTimeout time.Duration
	// OnPanic is told of every plugin panic the host recovers (where, the
	// panic value, the stack), to leave a crash report; nil: only logged.
	OnPanic func(where string, p any, stack []byte)
}

// Manager runs the plugins of one open profile. It is a module.Module and
// module.RouteProvider, profile-scoped like the other modules.
type Manager struct {
	opts  Options
	bus   *bus.Bus
	log   zerolog.Logger
	order []*instance
	byID  map[string]*instance
	api   http.Handler // the /api/plugins/ dispatcher

	opMu   sync.Mutex // serializes start/stop/enable/disable/reload
	faults sync.WaitGroup
	closed bool // guarded by opMu: Stop ran
}

var (
	_ module.Module        = (*Manager)(nil)
	_ module.RouteProvider = (*Manager)(nil)
)

// Errors of the host's API.
var (
	ErrUnknown  = httpapi.NewError(httpapi.ErrNotFound, "no such plugin")
	ErrSettings = httpapi.NewError(httpapi.ErrUnprocessable, "invalid settings")
)

// New creates a Manager with one (stopped) instance per plugin.
func New(opts Options) (*Manager, error) {
	if opts.Bus == nil || opts.Registry == nil || opts.Store == nil {
		return nil, errors.New("plugin: Bus, Registry and Store are required")
	}
	if opts.StopTimeout <= 0 {
		opts.StopTimeout = 5 * time.Second
	}
	if opts.Plugins == nil {
		opts.Plugins = Registered()
	}
	m := &Manager{opts: opts, bus: opts.Bus, log: opts.Log, byID: map[string]*instance{}}
	m.api = m.apiHandler()
	for _, r := range opts.Plugins {
		if m.byID[r.Manifest.ID] != nil {
			return nil, fmt.Errorf("%s: %w", r.Manifest.ID, ErrRegistered)
		}
		in := newInstance(m, r)
		m.order = append(m.order, in)
		m.byID[r.Manifest.ID] = in
	}
	return m, nil
}

// ID implements module.Module.
func (m *Manager) ID() string { return "plugins" }

// Start starts every enabled plugin. A plugin that fails is marked error;
// Start itself never fails because of a plugin.
func (m *Manager) Start(ctx context.Context) error {
	m.opMu.Lock()
	defer m.opMu.Unlock()
	for _, in := range m.order {
		on, err := m.loadEnabled(in)
		if err != nil {
			in.setState(StateError, err.Error())
			continue
		}
		in.setEnabled(on)
		if on {
			m.startLocked(ctx, in)
		}
	}
	m.publishState()
	return nil
}

// Stop stops every running plugin, in reverse order.
func (m *Manager) Stop(ctx context.Context) error {
	m.opMu.Lock()
	m.closed = true
	for i := len(m.order) - 1; i >= 0; i-- {
		m.stopLocked(ctx, m.order[i])
	}
	m.opMu.Unlock()
	m.faults.Wait()
	return nil
}

// SetEnabled enables (starts) or disables (stops) a plugin and persists
// the choice in the profile.
func (m *Manager) SetEnabled(ctx context.Context, id string, on bool) (Info, error) {
	in := m.byID[id]
	if in == nil {
		return Info{}, fmt.Errorf("%q: %w", id, ErrUnknown)
	}
	m.opMu.Lock()
	defer m.opMu.Unlock()
	if err := m.saveEnabled(in, on); err != nil {
		return in.info(), err
	}
	in.setEnabled(on)
	if on {
		m.startLocked(ctx, in) // no-op when already running
	} else if in.current() != nil {
		m.stopLocked(ctx, in) // stopped, or error when it did not stop cleanly
	} else {
		in.setState(StateStopped, "") // clears an earlier error
	}
	m.publishState()
	return in.info(), nil
}

// Reload stops a plugin and starts it again (if enabled).
func (m *Manager) Reload(ctx context.Context, id string) (Info, error) {
	in := m.byID[id]
	if in == nil {
		return Info{}, fmt.Errorf("%q: %w", id, ErrUnknown)
	}
	m.opMu.Lock()
	defer m.opMu.Unlock()
	m.reloadLocked(ctx, in)
	return in.info(), nil
}

func (m *Manager) reloadLocked(ctx context.Context, in *instance) {
	m.stopLocked(ctx, in)
	if in.isEnabled() && !m.closed {
		m.startLocked(ctx, in)
	} else {
		in.setState(StateStopped, "")
	}
	m.publishState()
}

// List describes every plugin, in id order.
func (m *Manager) List() []Info {
	out := make([]Info, len(m.order))
	for i, in := range m.order {
		out[i] = in.info()
	}
	return out
}

// Logs returns a plugin's recent log lines, oldest first.
func (m *Manager) Logs(id string) ([]LogLine, error) {
	in := m.byID[id]
	if in == nil {
		return nil, fmt.Errorf("%q: %w", id, ErrUnknown)
	}
	return in.logs.lines(), nil
}

// startLocked runs one plugin's constructor and Start, isolating panics
// and errors. Caller holds opMu.
func (m *Manager) startLocked(ctx context.Context, in *instance) {
	if m.closed || in.current() != nil {
		return
	}
	rt := newRuntime(in)
	err := guard("constructor", func() error {
		rt.p = in.reg.New()
		if rt.p == nil {
			return errors.New("constructor returned nil")
		}
		return nil
	})
	if err == nil {
		in.attach(rt) // routes are served while Start runs, blocks are kept
		err = guard("start", func() error { return rt.p.Start(rt.ctx, rt) })
	}
	if err != nil {
		m.teardown(ctx, in, rt, rt.p != nil)
		in.setState(StateError, err.Error())
		in.logs.add(zerolog.ErrorLevel, "start failed: "+err.Error())
		m.log.Error().Str("plugin", in.id()).Err(err).Msg("plugin failed to start")
		m.reportPanic(in.id(), err)
		return
	}
	in.setState(StateRunning, "")
	in.logs.add(zerolog.InfoLevel, "started")
}

// stopLocked stops a running plugin; a failing Stop marks it error. Caller
// holds opMu.
func (m *Manager) stopLocked(ctx context.Context, in *instance) {
	rt := in.current()
	if rt == nil {
		return
	}
	if err := m.teardown(ctx, in, rt, true); err != nil {
		in.setState(StateError, err.Error())
		in.logs.add(zerolog.ErrorLevel, "stop failed: "+err.Error())
		m.log.Error().Str("plugin", in.id()).Err(err).Msg("plugin failed to stop cleanly")
		return
	}
	in.setState(StateStopped, "")
	in.logs.add(zerolog.InfoLevel, "stopped")
}

// teardown unmounts rt, calls the plugin's Stop (when callStop), cancels
// its context, closes its subscriptions, waits for its goroutines and
// removes its blocks.
func (m *Manager) teardown(ctx context.Context, in *instance, rt *runtime, callStop bool) error {
	in.detach(rt)
	// a request that asked for the stop may end; the stop still gets its time
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), m.opts.StopTimeout)
	defer cancel()
	var errs []error
	if callStop {
		errs = append(errs, guard("stop", func() error { return rt.p.Stop(sctx) }))
	}
	errs = append(errs, rt.shutdown(sctx))
	if rt.removeBlocks(m.opts.Registry) && m.opts.BlocksChanged != nil {
		m.opts.BlocksChanged()
	}
	return errors.Join(errs...)
}

// fault isolates a plugin whose handler, subscriber, timer or goroutine
// failed at run time: it is stopped and marked error; the rest run on.
func (m *Manager) fault(in *instance, rt *runtime, err error) {
	m.log.Error().Str("plugin", in.id()).Err(err).Msg("plugin failed; stopped")
	m.reportPanic(in.id(), err)
	in.logs.add(zerolog.ErrorLevel, err.Error())
	m.faults.Add(1)
	go func() {
		defer m.faults.Done()
		m.opMu.Lock()
		defer m.opMu.Unlock()
		if in.current() != rt {
			return // already stopped or restarted
		}
		stopErr := m.teardown(context.Background(), in, rt, true)
		msg := err.Error()
		if stopErr != nil {
			msg += "; " + stopErr.Error()
		}
		in.setState(StateError, msg)
		m.publishState()
	}()
}

// publishState emits the retained plugin list for the dashboard.
func (m *Manager) publishState() {
	m.bus.Publish(domain.Message{Type: StateType, Key: StateType, Data: m.List()})
}

// guard runs fn, turning a panic into an error naming what failed.
func guard(what string, fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = newPanicError(what, p)
		}
	}()
	if err := fn(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// Routes implements module.RouteProvider: the host's REST API (http.go)
// and the dispatchers for every plugin's routes and assets. Patterns are
// fixed, so the listener registers them once; a plugin's handlers are
// reachable only while it runs. (The asset pattern has a wildcard so the
// listener's index page does not list it as an overlay page.)
func (m *Manager) Routes() []module.Route {
	return append(m.serviceRoutes(), []module.Route{
		// Plugins read their own bodies with their own limits (the soundboard
		// streams uploads to disk); the listener bounds them at 64 MiB.
		{Pattern: "/api/plugins/", Handler: m.api, MaxBody: 64 << 20},
		// A plugin's GET routes under /media/ (generated audio, its sound
		// files) are read by overlays in OBS, which have no token.
		{Pattern: "GET " + MediaPath, Handler: m.api, Public: true},
		{Pattern: "GET /plugins/{path...}", Handler: http.HandlerFunc(m.serveAssets)},
	}...)
}

package external

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/plugin"
)

// WSPath is the websocket external plugins connect to.
const WSPath = "/api/plugins/ext/ws"

// SettingsStore reads and writes a plugin's settings (the plugin host).
type SettingsStore interface {
	Settings(id string) (json.RawMessage, error)
	PutSettings(ctx context.Context, id string, raw []byte) (json.RawMessage, error)
}

// Options configure a Module. Root, Bus, Registry and BaseURL are required.
type Options struct {
	Root     string // <data-dir>/plugins: one folder per plugin
	Bus      *bus.Bus
	Registry *action.Registry
	// BaseURL is LTTH's http://host:port, for the plugins' environment.
	BaseURL func() string
	Log     zerolog.Logger
	// BlocksChanged is called after a plugin's blocks left the registry
	// (the flow engine re-checks its flows).
	BlocksChanged func()
	// Reserved are ids already taken (built-in plugins).
	Reserved      map[string]bool
	Backoff       Backoff
	InvokeTimeout time.Duration // a registered action's invoke (default 5s)
	QueueSize     int           // events queued per plugin before drops (default 256)
}

// Module discovers the external plugins of the data directory and serves
// their websocket and status. It is profile-scoped like the plugin host
// that runs them.
type Module struct {
	opts     Options
	backoff  Backoff
	log      zerolog.Logger
	entries  map[string]*entry
	order    []string
	problems []Problem
	upgrader websocket.Upgrader

	mu       sync.Mutex
	sessions map[string]*session // by token
	settings SettingsStore
}

var (
	_ module.Module        = (*Module)(nil)
	_ module.RouteProvider = (*Module)(nil)
)

// entry is one discovered plugin and its process status across runs.
type entry struct {
	spec   Spec
	mu     sync.Mutex
	status ProcStatus
}

// New discovers the plugins under opts.Root.
func New(opts Options) *Module {
	if opts.InvokeTimeout <= 0 {
		opts.InvokeTimeout = 5 * time.Second
	}
	if opts.QueueSize <= 0 {
		opts.QueueSize = 256
	}
	opts.Backoff.defaults()
	m := &Module{opts: opts, backoff: opts.Backoff, log: opts.Log, entries: map[string]*entry{},
		sessions: map[string]*session{}}
	// the listener checks the Origin of every /api/ request; the token does the rest
	m.upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	specs, probs := Discover(opts.Root)
	for _, s := range specs {
		if opts.Reserved[s.ID] {
			probs = append(probs, Problem{Dir: s.ID, Error: "id " + s.ID + " is a built-in plugin's"})
			continue
		}
		m.entries[s.ID] = &entry{spec: s, status: ProcStatus{State: ProcStopped}}
		m.order = append(m.order, s.ID)
	}
	sort.Strings(m.order)
	m.problems = probs
	for _, p := range probs {
		m.log.Warn().Str("plugin", p.Dir).Msg("external plugin not loaded: " + p.Error)
	}
	return m
}

// SetSettings gives the module the plugin host's settings (created after
// the module, from its registrations).
func (m *Module) SetSettings(s SettingsStore) {
	m.mu.Lock()
	m.settings = s
	m.mu.Unlock()
}

func (m *Module) settingsStore() SettingsStore {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.settings
}

// Registrations are the discovered plugins for the plugin host. They
// start disabled: enabling one is the streamer's decision.
func (m *Module) Registrations() []plugin.Registration {
	out := make([]plugin.Registration, 0, len(m.order))
	for _, id := range m.order {
		e := m.entries[id]
		mf := plugin.Manifest{ID: e.spec.ID, Name: e.spec.Name, Version: e.spec.Version,
			Description: e.spec.Description, Author: e.spec.Author, Permissions: e.spec.Permissions,
			Settings: e.spec.Settings}
		out = append(out, plugin.Registration{Manifest: mf, New: func() plugin.Plugin { return &runner{mod: m, e: e, spec: e.spec} }})
	}
	return out
}

// ID implements module.Module.
func (m *Module) ID() string { return "external-plugins" }

// Start implements module.Module (the plugin host starts the processes).
func (m *Module) Start(context.Context) error { return nil }

// Stop implements module.Module. The plugin host stops the processes,
// which ends their sessions; closing the sockets here first would look
// like crashes to the plugins and their supervisors.
func (m *Module) Stop(context.Context) error { return nil }

// Info is an external plugin on the Plugins page.
type Info struct {
	ID          string     `json:"id"`
	Dir         string     `json:"dir"`
	Command     string     `json:"command"`
	Args        []string   `json:"args"`
	Permissions []string   `json:"permissions"`
	Process     ProcStatus `json:"process"`
}

// List is GET /api/plugins/ext.
type List struct {
	Plugins  []Info    `json:"plugins"`
	Problems []Problem `json:"problems"`
}

// Status describes every external plugin and every folder that failed.
func (m *Module) Status() List {
	l := List{Plugins: []Info{}, Problems: append([]Problem{}, m.problems...)}
	for _, id := range m.order {
		e := m.entries[id]
		e.mu.Lock()
		st := e.status
		e.mu.Unlock()
		st.Subscribed = append([]string{}, st.Subscribed...)
		st.Blocks = append([]string{}, st.Blocks...)
		l.Plugins = append(l.Plugins, Info{ID: id, Dir: e.spec.Dir, Command: e.spec.Command,
			Args: append([]string{}, e.spec.Args...), Permissions: append([]string{}, e.spec.Permissions...), Process: st})
	}
	return l
}

// Routes implements module.RouteProvider. The websocket is public to the
// listener: it checks the plugin's own token itself.
func (m *Module) Routes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/plugins/ext", Summary: "External plugins: command, permissions, process status, folders that failed to load",
			Handler: http.HandlerFunc(m.handleList)},
		{Pattern: "GET " + WSPath, Public: true, Summary: "External plugin websocket (the plugin's own token, see docs/plugin-sdk.md)",
			Handler: http.HandlerFunc(m.serveWS)},
	}
}

// handleList only encodes: the service (svc.go) answers.
func (m *Module) handleList(w http.ResponseWriter, r *http.Request) {
	l, err := m.Service().List(r.Context())
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, l)
}

// newToken is a fresh random session token.
func newToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

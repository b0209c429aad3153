// Package tikfinity serves a TikFinity-compatible event websocket, so games,
// overlays and bots written for TikFinity's local API (ws://localhost:21213/)
// work with LTTH unchanged: opt-in, loopback only (IPv4 and IPv6), any
// browser origin, no token (it only pushes events), one
// {"event": .., "data": {..}} JSON text frame per event in TikTok-Live-
// Connector v1 form. It is profile-independent: its settings live in the
// data directory.
package tikfinity

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/httpapi"
)

// Options configure the module.
type Options struct {
	Bus     *bus.Bus
	DataDir string // where the settings file lives
	Log     zerolog.Logger
	// Hosts are the addresses listened on; default 127.0.0.1 and ::1 (a
	// host without IPv6 keeps the IPv4 one).
	Hosts        []string
	ClientQueue  int           // frames queued per client before they are dropped for it (default 1024)
	PingInterval time.Duration // keepalive ping period (default 20 s)
}

// Status is what the dashboard shows.
type Status struct {
	Settings
	Listening bool     `json:"listening"`
	Addrs     []string `json:"addrs"`
	Clients   int      `json:"clients"`
	Sent      uint64   `json:"sent"`    // frames written to clients
	Dropped   uint64   `json:"dropped"` // frames dropped for slow clients or a full queue
	Error     string   `json:"error,omitempty"`
}

// Module is the compat server. Create it with New.
type Module struct {
	opts Options

	mu       sync.Mutex
	settings Settings
	run      *runner
	lastErr  string
	ctx      context.Context
}

// New returns the module; nothing listens before Start.
func New(opts Options) *Module {
	if opts.Bus == nil {
		opts.Bus = bus.New()
	}
	if len(opts.Hosts) == 0 {
		opts.Hosts = []string{"127.0.0.1", "::1"}
	}
	if opts.ClientQueue <= 0 {
		opts.ClientQueue = 1024
	}
	if opts.PingInterval <= 0 {
		opts.PingInterval = 20 * time.Second
	}
	opts.Log = opts.Log.With().Str("module", "compat-tikfinity").Logger()
	return &Module{opts: opts, settings: Settings{Port: DefaultPort}, ctx: context.Background()}
}

// ID implements module.Module.
func (m *Module) ID() string { return "compat-tikfinity" }

// Start loads the settings and listens when enabled. A busy port is not
// fatal: it is logged and reported in Status.
func (m *Module) Start(ctx context.Context) error {
	s, err := loadSettings(m.opts.DataDir)
	if err != nil {
		m.opts.Log.Warn().Err(err).Msg("settings")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ctx, m.settings = context.WithoutCancel(ctx), s
	if s.Enabled {
		if m.run, err = m.listen(s.Port); err != nil {
			m.lastErr = err.Error()
			m.opts.Log.Error().Err(err).Msg("TikFinity-compatible websocket not started")
		}
	}
	return nil
}

// Stop closes the listeners and every client.
func (m *Module) Stop(context.Context) error {
	m.mu.Lock()
	r := m.run
	m.run = nil
	m.mu.Unlock()
	if r != nil {
		r.close()
	}
	return nil
}

// Settings returns the current settings.
func (m *Module) Settings() Settings {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.settings
}

// Apply validates, takes effect and persists s. The new listener is bound
// before the old one closes; when it cannot be bound nothing changes and
// the error says why (a conflict).
func (m *Module) Apply(s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if s == m.settings && (m.run != nil) == s.Enabled {
		return nil
	}
	var next *runner
	if s.Enabled && !(m.run != nil && m.settings.Port == s.Port) {
		var err error
		if next, err = m.listen(s.Port); err != nil {
			return httpapi.NewError(httpapi.ErrConflict, err.Error())
		}
	}
	if err := saveSettings(m.opts.DataDir, s); err != nil {
		if next != nil {
			next.close()
		}
		return fmt.Errorf("saving the settings: %w", err)
	}
	if next != nil || !s.Enabled {
		if m.run != nil {
			m.run.close()
		}
		m.run = next
	}
	m.settings, m.lastErr = s, ""
	return nil
}

// Status reports the settings, listeners and clients.
func (m *Module) Status() Status {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := Status{Settings: m.settings, Error: m.lastErr, Addrs: []string{}}
	if r := m.run; r != nil {
		st.Listening, st.Addrs = true, r.addrs()
		st.Clients, st.Sent, st.Dropped = r.stats()
	}
	return st
}

// listen binds port on every host; it fails only when no host could be
// bound (an address family the machine lacks is skipped).
func (m *Module) listen(port int) (*runner, error) {
	var lns []net.Listener
	var firstErr error
	for _, h := range m.opts.Hosts {
		ln, err := net.Listen("tcp", net.JoinHostPort(h, strconv.Itoa(port)))
		if err != nil {
			if firstErr == nil && !missingFamily(h, err) {
				firstErr = err
			}
			continue
		}
		lns = append(lns, ln)
	}
	if firstErr != nil || len(lns) == 0 {
		for _, ln := range lns {
			ln.Close()
		}
		if firstErr == nil {
			firstErr = fmt.Errorf("no loopback address could be bound")
		}
		return nil, fmt.Errorf("cannot listen on port %d (is TikFinity or another program using it? choose another port): %w", port, firstErr)
	}
	r := newRunner(m.opts, lns)
	r.start(m.ctx)
	m.opts.Log.Info().Strs("addrs", r.addrs()).Msg("TikFinity-compatible websocket listening")
	return r, nil
}

// missingFamily reports a bind failure because the machine has no such
// address (IPv6 disabled), which is not an error worth refusing for.
func missingFamily(host string, err error) bool {
	ip := net.ParseIP(host)
	if ip == nil || ip.To4() != nil {
		return false
	}
	ln, perr := net.Listen("tcp", "[::1]:0")
	if perr == nil {
		ln.Close()
		return false
	}
	return true
}

// Package server is LTTH's local listener: the HTTP + websocket server that
// serves overlays to OBS browser sources, the REST API and the /ws feed.
//
// Every route, including the ones modules add with Handle, goes through the
// security middleware (security.go): Host check against DNS rebinding, a
// bearer token for every mutating request, a local-only websocket Origin and
// a bounded request body.
package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
)

// DefaultAddr is the listener address used when Config.Addr is empty (the
// original app's port, so existing OBS browser sources keep working).
const DefaultAddr = "127.0.0.1:3000"

// MaxBodyBytes bounds a request body unless its route sets another limit
// (module.Route.MaxBody).
const MaxBodyBytes = 1 << 20

// Config configures the listener.
type Config struct {
	Addr     string // host:port; default DefaultAddr
	AllowLAN bool   // allow binding to a non-loopback address and LAN Host headers
	Token    string // bearer token for mutating requests; random when empty (see Token)
	Version  string // reported by /api/health

	// Websocket feed tuning; zero values pick the defaults.
	ClientQueue  int           // messages queued per client before the hub waits for it (default 4096); nothing is dropped
	StallTimeout time.Duration // a client whose queue stays beyond ClientQueue this long is disconnected (default 10s)
	PingInterval time.Duration // keepalive ping period (default 20s); pong wait is 3x
	HubQueue     int           // the hub's bus subscription size (default 16384)
}

// Deps are the listener's collaborators.
type Deps struct {
	Bus *bus.Bus
	Log zerolog.Logger
	// Health answers GET /api/health when set: the composition root's typed
	// report (core/service.Health), built on Server.Health. Without it the
	// listener answers Server.Health alone.
	Health http.Handler
	// Simulate receives events posted to /api/simulate after they have been
	// marked simulated (Simulated=true, Source="simulator", id/ts filled in).
	// Default: publish on the bus.
	Simulate func(domain.Event) error
	// APIToken checks a token the user created for an external tool
	// (ok: it exists; control: it may change things, not only read).
	// Optional; without it only the desktop token is accepted.
	APIToken func(token string) (control, ok bool)
}

// Server is the local listener. Create it with New.
type Server struct {
	cfg      Config
	log      zerolog.Logger
	bus      *bus.Bus
	health   http.Handler
	simulate func(domain.Event) error
	apiToken func(string) (bool, bool)
	token    atomic.Pointer[[]byte] // the desktop token; SetToken rotates it
	mux      *http.ServeMux
	handler  http.Handler
	index    *template.Template
	hub      *hub
	started  time.Time
	simSeq   atomic.Uint64

	lastReject atomic.Int64 // unix ns of the last refused-request log line
	windowHTTP atomic.Int64 // API/feed requests from the desktop window's origin

	stopped chan struct{} // closed by Shutdown

	relisten sync.Mutex // one Relisten at a time
	mu       sync.Mutex
	baseCtx  context.Context // Start's context, for listeners Relisten opens
	http     *http.Server
	ln       net.Listener
	pages    []string // module overlay pages for the index
	table    []RouteInfo
	shutdown bool
}

// New builds a server. It subscribes the websocket hub to the bus at once
// (as "ws-hub"), so state published before Start is retained for the
// snapshot; call Shutdown to release the subscription even if never started.
func New(cfg Config, deps Deps) *Server {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if deps.Bus == nil {
		deps.Bus = bus.New()
	}
	s := &Server{
		cfg:     cfg,
		log:     deps.Log.With().Str("component", "server").Logger(),
		bus:     deps.Bus,
		health:  deps.Health,
		mux:     http.NewServeMux(),
		started: time.Now(),
		stopped: make(chan struct{}),
	}
	if cfg.Token == "" {
		cfg.Token = randomToken()
		s.log.Warn().Msg("no API token configured; generated a random one for this run")
	}
	s.SetToken(cfg.Token)
	s.simulate = deps.Simulate
	s.apiToken = deps.APIToken
	if s.simulate == nil {
		s.simulate = s.publishSimulated
	}
	s.hub = newHub(hubConfigFrom(cfg), deps.Bus, s.log)
	s.index = parseIndex()
	s.routes()
	s.handler = s.secure(versioned(s.mux))
	return s
}

// ID makes the server a module.Module.
func (s *Server) ID() string { return "server" }

// Token returns the bearer token mutating requests must carry.
func (s *Server) Token() string { return string(*s.token.Load()) }

// Handler returns the server's full handler (middleware included), for
// embedding or in-process tests.
func (s *Server) Handler() http.Handler { return s.handler }

// Handle adds a module route; it may be called before or after Start. A
// pattern that conflicts with an existing one is rejected with an error
// (and logged) instead of panicking.
func (s *Server) Handle(r module.Route) (err error) {
	if r.Handler == nil {
		return fmt.Errorf("route %q: nil handler", r.Pattern)
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("route %q: %v", r.Pattern, p)
			s.log.Error().Err(err).Msg("module route rejected")
		}
	}()
	s.handleLimited(r)
	if page, ok := indexPage(r.Pattern); ok {
		s.mu.Lock()
		s.pages = append(s.pages, page)
		s.mu.Unlock()
	}
	return nil
}

// Start binds the listener and serves in the background until ctx is done
// or Shutdown is called. A busy port is reported as an error naming the
// --listen flag.
func (s *Server) Start(ctx context.Context) error {
	if err := checkBind(s.cfg.Addr, s.cfg.AllowLAN); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return listenError(s.cfg.Addr, err)
	}
	return s.begin(ctx, ln, s.cfg.Addr, s.cfg.AllowLAN)
}

func (s *Server) shutdownOnDone(ctx context.Context) {
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.Shutdown(sctx)
	case <-s.stopped:
	}
}

func (s *Server) serve(srv *http.Server, ln net.Listener) {
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
		s.log.Error().Err(err).Msg("listener stopped")
	}
}

// checkBind refuses a non-loopback bind unless allowLAN is set.
func checkBind(addr string, allowLAN bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("invalid --listen address %q: %w", addr, err)
	}
	if allowLAN || isLoopbackName(host) {
		return nil
	}
	return fmt.Errorf("--listen %s is not a loopback address; binding to the LAN needs an explicit opt-in (AllowLAN)", addr)
}

func listenError(addr string, err error) error {
	if isAddrInUse(err) {
		return fmt.Errorf("cannot listen on %s: the address is already in use (is LTTH already running?); choose another address with --listen HOST:PORT: %w", addr, err)
	}
	return fmt.Errorf("cannot listen on %s (set with --listen HOST:PORT): %w", addr, err)
}

// Addr is the bound address (useful with port 0), or the configured one
// before Start.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln != nil {
		return s.ln.Addr().String()
	}
	return s.cfg.Addr
}

// Stop makes the server a module.Module; it is Shutdown.
func (s *Server) Stop(ctx context.Context) error { return s.Shutdown(ctx) }

// Shutdown closes every websocket client, stops accepting requests and
// waits for in-flight ones until ctx is done. It is safe to call twice.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	if s.shutdown {
		s.mu.Unlock()
		return nil
	}
	s.shutdown = true
	srv := s.http
	s.mu.Unlock()
	close(s.stopped)
	s.hub.close()
	if srv == nil {
		return nil
	}
	return srv.Shutdown(ctx)
}

func randomToken() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Close drops the listener and every open connection at once: the last
// step after a Shutdown whose context ran out.
func (s *Server) Close() error {
	s.mu.Lock()
	srv := s.http
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	return srv.Close()
}

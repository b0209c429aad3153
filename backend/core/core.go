// Package core is LTTH's composition root: it builds the logger, the bus, the
// profile store, the local listener and every module for one data directory,
// and is used by both the desktop app and headless mode.
package core

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/logging"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/server"
	"github.com/ltth/ltth/backend/store"
)

// DefaultListen is the original app's port, so existing OBS sources keep working.
const DefaultListen = "127.0.0.1:3000"

// Options configures a Core.
type Options struct {
	DataDir   string    // required
	Profile   string    // profile to open; empty = the active one
	Listen    string    // listener address; empty = DefaultListen
	AllowLAN  bool      // permit a non-loopback listen address
	Version   string    // reported by /api/health
	LogLevel  string    // debug, info, warn, error
	Console   io.Writer // console log output; nil = stderr
	Dashboard fs.FS     // built dashboard served under /dashboard/; nil = not served
	Headless  bool
	// StartMinimized: the desktop window starts hidden in the tray (also
	// when the app settings ask for it).
	StartMinimized bool
}

// Core owns every long-lived part of a running LTTH.
type Core struct {
	opts     Options
	log      *logging.Logger
	bus      *bus.Bus
	profiles *store.Manager
	srv      *server.Server
	app      *appSettings // app-level settings (settings.go)
	started  time.Time

	mu        sync.Mutex      // guards scope and routes during profile switches
	traces    flowTraceStores // each profile's flow run history (traces.go)
	scope     *scope
	routes    map[string]bool
	bindCalls atomic.Int64
	svc       atomic.Pointer[service.Services] // the service layer both transports call (rebuilt per profile)
	ext       extAPI
	rel       releaseParts // update check, crash reports (release.go)
	unbound   unbound      // desktop: the listener could not bind at start (listen.go)
}

// New prepares everything without opening the listener (see Start).
func New(opts Options) (*Core, error) {
	if opts.DataDir == "" {
		return nil, errors.New("no data directory given")
	}
	if err := os.MkdirAll(opts.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("data directory %s: %w", opts.DataDir, err)
	}
	app, err := openAppSettings(&opts) // fills Listen and LogLevel the flags left empty
	if err != nil {
		return nil, err
	}
	lg, err := logging.New(logging.Options{Dir: filepath.Join(opts.DataDir, "logs"), Level: opts.LogLevel, Console: opts.Console})
	if err != nil {
		return nil, fmt.Errorf("logging: %w", err)
	}
	c := &Core{opts: opts, log: lg, app: app, bus: bus.New(), routes: map[string]bool{}}
	if app.notice != "" {
		lg.Warn().Msg(app.notice)
	}
	if err := c.init(); err != nil {
		lg.Close()
		return nil, err
	}
	return c, nil
}

func (c *Core) init() error {
	tok, err := loadOrCreateToken(c.opts.DataDir)
	if err != nil {
		return err
	}
	if c.profiles, err = store.OpenManager(c.opts.DataDir); err != nil {
		return fmt.Errorf("profiles: %w", err)
	}
	if c.opts.Profile != "" {
		if err := c.ensureProfile(c.opts.Profile); err != nil {
			return err
		}
	}
	c.svc.Store(service.New(c, service.Scoped{}))
	c.srv = server.New(server.Config{Addr: c.opts.Listen, AllowLAN: c.opts.AllowLAN, Token: tok, Version: c.opts.Version},
		server.Deps{Bus: c.bus, Log: c.log.Logger, Health: http.HandlerFunc(c.handleHealth), Simulate: c.simulate, APIToken: c.checkAPIToken})
	for _, r := range append(append(c.coreRoutes(), c.trustRoutes()...), c.settingsRoutes()...) {
		c.srv.Handle(r)
	}
	if err := c.initExtAPI(); err != nil {
		return err
	}
	if err := c.initRelease(); err != nil {
		return err
	}
	if c.opts.Dashboard != nil {
		c.srv.Handle(module.Route{Pattern: "GET /dashboard/", Handler: http.StripPrefix("/dashboard/", http.FileServerFS(c.opts.Dashboard))})
	}
	return nil
}

func (c *Core) ensureProfile(name string) error {
	list, err := c.profiles.List()
	if err != nil {
		return err
	}
	found := false
	for _, p := range list {
		found = found || p.Name == name
	}
	if !found {
		if err := c.profiles.Create(name); err != nil {
			return fmt.Errorf("profile %q: %w", name, err)
		}
	}
	return c.profiles.SetActive(name)
}

// Start opens the active profile, starts its modules and the listener.
func (c *Core) Start(ctx context.Context) error {
	c.started = time.Now()
	c.mu.Lock()
	err := c.openScope(ctx, c.profiles.Active())
	c.mu.Unlock()
	if err != nil {
		return fmt.Errorf("%w\nStart with --profile NAME to open or create another profile; from there, restore an automatic backup of this profile or import an export (Profiles page)", err)
	}
	if err := c.srv.Start(ctx); err != nil && !c.keepUnbound(ctx, err) {
		c.mu.Lock()
		c.closeScope(ctx)
		c.mu.Unlock()
		return err
	}
	if err := c.startExtAPI(ctx); err != nil {
		return err
	}
	if err := c.startRelease(ctx); err != nil {
		return err
	}
	c.log.Info().Str("url", c.URL()).Bool("listening", c.srv.Listening()).Str("profile", c.profiles.Active()).Msg("LTTH is running")
	return nil
}

// Stop stops modules (flushing the journal) and the listener.
func (c *Core) Stop(ctx context.Context) error {
	c.stopExtAPI(ctx)
	c.stopRelease(ctx)
	err := c.srv.Shutdown(ctx)
	c.mu.Lock()
	c.closeScope(ctx)
	c.mu.Unlock()
	c.log.Info().Msg("LTTH stopped")
	c.log.Close()
	return err
}

// URL is the listener's base URL (http://host:port); a listener open to
// the LAN (0.0.0.0) is reached through 127.0.0.1 from this machine.
func (c *Core) URL() string {
	addr := c.srv.Addr()
	if host, port, err := net.SplitHostPort(addr); err == nil && net.ParseIP(host).IsUnspecified() {
		addr = net.JoinHostPort("127.0.0.1", port)
	}
	return "http://" + addr
}

// OverlayURL is the main overlay's address for OBS.
func (c *Core) OverlayURL() string { return c.URL() + "/overlay.html" }

// Token is the API token for mutating requests.
func (c *Core) Token() string { return c.srv.Token() }

// Bus exposes the event bus (desktop façade, tests).
func (c *Core) Bus() *bus.Bus { return c.bus }

// Log is the root logger.
func (c *Core) Log() *logging.Logger { return c.log }

// NoteBindingCall counts calls made by the desktop dashboard through Wails
// bindings (reported in /api/health; the desktop smoke test checks it).
func (c *Core) NoteBindingCall() { c.bindCalls.Add(1) }

// HealthReport is the app's health (service.Health, GET /api/health): the
// listener's figures, the open profile and its journal.
func (c *Core) HealthReport() service.HealthReport {
	h := c.srv.Health()
	out := service.HealthReport{Status: h.Status, Version: h.Version, UptimeMs: h.UptimeMs,
		Connection: h.Connection, Bus: h.Bus, Hub: h.Hub, WindowHTTP: h.WindowHTTP,
		Profile: c.profiles.Active(), Headless: c.opts.Headless, OverlayURL: c.OverlayURL(),
		BindingCalls: c.bindCalls.Load()}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.scope != nil && c.scope.journal != nil {
		st := c.scope.journal.Stats()
		out.Journal = &st
	}
	if reason := c.degraded(); reason != "" {
		out.Status, out.Reason = "degraded", reason
	}
	return out
}

func (c *Core) handleHealth(w http.ResponseWriter, r *http.Request) {
	h, err := c.Services().Health.Get(r.Context())
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, h)
}

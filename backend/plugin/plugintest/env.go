// Package plugintest runs the plugin host the way the app does, for the
// host's own tests and the conformance test of every plugin: a real bus,
// a real SQLite profile in a temp dir, and a real listener serving the
// host's routes. No mocks.
package plugintest

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/plugin"
	"github.com/ltth/ltth/backend/server"
	"github.com/ltth/ltth/backend/store"
)

// Token is the listener's bearer token in tests.
const Token = "plugintest-token"

// Env is a running plugin host over real peers.
type Env struct {
	Bus      *bus.Bus
	DB       *store.DB
	Registry *action.Registry
	Server   *server.Server
	URL      string // http://127.0.0.1:port

	// BlocksChanged counts the host's "blocks changed" calls.
	BlocksChanged atomic.Int64
	// Panics counts the plugin panics reported to Options.OnPanic.
	Panics atomic.Int64

	regs []plugin.Registration
	mu   sync.Mutex
	host *plugin.Manager
}

// Start opens a fresh profile in t.TempDir(), starts a listener and a host
// for regs (none given: every Registered() plugin). Everything is stopped
// at the end of the test.
func Start(t testing.TB, regs ...plugin.Registration) *Env {
	t.Helper()
	mgr, err := store.OpenManager(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := mgr.Open(mgr.Active())
	if err != nil {
		t.Fatal(err)
	}
	if regs == nil {
		regs = plugin.Registered()
	}
	e := &Env{Bus: bus.New(), DB: db, Registry: action.NewRegistry(), regs: regs}
	e.Server = server.New(server.Config{Addr: "127.0.0.1:0", Token: Token, Version: "plugintest"},
		server.Deps{Bus: e.Bus, Log: zerolog.Nop()})
	ctx, cancel := context.WithCancel(context.Background())
	if err := e.Server.Start(ctx); err != nil {
		cancel()
		t.Fatal(err)
	}
	e.URL = "http://" + e.Server.Addr()
	e.StartHost(t)
	e.mount()
	t.Cleanup(func() {
		e.StopHost(t)
		e.Server.Shutdown(context.Background())
		cancel()
		db.Close()
	})
	return e
}

// mount registers the host's routes once on the listener, dispatching to
// whichever host is current (as core does across profile switches).
func (e *Env) mount() {
	for _, r := range e.Host().Routes() {
		pattern := r.Pattern
		e.Server.Handle(module.Route{Pattern: pattern, Handler: http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			h := e.Host()
			if h == nil {
				http.Error(w, "host stopped", http.StatusServiceUnavailable)
				return
			}
			for _, r := range h.Routes() {
				if r.Pattern == pattern {
					r.Handler.ServeHTTP(w, req)
					return
				}
			}
			http.NotFound(w, req)
		})})
	}
}

// Host is the current plugin host (nil between StopHost and StartHost).
func (e *Env) Host() *plugin.Manager {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.host
}

// StartHost creates and starts a new host on the same profile (an app
// restart, as far as plugins can tell).
func (e *Env) StartHost(t testing.TB) *plugin.Manager {
	t.Helper()
	h, err := plugin.New(plugin.Options{Bus: e.Bus, Registry: e.Registry, Store: e.DB, DataDir: filepath.Join(filepath.Dir(e.DB.Path()), "plugins"),
		Log: zerolog.Nop(), Plugins: e.regs, StopTimeout: 3 * time.Second,
		BlocksChanged: func() { e.BlocksChanged.Add(1) },
		OnPanic:       func(string, any, []byte) { e.Panics.Add(1) }})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	e.mu.Lock()
	e.host = h
	e.mu.Unlock()
	return h
}

// StopHost stops the current host.
func (e *Env) StopHost(t testing.TB) {
	t.Helper()
	e.mu.Lock()
	h := e.host
	e.host = nil
	e.mu.Unlock()
	if h != nil {
		if err := h.Stop(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

// Do sends a request with the bearer token and returns status and body.
func (e *Env) Do(t testing.TB, method, path, body string) (int, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+Token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// Info returns the host's description of plugin id.
func (e *Env) Info(t testing.TB, id string) plugin.Info {
	t.Helper()
	for _, inf := range e.Host().List() {
		if inf.ID == id {
			return inf
		}
	}
	t.Fatalf("plugin %s is not hosted", id)
	return plugin.Info{}
}

// WaitState waits until plugin id reports state.
func (e *Env) WaitState(t testing.TB, id, state string) plugin.Info {
	t.Helper()
	var inf plugin.Info
	Eventually(t, "plugin "+id+" "+state, func() bool {
		inf = e.Info(t, id)
		return inf.State == state
	})
	return inf
}

// Eventually polls cond for up to 5 seconds.
func Eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

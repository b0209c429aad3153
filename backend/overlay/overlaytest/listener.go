package overlaytest

import (
	"context"
	"crypto/rand"
	"net/http"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/overlay"
	"github.com/ltth/ltth/backend/server"
)

// Listener is LTTH's real local listener (backend/server) on a free
// loopback port, serving a test's module routes next to its own: the /ws
// feed with the snapshot of retained keyed state, /overlay/ltth-client.js
// and the rest. It can go away and come back on the same address (Stop,
// Start), to test that a page reconnects by itself. Use it from the test's
// goroutine only.
type Listener struct {
	t      testing.TB
	bus    *bus.Bus
	token  string
	routes []module.Route
	addr   string
	srv    *server.Server // the running listener, or the next one while stopped
	up     bool
}

// Listen builds the listener on b, registers routes and starts it on
// 127.0.0.1 with a free port. It is shut down when the test ends.
//
// Like core, the listener subscribes to b when it is built: keyed state
// published on b from then on (a module's Start, a change) is in the
// snapshot of pages that connect later; what was published before is not.
func Listen(t testing.TB, b *bus.Bus, routes ...module.Route) *Listener {
	t.Helper()
	l := &Listener{t: t, bus: b, token: rand.Text(), routes: routes, addr: "127.0.0.1:0"}
	t.Cleanup(l.shutdown)
	l.srv = l.build()
	l.Start()
	l.addr = l.srv.Addr()
	return l
}

// WithoutSharedClient is a route that hides the listener's shared client
// script (it answers 404), so a page falls back to its own feed client.
func WithoutSharedClient() module.Route {
	return module.Route{Pattern: "GET " + overlay.ClientScript, Handler: http.NotFoundHandler()}
}

// URL is the listener's address for path, e.g. l.URL("/overlay/goal.html?id=x").
func (l *Listener) URL(path string) string { return "http://" + l.addr + path }

// Addr is the listener's host:port; it stays the same across Stop and Start.
func (l *Listener) Addr() string { return l.addr }

// Token is the API token mutating requests need (the same after a restart).
func (l *Listener) Token() string { return l.token }

// Stop takes the listener away as if LTTH had quit: every websocket client
// is closed and the address refuses connections until Start. The next
// listener is built (and subscribed to the bus) at once, so keyed state
// published while stopped is in the snapshot pages get when they come
// back; state published before Stop and not since is not (for a full
// restart of LTTH, stop and start the modules too, before Start).
func (l *Listener) Stop() {
	l.t.Helper()
	if !l.up {
		l.t.Fatal("overlaytest: Stop: the listener is not running")
	}
	l.shutdown()
	l.srv = l.build()
}

// Start serves again on the same address after Stop. The port may take a
// moment to come free; Start retries for a few seconds.
func (l *Listener) Start() {
	l.t.Helper()
	if l.up {
		l.t.Fatal("overlaytest: Start: the listener is already running")
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		err := l.srv.Start(context.Background())
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			l.t.Fatalf("overlaytest: start listener on %s: %v", l.addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	l.up = true
}

func (l *Listener) build() *server.Server {
	l.t.Helper()
	srv := server.New(server.Config{Addr: l.addr, Token: l.token}, server.Deps{Bus: l.bus, Log: zerolog.Nop()})
	for _, r := range l.routes {
		if err := srv.Handle(r); err != nil {
			_ = srv.Shutdown(context.Background())
			l.t.Fatalf("overlaytest: %v", err)
		}
	}
	return srv
}

// shutdown stops the current listener (started or not) and releases its
// bus subscription.
func (l *Listener) shutdown() {
	if l.srv == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := l.srv.Shutdown(ctx); err != nil {
		l.t.Errorf("overlaytest: shut down listener on %s: %v", l.addr, err)
	}
	l.up = false
}

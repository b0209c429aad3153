package plugintest

import (
	"context"
	"crypto/rand"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/server"
)

// listener is LTTH's real local listener (backend/server) on a loopback
// port. Routes can be added at any time (a plugin mounts its routes during
// Start); Stop and Start take it away and bring it back on the same address
// with every route, to test that overlays reconnect by themselves.
type listener struct {
	t      testing.TB
	bus    *bus.Bus
	token  string
	routes []module.Route
	addr   string

	mu      sync.Mutex
	mounted map[string]*swappable
	srv     *server.Server
	up      bool
}

func newListener(t testing.TB, b *bus.Bus) *listener {
	l := &listener{t: t, bus: b, token: rand.Text(), addr: "127.0.0.1:0", mounted: map[string]*swappable{}}
	l.srv = l.build()
	return l
}

// handle mounts r. The listener cannot drop a route, so each pattern is
// registered once with a handler that can be swapped: a plugin started
// again gets its patterns back, a stopped one's answer 404.
func (l *listener) handle(r module.Route) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if sw, ok := l.mounted[r.Pattern]; ok {
		sw.h.Store(&r.Handler)
		return nil
	}
	sw := &swappable{}
	sw.h.Store(&r.Handler)
	if err := l.srv.Handle(module.Route{Pattern: r.Pattern, Handler: sw, Public: r.Public, MaxBody: r.MaxBody}); err != nil {
		return err
	}
	l.mounted[r.Pattern] = sw
	l.routes = append(l.routes, module.Route{Pattern: r.Pattern, Handler: sw})
	return nil
}

// unmountAll makes every mounted route answer 404 (the plugin stopped).
func (l *listener) unmountAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, sw := range l.mounted {
		sw.h.Store(nil)
	}
}

type swappable struct{ h atomic.Pointer[http.Handler] }

func (s *swappable) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h := s.h.Load(); h != nil {
		(*h).ServeHTTP(w, r)
		return
	}
	http.NotFound(w, r)
}

func (l *listener) build() *server.Server {
	srv := server.New(server.Config{Addr: l.addr, Token: l.token}, server.Deps{Bus: l.bus, Log: zerolog.Nop()})
	for _, r := range l.routes {
		if err := srv.Handle(r); err != nil {
			l.t.Fatalf("plugintest: %v", err)
		}
	}
	return srv
}

func (l *listener) start() {
	l.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		err := l.srv.Start(context.Background())
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			l.t.Fatalf("plugintest: start listener on %s: %v", l.addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	l.addr = l.srv.Addr()
	l.up = true
}

func (l *listener) shutdown() {
	if l.srv == nil || !l.up {
		if l.srv != nil {
			_ = l.srv.Shutdown(context.Background())
		}
		return
	}
	// A loaded CI machine can keep Chromium's last request in flight for a
	// while; the tests are about the overlay coming back, so a slow graceful
	// shutdown is logged, and only a listener that will not stop at all fails.
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := l.srv.Shutdown(ctx); err != nil {
		l.t.Logf("plugintest: graceful shutdown of %s: %v", l.addr, err)
		if err := l.srv.Close(); err != nil {
			l.t.Errorf("plugintest: close listener on %s: %v", l.addr, err)
		}
	}
	l.up = false
}

// stop takes the listener away as if LTTH had quit and builds the next one
// (subscribed to the bus at once) with the same routes; start serves it on
// the same address.
func (l *listener) stop() {
	l.t.Helper()
	if !l.up {
		l.t.Fatal("plugintest: the listener is not running")
	}
	l.shutdown()
	l.srv = l.build()
}

// Package module defines how subsystems plug into the composition root
// (Caddy-style: an ID, a lifecycle, optional HTTP routes). It imports only the
// standard library so every subsystem can implement it without depending on
// the others.
package module

import (
	"context"
	"net/http"
	"sync"
)

// Module is a subsystem with a lifecycle. Start must return promptly (run
// long work in goroutines tied to ctx); Stop must release everything and
// flush what it buffers.
type Module interface {
	ID() string
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
}

// Route is one HTTP endpoint a module serves on the local listener.
// Pattern uses net/http ServeMux syntax, e.g. "POST /api/flows/{id}/run" or
// "GET /overlay/goal.html". The listener enforces the security rules of
// design.md for every route: Host check always, bearer token for every
// method other than GET/HEAD/OPTIONS, and for every route under /api/
// (GET included) unless it is declared Public.
type Route struct {
	Pattern string
	Handler http.Handler
	// Public marks a read-only /api/ route that serves no profile data and
	// no secrets (health, counters), so tools and OBS may read it without
	// the token on loopback. Routes outside /api/ (overlay pages, assets)
	// and the /ws feed are always public; mutating methods never are.
	Public bool
	// MaxBody bounds the request body in bytes; 0 means the listener's
	// default (1 MiB). Upload routes (profile backups, captures) raise it
	// and stream the body to disk.
	MaxBody int64
	// Summary is the route's one-line description in /api/openapi.json
	// (routes without one fall back to the listener's own table).
	Summary string
}

// RouteProvider is implemented by modules that serve HTTP routes.
type RouteProvider interface {
	Routes() []Route
}

// Wait waits for wg, or until ctx ends (then it returns ctx's error): the
// end of every module's Stop, which must not outlive its context.
func Wait(ctx context.Context, wg *sync.WaitGroup) error {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

package core

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/domain"
)

// Services is the service layer (package service) over this core and its
// open profile: the desktop binds it, and the REST handlers call the same
// methods. It is rebuilt when a profile opens (openScope).
func (c *Core) Services() *service.Services { return c.svc.Load() }

// SimulateEvent publishes e as a simulated event (what POST /api/simulate
// does) and answers it as published.
func (c *Core) SimulateEvent(e domain.Event) (domain.Event, error) {
	return c.srv.Simulate(e)
}

// FeedSnapshot is the retained live state as the /ws snapshot message; the
// desktop window asks for it before following the runtime-event feed.
func (c *Core) FeedSnapshot() []byte { return c.srv.Snapshot() }

// GetInternal answers GET path through the listener's routes in process
// (service.FieldOptions: the desktop's field choices).
func (c *Core) GetInternal(ctx context.Context, path string) (int, []byte) {
	return c.srv.GetInternal(ctx, path)
}

package core

import (
	"context"
	"fmt"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/store"
)

// syncTimeout bounds how long /api/simulate waits for the journal before
// answering that the event was not saved.
const syncTimeout = 2 * time.Second

// simulate publishes a posted event and acknowledges it only once the
// journal has committed it: a 202 from /api/simulate survives kill -9. When
// the journal cannot write, the event still shows live and the request is
// answered 503 with the reason.
func (c *Core) simulate(e domain.Event) error {
	c.bus.PublishEvent(&e)
	j := c.journal()
	if j == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), syncTimeout)
	defer cancel()
	if err := j.Sync(ctx); err != nil {
		return fmt.Errorf("event shown live but not saved: %w", err)
	}
	return nil
}

func (c *Core) journal() *store.Journal {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.scope == nil {
		return nil
	}
	return c.scope.journal
}

// degraded is why events or settings are not being saved ("" when they
// are): the journal or the profile database cannot write (disk full,
// read-only file) or events were lost; /api/health is then "degraded" with
// this reason. Caller holds c.mu.
func (c *Core) degraded() string {
	if c.scope == nil {
		return ""
	}
	if reason := c.scope.journal.Degraded(); reason != "" {
		return reason
	}
	return c.scope.db.Degraded()
}

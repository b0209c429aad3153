package core

import (
	"context"

	compat "github.com/ltth/ltth/backend/compat/tikfinity"
)

// extAPI holds the profile-independent parts of the local API for other
// tools: the TikFinity-compatible event websocket.
type extAPI struct {
	tikfinity *compat.Module
}

// initExtAPI builds the compat server and registers its routes.
func (c *Core) initExtAPI() {
	c.ext.tikfinity = compat.New(compat.Options{Bus: c.bus, DataDir: c.opts.DataDir,
		Log: c.log.Logger})
	for _, r := range c.ext.tikfinity.Routes() {
		c.srv.Handle(r)
	}
}

// startExtAPI starts the compat server (it listens only when enabled; a
// busy port is reported in its status, not fatal).
func (c *Core) startExtAPI(ctx context.Context) error { return c.ext.tikfinity.Start(ctx) }

func (c *Core) stopExtAPI(ctx context.Context) { _ = c.ext.tikfinity.Stop(ctx) }

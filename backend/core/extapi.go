package core

import (
	"context"

	"github.com/ltth/ltth/backend/apitoken"
	compat "github.com/ltth/ltth/backend/compat/tikfinity"
)

// extAPI holds the profile-independent parts of the local API for other
// tools: the API tokens the user creates and the TikFinity-compatible
// event websocket.
type extAPI struct {
	tokens    *apitoken.Store
	tikfinity *compat.Module
}

// initExtAPI opens the token list, builds the compat server and registers
// their routes (token management needs the desktop token).
func (c *Core) initExtAPI() error {
	tokens, err := apitoken.Open(c.opts.DataDir)
	if err != nil {
		return err
	}
	c.ext.tokens = tokens
	c.ext.tikfinity = compat.New(compat.Options{Bus: c.bus, DataDir: c.opts.DataDir, Log: c.log.Logger})
	for _, r := range append(c.ext.tikfinity.Routes(), tokens.Routes(c.authorized)...) {
		c.srv.Handle(r)
	}
	return nil
}

// checkAPIToken is the listener's check of user-created tokens.
func (c *Core) checkAPIToken(tok string) (control, ok bool) {
	if c.ext.tokens == nil {
		return false, false
	}
	scope, ok := c.ext.tokens.Check(tok)
	return scope == apitoken.ScopeControl, ok
}

// startExtAPI starts the compat server (it listens only when enabled; a
// busy port is reported in its status, not fatal).
func (c *Core) startExtAPI(ctx context.Context) error { return c.ext.tikfinity.Start(ctx) }

func (c *Core) stopExtAPI(ctx context.Context) { _ = c.ext.tikfinity.Stop(ctx) }

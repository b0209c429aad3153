package core

import (
	"context"
	"fmt"
	"net/http"
	"sync"

	"github.com/ltth/ltth/backend/alert"
	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/obs"
	"github.com/ltth/ltth/backend/store"
	"github.com/ltth/ltth/backend/tiktok/connector"
)

// scope is everything tied to one open profile: its database, the journal
// writing into it, and the modules configured from it. Switching profile
// closes one scope and opens another; listener routes stay registered and
// dispatch to whichever scope is current.
type scope struct {
	name    string
	db      *store.DB
	journal *store.Journal
	modules []module.Module
	routes  map[string]module.Route
	conn    *connector.Connector // the TikTok connection (tray, header controls)
	alerts  *alert.Module
	obs     *obs.Module    // the OBS bridge (tray status)
	svc     service.Scoped // the modules' services (Core.Services)
	wg      sync.WaitGroup // background maintenance
}

// openScope opens profile name and starts its modules. Caller holds c.mu.
func (c *Core) openScope(ctx context.Context, name string) error {
	db, err := c.profiles.Open(name)
	if err != nil {
		return fmt.Errorf("opening profile %q: %w", name, err)
	}
	c.reportBackup(db)
	s := &scope{name: name, db: db, routes: map[string]module.Route{}}
	s.journal = store.NewJournal(db, c.bus, c.log.With().Str("module", "journal").Logger())
	if s.modules, err = c.buildModules(s); err != nil {
		s.journal.Close()
		db.Close()
		return fmt.Errorf("profile %q: %w", name, err)
	}
	for i, m := range s.modules {
		if err := m.Start(ctx); err != nil {
			for j := i - 1; j >= 0; j-- {
				s.modules[j].Stop(ctx)
			}
			s.journal.Close()
			db.Close()
			return fmt.Errorf("starting %s: %w", m.ID(), err)
		}
		if rp, ok := m.(module.RouteProvider); ok {
			for _, r := range rp.Routes() {
				s.routes[r.Pattern] = r
			}
		}
	}
	c.scope = s
	c.svc.Store(service.New(c, s.svc))
	c.registerScopeRoutes(s)
	c.maintain(s)
	return nil
}

// closeScope stops the current scope's modules in reverse order, flushes
// the journal and closes the database. Caller holds c.mu.
func (c *Core) closeScope(ctx context.Context) {
	s := c.scope
	if s == nil {
		return
	}
	c.scope = nil
	for i := len(s.modules) - 1; i >= 0; i-- {
		if err := s.modules[i].Stop(ctx); err != nil {
			c.log.Warn().Err(err).Str("module", s.modules[i].ID()).Msg("module stop failed")
		}
	}
	s.wg.Wait()
	if err := s.journal.Close(); err != nil {
		c.log.Error().Err(err).Msg("journal flush failed")
	}
	if err := s.db.Close(); err != nil {
		c.log.Warn().Err(err).Msg("closing profile database")
	}
}

// registerScopeRoutes adds a dispatcher on the listener for every pattern
// not registered yet. Caller holds c.mu.
func (c *Core) registerScopeRoutes(s *scope) {
	for pattern, r := range s.routes {
		if c.routes[pattern] {
			continue
		}
		c.routes[pattern] = true
		c.srv.Handle(module.Route{Pattern: pattern, Public: r.Public, MaxBody: r.MaxBody, Summary: r.Summary, Handler: c.dispatch(pattern)})
	}
}

func (c *Core) dispatch(pattern string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		var h http.Handler
		if c.scope != nil {
			h = c.scope.routes[pattern].Handler
		}
		c.mu.Unlock()
		if h == nil {
			httpapi.WriteErrorText(w, http.StatusServiceUnavailable, "no profile is open (switching profiles?)")
			return
		}
		h.ServeHTTP(w, r)
	})
}

// withScopeClosed runs fn with the current profile closed, then reopens the
// (possibly changed) active profile.
func (c *Core) withScopeClosed(ctx context.Context, fn func() error) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closeScope(ctx)
	ferr := fn()
	if err := c.openScope(ctx, c.profiles.Active()); err != nil {
		return err
	}
	return ferr
}

// SwitchProfile makes name the active profile, restarting profile-scoped modules.
func (c *Core) SwitchProfile(ctx context.Context, name string) error {
	if name == c.profiles.Active() {
		return nil
	}
	if err := c.profileExists(name); err != nil {
		return err
	}
	return c.withScopeClosed(ctx, func() error { return c.profiles.SetActive(name) })
}

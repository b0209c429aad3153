package core

import (
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/alert"
	"github.com/ltth/ltth/backend/flow"
	"github.com/ltth/ltth/backend/goal"
	"github.com/ltth/ltth/backend/history"
	"github.com/ltth/ltth/backend/leaderboard"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/overlay"
	"github.com/ltth/ltth/backend/store"
	"github.com/ltth/ltth/backend/tiktok/connector"
)

// buildModules creates the profile-scoped modules for s, in start order.
// Every module is wired here and nowhere else.
func (c *Core) buildModules(s *scope) ([]module.Module, error) {
	db := s.db
	logFor := func(id string) zerolog.Logger { return c.log.With().Str("module", id).Logger() }
	s.alerts = alert.New(c.bus, db, alert.Options{Log: logFor("alert"), Language: c.resolvedLanguage})
	goals := goal.New(c.bus, db, goal.Options{Log: logFor("goal")})
	boards := leaderboard.New(c.bus, db, leaderboard.Options{Log: logFor("leaderboard")})
	s.svc.Leaderboards = boards.Service()
	s.svc.Alerts, s.svc.Goals = s.alerts.Service(), goals.Service()
	presets := overlay.NewPresets(presetStore{db}, c.bus)
	s.svc.OverlayPresets = presets.Service()
	c.appServices(&s.svc)
	hist := history.New(c.bus, db, history.Options{Log: logFor("history")})
	s.svc.History = hist.Service()
	reg := action.NewRegistry()
	flows, err := flow.New(flow.Options{
		Bus: c.bus, Registry: reg, DataDir: c.opts.DataDir,
		Log: logFor("flow"), Store: flowStore(db), Roles: topGifterRoles(db),
		TraceStore: c.flowTraces(s.name),
	})
	if err != nil {
		return nil, err
	}
	s.svc.Flows = flows.Service()
	ext := c.externalPlugins(flows, logFor("external-plugins"))
	plugins, err := c.pluginHost(db, flows, logFor("plugins"), ext.Registrations())
	if err != nil {
		return nil, err
	}
	ext.SetSettings(plugins)
	s.svc.Plugins, s.svc.ExternalPlugins = plugins.Service(), ext.Service()
	s.conn = connector.New(connector.Config{AutoConnect: true, BrowserHeadless: c.opts.Headless},
		connector.Deps{Bus: c.bus, Log: logFor("tiktok"), Settings: db, DataDir: c.opts.DataDir})
	s.svc.Connection = s.conn.Service()
	// Consumers first, the event source last, so nothing published at
	// start-up is missed.
	mods := append([]module.Module{s.alerts, goals, boards, hist, presets}, append(c.bridges(s, goals, plugins), flows, plugins, ext, s.conn)...)
	if err := addBlocks(reg, mods); err != nil {
		return nil, err
	}
	return mods, nil
}

// flowStore adapts the profile database to the flow engine's store.
func flowStore(db *store.DB) flow.Store {
	return flow.StoreFuncs{
		VariableStore: db,
		List: func() ([]flow.FlowRecord, error) {
			rs, err := db.ListFlows()
			out := make([]flow.FlowRecord, len(rs))
			for i, r := range rs {
				out[i] = flow.FlowRecord(r)
			}
			return out, err
		},
		Put:    func(r flow.FlowRecord) error { return db.PutFlow(store.FlowRecord(r)) },
		Delete: db.DeleteFlow,
	}
}

// topGifterRoles answers the flow engine's "top gifter" role checks from the
// all-time top gifters, cached for 10 s.
func topGifterRoles(db *store.DB) action.RoleLookup {
	return flow.TopGifterRoles(func(n int) ([]string, error) {
		es, err := db.TopGifters(n)
		ids := make([]string, len(es))
		for i, e := range es {
			ids[i] = e.UserID
		}
		return ids, err
	}, 10*time.Second)
}

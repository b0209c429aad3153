package core

import (
	"github.com/ltth/ltth/backend/goal"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/obs"
	"github.com/ltth/ltth/backend/osc"
	"github.com/ltth/ltth/backend/plugin"
)

// bridges creates the OBS and OSC bridges of scope s. They consume the
// obsCommand/oscSend bus messages flows and plugins publish, so they start
// before the flow engine and the event source.
func (c *Core) bridges(s *scope, goals *goal.Module, plugins *plugin.Manager) []module.Module {
	opts := obs.Options{Log: c.log.With().Str("module", "obs").Logger(),
		Overlays: func() []obs.OverlaySource { return c.overlaySources(goals, plugins) }}
	s.obs = obs.New(c.bus, s.db, opts)
	s.svc.OBS = s.obs.Service()
	oscMod := osc.New(c.bus, s.db, osc.Options{Log: c.log.With().Str("module", "osc").Logger()})
	s.svc.OSC = oscMod.Service()
	return []module.Module{s.obs, oscMod}
}

// overlaySources are the pages "Add to OBS" creates as browser sources,
// with the listener's current address: alerts, leaderboard, each goal and
// each enabled plugin's overlays.
func (c *Core) overlaySources(goals *goal.Module, plugins *plugin.Manager) []obs.OverlaySource {
	base := c.URL()
	out := []obs.OverlaySource{
		{Name: "LTTH Alerts", URL: base + "/overlay.html", Width: 1920, Height: 1080},
		{Name: "LTTH Leaderboard", URL: base + "/overlay/leaderboard.html", Width: 400, Height: 600},
	}
	for _, g := range goals.List() {
		out = append(out, obs.OverlaySource{Name: "LTTH Goal " + g.Name, URL: base + g.OverlayURL, Width: 600, Height: 120})
	}
	for _, p := range plugins.List() {
		if !p.Enabled {
			continue
		}
		for _, o := range p.Overlays {
			out = append(out, obs.OverlaySource{Name: "LTTH " + p.Name + " " + o.Name,
				URL: base + "/plugins/" + p.ID + "/" + o.Path, Width: o.Width, Height: o.Height})
		}
	}
	return out
}

package connector

import (
	"path/filepath"

	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/source/browser"
	"github.com/ltth/ltth/backend/tiktok/source/direct"
	"github.com/ltth/ltth/backend/tiktok/source/euler"
	"github.com/ltth/ltth/backend/tiktok/source/tikfinity"
)

// buildSourcesLocked makes the sources in the user's order from the
// current settings (c.mu held).
func (c *Connector) buildSourcesLocked() []source.Source {
	s := c.settings
	if c.deps.Sources != nil {
		return c.deps.Sources(s)
	}
	out := make([]source.Source, 0, len(s.Sources))
	for _, name := range s.Sources {
		if src := c.buildSource(name, s); src != nil {
			out = append(out, src)
		}
	}
	return out
}

func (c *Connector) buildSource(name string, s Settings) source.Source {
	log := c.deps.Log.With().Str("source", name).Logger()
	switch name {
	case source.NameDirect:
		sign := firstNonEmpty(s.SignServerURL, c.cfg.SignBase)
		return direct.New(direct.Config{WebBase: c.cfg.WebBase, SignBase: sign, APIKey: s.APIKey, SessionID: s.SessionID,
			Heartbeat: c.cfg.Heartbeat, PushHostAllowed: c.cfg.PushHostAllowed, Log: log})
	case source.NameEuler:
		return euler.New(euler.Config{URL: c.cfg.EulerURL, APIKey: s.APIKey, Log: log})
	case source.NameTikFinity:
		return tikfinity.New(tikfinity.Config{URL: firstNonEmpty(s.TikFinityURL, c.cfg.TikFinityURL), Log: log})
	case source.NameBrowser:
		cfg := browser.Config{WebBase: c.cfg.WebBase, ExecPath: s.BrowserPath,
			Confirmed: s.BrowserPathState() == "confirmed", Headless: c.cfg.BrowserHeadless, Log: log}
		if c.deps.DataDir != "" {
			cfg.ProfileDir = filepath.Join(c.deps.DataDir, "browser-profile")
		}
		return browser.New(cfg)
	}
	return nil
}

package core

import (
	"path/filepath"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/flow"
	"github.com/ltth/ltth/backend/plugin"
	"github.com/ltth/ltth/backend/plugin/external"
)

// externalPlugins discovers the external plugins in <data-dir>/plugins/
// (docs/plugin-sdk.md). The plugin host runs them like the built-in ones
// (they start disabled); their blocks go on the flow engine's registry.
func (c *Core) externalPlugins(flows *flow.Engine, log zerolog.Logger) *external.Module {
	reserved := map[string]bool{}
	for _, r := range plugin.Registered() {
		reserved[r.Manifest.ID] = true
	}
	return external.New(external.Options{
		Root: filepath.Join(c.opts.DataDir, "plugins"), Bus: c.bus, Registry: flows.Registry(),
		BaseURL: c.URL, Log: log, Reserved: reserved,
		BlocksChanged: func() {
			if err := flows.Reload(); err != nil {
				log.Error().Err(err).Msg("flows could not be re-checked after a plugin change")
			}
		},
	})
}

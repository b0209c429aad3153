package core

import (
	"path/filepath"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/flow"
	"github.com/ltth/ltth/backend/plugin"
	"github.com/ltth/ltth/backend/store"
	_ "github.com/ltth/ltth/plugins/all" // the built-in plugins register themselves
)

// pluginHost creates the profile's plugin host: plugin blocks go on the
// flow engine's registry, and the engine re-checks its flows whenever a
// plugin's blocks come or go (a flow using a missing block loads disabled
// with the reason and works again when the plugin is back).
func (c *Core) pluginHost(db *store.DB, flows *flow.Engine, log zerolog.Logger, ext []plugin.Registration) (*plugin.Manager, error) {
	return plugin.New(plugin.Options{
		Bus: c.bus, Registry: flows.Registry(), Store: db, Log: log,
		Plugins: append(plugin.Registered(), ext...),
		DataDir: filepath.Join(filepath.Dir(db.Path()), "plugins"),
		OnPanic: c.reportPanic,
		BlocksChanged: func() {
			if err := flows.Reload(); err != nil {
				log.Error().Err(err).Msg("flows could not be re-checked after a plugin change")
			}
		},
	})
}

package all_test

import (
	"testing"

	"github.com/ltth/ltth/backend/plugin"
	"github.com/ltth/ltth/backend/plugin/plugintest"
	_ "github.com/ltth/ltth/plugins/all"
)

// TestBuiltinPluginsConform runs the conformance test over every built-in
// plugin (plugins/all imports them all).
func TestBuiltinPluginsConform(t *testing.T) {
	regs := plugin.Registered()
	if len(regs) == 0 {
		t.Skip("no built-in plugin is registered")
	}
	for _, reg := range regs {
		t.Run(reg.Manifest.ID, func(t *testing.T) { plugintest.Conformance(t, reg) })
	}
}

package all

import (
	"testing"

	"github.com/ltth/ltth/backend/plugin"
)

// TestBuiltinManifestsInGerman: every built-in plugin describes itself, its
// settings and its overlays in German too (plugin.json "i18n"), so the
// Plugins page has no English left in a German dashboard. Help texts that
// are JSON samples may stay as they are.
func TestBuiltinManifestsInGerman(t *testing.T) {
	for _, r := range plugin.Registered() {
		m := r.Manifest
		de, ok := m.I18n["de"]
		if !ok || de.Description == "" || de.Description == m.Description {
			t.Errorf("%s: no German description", m.ID)
			continue
		}
		for _, f := range m.Settings {
			ft := de.Settings[f.Name]
			if ft.Label == "" {
				t.Errorf("%s: setting %q has no German label", m.ID, f.Name)
			}
			for _, o := range f.Options {
				if ft.Options[o.Value] == "" && o.Label != "ElevenLabs" {
					t.Errorf("%s: setting %q option %q has no German label", m.ID, f.Name, o.Value)
				}
			}
		}
		for _, o := range m.Overlays {
			if de.Overlays[o.Path] == "" {
				t.Errorf("%s: overlay %q has no German name", m.ID, o.Path)
			}
		}
	}
}

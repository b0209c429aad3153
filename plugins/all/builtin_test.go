package all

import (
	"encoding/json"
	"testing"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/plugin"
)

// noOverlay lists the plugins that drive OBS or VRChat and show nothing.
var noOverlay = map[string]bool{"multicam": true, "vrchat": true}

// TestBuiltinManifests checks every built-in plugin's plugin.json: the ids,
// an overlay.html with a suggested size (unless it shows nothing), and settings whose defaults pass
// their own field schema.
func TestBuiltinManifests(t *testing.T) {
	want := []string{"emoji-rain", "hud", "multicam", "soundboard", "topboard", "tts", "vdoninja", "vrchat"}
	regs := plugin.Registered()
	if len(regs) != len(want) {
		t.Fatalf("%d plugins registered, want %v", len(regs), want)
	}
	for i, r := range regs {
		m := r.Manifest
		if m.ID != want[i] || m.Description == "" || m.Author == "" || len(m.Permissions) == 0 {
			t.Errorf("manifest %d: %+v", i, m)
		}
		if noOverlay[m.ID] {
			if len(m.Overlays) != 0 {
				t.Errorf("%s: overlays %+v", m.ID, m.Overlays)
			}
		} else if len(m.Overlays) == 0 || m.Overlays[0].Path != "overlay.html" || m.Overlays[0].Width == 0 || m.Overlays[0].Height == 0 {
			t.Errorf("%s: overlays %+v", m.ID, m.Overlays)
		}
		if _, err := action.NewConfig(json.RawMessage(`{}`), m.Settings); err != nil {
			t.Errorf("%s: settings schema with its defaults: %v", m.ID, err)
		}
		if r.New() == nil || r.New() == r.New() {
			t.Errorf("%s: the constructor must make a new instance each time", m.ID)
		}
	}
}

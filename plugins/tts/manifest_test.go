package tts

import (
	"encoding/json"
	"testing"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/plugin"
)

// TestManifest checks plugin.json as plugins/all does for every built-in.
func TestManifest(t *testing.T) {
	m, err := plugin.ParseManifest(manifestJSON)
	if err != nil || m.ID != ID || len(m.Overlays) == 0 || m.Overlays[0].Path != "overlay.html" {
		t.Fatalf("manifest %+v: %v", m, err)
	}
	if _, err := action.NewConfig(json.RawMessage(`{}`), m.Settings); err != nil {
		t.Fatalf("settings schema with its defaults: %v", err)
	}
	if _, err := web.Open("web/overlay.html"); err != nil {
		t.Fatal(err)
	}
}

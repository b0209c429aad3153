package multicam_test

import (
	"encoding/json"
	"testing"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/plugin"
)

// The manifest registers, and its settings' defaults pass their own schema.
func TestManifest(t *testing.T) {
	for _, r := range plugin.Registered() {
		if r.Manifest.ID != "multicam" {
			continue
		}
		if _, err := action.NewConfig(json.RawMessage(`{}`), r.Manifest.Settings); err != nil {
			t.Fatalf("settings schema with its defaults: %v", err)
		}
		if r.New() == r.New() {
			t.Fatal("the constructor must make a new instance each time")
		}
		return
	}
	t.Fatal("multicam is not registered")
}

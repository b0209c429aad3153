//go:build e2e

package e2e

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestExternalPluginsPage puts the node-hello example and a broken plugin
// folder into the data directory of the headless binary, opens a profile
// (plugin folders are read when a profile opens) and drives the Plugins
// page in Chromium: report, confirmation, running process, stop.
func TestExternalPluginsPage(t *testing.T) {
	in := start(t, binary(t, "LTTH_BIN"), "--headless")
	dst := filepath.Join(in.DataDir, "plugins", "node-hello")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"plugin.json", "main.js", "ws.js"} {
		b, err := os.ReadFile(filepath.Join("..", "examples", "plugins", "node-hello", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	broken := filepath.Join(in.DataDir, "plugins", "broken-plugin")
	if err := os.MkdirAll(broken, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "plugin.json"), []byte(`{"id":"broken-plugin","command":"/bin/sh"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, body := in.post(t, "/api/profiles", map[string]string{"name": "ext"}); code != http.StatusCreated {
		t.Fatalf("create profile: %d %s", code, body)
	}
	if code, body := in.post(t, "/api/profiles/ext/activate", nil); code != http.StatusOK {
		t.Fatalf("activate profile: %d %s", code, body)
	}
	frontend, _ := filepath.Abs("../frontend")
	cmd := exec.Command("node", "tests/extplugins.e2e.mjs")
	cmd.Dir = frontend
	cmd.Env = append(os.Environ(), "LTTH_URL="+in.URL, "LTTH_TOKEN="+in.Token, "LTTH_SHOT_DIR="+artifacts(t))
	out, err := cmd.CombinedOutput()
	t.Logf("extplugins.e2e.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("extplugins.e2e.mjs failed: %v", err)
	}
}

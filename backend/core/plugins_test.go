package core

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/plugin"
	"github.com/ltth/ltth/backend/plugin/plugintest/sample"
)

func init() {
	plugin.Register(sample.Manifest("coretest", true), sample.New("coretest", sample.Behaviour{}).New)
}

// pcall sends an authorized request and decodes a JSON answer into out.
func pcall(t *testing.T, c *Core, method, path, body string, out any) int {
	t.Helper()
	req, _ := http.NewRequest(method, c.URL()+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+c.Token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if out != nil && len(bytes.TrimSpace(b)) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, b)
		}
	}
	return resp.StatusCode
}

type flowStatus struct {
	Status struct {
		Valid  bool   `json:"valid"`
		Error  string `json:"error"`
		Active bool   `json:"active"`
	} `json:"status"`
}

// A plugin event fires a flow (the plugin.event trigger), the flow runs the
// plugin's own action; disabling the plugin disables the flow with the
// reason, enabling it brings the flow back, across a restart too.
func TestPluginEventFiresFlowAndPluginBlocksComeAndGo(t *testing.T) {
	dir := t.TempDir()
	c := startCore(t, dir)
	var infos []plugin.Info
	if pcall(t, c, "GET", "/api/plugins", "", &infos) != 200 {
		t.Fatal("GET /api/plugins")
	}
	flowDoc := `{"id":"onping","name":"on ping","enabled":true,
		"triggers":[{"type":"plugin.event","config":{"plugin":"coretest","event":"ping"}}],
		"actions":[{"type":"variable.set","config":{"name":"who","value":"{who}"}},
		           {"type":"coretest.say","config":{"text":"said {who}"}}]}`
	if code := pcall(t, c, "PUT", "/api/flows/onping", flowDoc, nil); code != 200 {
		t.Fatalf("PUT flow = %d", code)
	}
	said := c.Bus().Subscribe("said", 8, func(m *domain.Message) bool { return m.Type == "plugin:coretest:said" })
	defer said.Close()
	emit := func(who string) {
		t.Helper()
		if code := pcall(t, c, "POST", "/api/plugins/coretest/emit", `{"who":"`+who+`"}`, nil); code != http.StatusNoContent {
			t.Fatalf("emit = %d", code)
		}
		waitFor(t, "the flow's plugin action", func() bool {
			select {
			case m := <-said.C():
				return strings.Contains(string(mustJSON(m.Data)), "said "+who)
			default:
				return false
			}
		})
	}
	emit("bob")
	var vars map[string]any
	pcall(t, c, "GET", "/api/variables", "", &vars)
	if !strings.Contains(string(mustJSON(vars)), "bob") {
		t.Fatalf("variable not set by the flow: %v", vars)
	}

	var fs flowStatus
	pcall(t, c, "POST", "/api/plugins/coretest/disable", "", nil)
	pcall(t, c, "GET", "/api/flows/onping", "", &fs)
	if fs.Status.Valid || !strings.Contains(fs.Status.Error, "coretest.say") {
		t.Fatalf("flow with a removed action: %+v", fs.Status)
	}
	pcall(t, c, "POST", "/api/plugins/coretest/enable", "", nil)
	pcall(t, c, "GET", "/api/flows/onping", "", &fs)
	if !fs.Status.Valid || !fs.Status.Active {
		t.Fatalf("flow after the plugin came back: %+v", fs.Status)
	}
	emit("carol")

	stopCore(t, c)
	c = startCore(t, dir)
	defer stopCore(t, c)
	pcall(t, c, "GET", "/api/flows/onping", "", &fs)
	if !fs.Status.Valid || !fs.Status.Active {
		t.Fatalf("flow after restart: %+v", fs.Status)
	}
	said2 := c.Bus().Subscribe("said", 8, func(m *domain.Message) bool { return m.Type == "plugin:coretest:said" })
	defer said2.Close()
	said = said2
	emit("dave")
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// Enabled state and settings are per profile; switching profile swaps the
// running plugins behind the same routes.
func TestPluginStateIsPerProfile(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	if code := pcall(t, c, "POST", "/api/plugins/coretest/disable", "", nil); code != 200 {
		t.Fatalf("disable = %d", code)
	}
	if code := pcall(t, c, "POST", "/api/profiles", `{"name":"Stream B"}`, nil); code != http.StatusCreated {
		t.Fatalf("create profile = %d", code)
	}
	if err := c.SwitchProfile(context.Background(), "Stream B"); err != nil {
		t.Fatal(err)
	}
	var inf plugin.Info
	if code := pcall(t, c, "POST", "/api/plugins/coretest/reload", "", &inf); code != 200 || !inf.Enabled || inf.State != plugin.StateRunning {
		t.Fatalf("coretest in a fresh profile = %d %+v", code, inf)
	}
	if code := pcall(t, c, "GET", "/api/plugins/coretest/hello", "", nil); code != 200 {
		t.Fatalf("route in profile B = %d", code)
	}
	if err := c.SwitchProfile(context.Background(), "default"); err != nil {
		t.Fatal(err)
	}
	if code := pcall(t, c, "GET", "/api/plugins/coretest/hello", "", nil); code != http.StatusNotFound {
		t.Fatalf("route back in the profile where it is disabled = %d", code)
	}
}

package core

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/plugin/external"
)

// installExamples puts both example plugins into <dir>/plugins the way a
// streamer would (the Go one built next to its plugin.json).
func installExamples(t *testing.T, dir string) {
	t.Helper()
	for _, ex := range []string{"go-gift-logger", "node-hello"} {
		src, dst := filepath.Join("..", "..", "examples", "plugins", ex), filepath.Join(dir, "plugins", ex)
		if err := os.MkdirAll(dst, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"plugin.json", "main.js", "ws.js"} {
			if b, err := os.ReadFile(filepath.Join(src, f)); err == nil {
				if err := os.WriteFile(filepath.Join(dst, f), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	out, err := exec.Command("go", "build", "-o", filepath.Join(dir, "plugins", "go-gift-logger", "go-gift-logger"),
		"../../examples/plugins/go-gift-logger").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
}

// Both examples, as processes of the full application: enabled over REST,
// a flow on gifts calls each one's registered action, and disabling them
// takes their actions out of the flow editor's block list.
func TestExternalPluginsServeAFlow(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the Go example is built without .exe here")
	}
	dir := t.TempDir()
	installExamples(t, dir)
	c := startCore(t, dir)
	defer stopCore(t, c)
	var list external.List
	if pcall(t, c, "GET", "/api/plugins/ext", "", &list); len(list.Plugins) != 2 || len(list.Problems) != 0 {
		t.Fatalf("GET /api/plugins/ext: %+v", list)
	}
	for _, id := range []string{"go-gift-logger", "node-hello"} {
		if code := pcall(t, c, "POST", "/api/plugins/"+id+"/enable", "", nil); code != 200 {
			t.Fatalf("enable %s: %d", id, code)
		}
	}
	inEditor := func(typ string) bool {
		var reg struct {
			Actions []struct{ Type string } `json:"actions"`
		}
		pcall(t, c, "GET", "/api/flow-registry", "", &reg)
		for _, a := range reg.Actions {
			if a.Type == typ {
				return true
			}
		}
		return false
	}
	waitFor(t, "both plugins' actions in the editor", func() bool {
		return inEditor("go-gift-logger.log") && inEditor("node-hello.greet")
	})
	flowDoc := `{"id":"thanks","name":"thanks","enabled":true,
		"triggers":[{"type":"tiktok.gift","config":{}}],
		"actions":[{"type":"go-gift-logger.log","config":{"text":"flow thanks {uniqueId}"}},
		           {"type":"node-hello.greet","config":{"name":"{uniqueId}"}}]}`
	if code := pcall(t, c, "PUT", "/api/flows/thanks", flowDoc, nil); code != 200 {
		t.Fatalf("PUT flow = %d", code)
	}
	greeted := c.Bus().Subscribe("t", 8, func(m *domain.Message) bool { return m.Type == "plugin:node-hello:greeted" })
	defer greeted.Close()
	simulate(t, c, map[string]any{"type": "gift", "uniqueId": "zoe", "giftName": "Rose", "repeatCount": 1, "coins": 1})
	logPath := filepath.Join(dir, "profiles", c.profiles.Active(), "plugins", "go-gift-logger", "gifts.log")
	waitFor(t, "the Go plugin's invoke", func() bool {
		b, _ := os.ReadFile(logPath)
		return strings.Contains(string(b), "action flow thanks zoe")
	})
	waitFor(t, "the Node plugin's greeting", func() bool {
		select {
		case m := <-greeted.C():
			return strings.Contains(string(mustJSON(m.Data)), "Hello, zoe!")
		default:
			return false
		}
	})
	for _, id := range []string{"go-gift-logger", "node-hello"} {
		pcall(t, c, "POST", "/api/plugins/"+id+"/disable", "", nil)
	}
	if inEditor("go-gift-logger.log") || inEditor("node-hello.greet") {
		t.Fatal("a disabled plugin's action is still in the editor")
	}
	pcall(t, c, "GET", "/api/plugins/ext", "", &list)
	for _, p := range list.Plugins {
		if p.Process.State != external.ProcStopped || p.Process.PID != 0 {
			t.Fatalf("%s after disable: %+v", p.ID, p.Process)
		}
	}
}

package connector

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/tiktok/faketiktok"
)

// evilChromium is a script named like a browser that leaves a marker
// when it runs.
func evilChromium(t *testing.T) (script, marker string) {
	dir := t.TempDir()
	marker = filepath.Join(dir, "ran")
	script = filepath.Join(dir, "chromium")
	body := "#!/bin/sh\ntouch '" + marker + "'\necho 'not a browser'\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, marker
}

// A browser path set over the API is pending: connecting never runs it,
// and only a confirmation that passes validation activates it.
func TestBrowserPathSetOverAPINeverRuns(t *testing.T) {
	script, marker := evilChromium(t)
	e := newEnv(t, faketiktok.Options{}, Settings{Sources: []string{"browser"}})
	var view map[string]any
	body := fmt.Sprintf(`{"target":"@streamer","browserPath":%q}`, script)
	if code := e.do("PUT", "/api/connection/settings", body, &view); code != 200 || view["browserPathState"] != "pending" {
		t.Fatalf("put: %d %v", code, view)
	}
	if err := e.c.Connect(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	e.waitFor("browser source refused", 5*time.Second, func() bool {
		st := e.c.Status()
		return len(st.Sources) == 1 && st.Sources[0].State == SourceFailed && strings.Contains(st.Sources[0].Reason, "not confirmed")
	})
	_ = e.c.Disconnect(context.Background())
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the unconfirmed browser path was executed")
	}
	// confirming a different path than the pending one is refused unrun
	var res map[string]any
	if code := e.do("POST", "/api/connection/browser-path/confirm", `{"path":"/usr/bin/chromium"}`, &res); code != 422 {
		t.Fatalf("confirm of another path: %d %v", code, res)
	}
	// the user confirms: it runs once (--version) and is refused
	if code := e.do("POST", "/api/connection/browser-path/confirm", fmt.Sprintf(`{"path":%q}`, script), &res); code != 422 ||
		!strings.Contains(fmt.Sprint(res["error"]), "not a browser") {
		t.Fatalf("confirm of a fake browser: %d %v", code, res)
	}
	if v, _, _ := e.db.GetSetting(KeyBrowserPathConfirmed); v != "" || e.c.Settings().BrowserPathState() != "pending" {
		t.Fatalf("a refused path became confirmed: %q", v)
	}
}

func TestBrowserPathConfirmRealChromium(t *testing.T) {
	const exe = "/usr/bin/chromium"
	if _, err := os.Stat(exe); err != nil {
		t.Skip("no /usr/bin/chromium installed")
	}
	e := newEnv(t, faketiktok.Options{}, Settings{Sources: []string{"browser"}, BrowserPath: exe})
	var res map[string]any
	code := 0
	// --version has 3 s; on a machine loaded by parallel test runs the
	// wrapper script can miss that, which is not what is tested here
	for try := 0; try < 3; try++ {
		res = nil
		code = e.do("POST", "/api/connection/browser-path/confirm", `{"path":"`+exe+`"}`, &res)
		if code == 200 || !strings.Contains(fmt.Sprint(res["error"]), "did not answer --version") {
			break
		}
	}
	if code != 200 || !strings.HasPrefix(fmt.Sprint(res["version"]), "Chromium") {
		t.Fatalf("confirm: %d %v", code, res)
	}
	if v, _, _ := e.db.GetSetting(KeyBrowserPathConfirmed); v != exe {
		t.Fatalf("confirmation not saved: %q", v)
	}
	// changing the path over the API makes it pending again
	var view map[string]any
	e.do("PUT", "/api/connection/settings", `{"browserPath":"/usr/lib/chromium/chromium"}`, &view)
	if view["browserPathState"] != "pending" {
		t.Fatalf("view %v", view)
	}
}

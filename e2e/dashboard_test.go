//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestDashboardInBrowser drives the real dashboard (served by the headless
// binary under /dashboard/) in headless Chromium with Playwright: status
// header, a test gift sent from the panel showing up in the live feed, every
// test-event button, filters, a full profile round trip, and the TikTok
// connection page (settings, source order, replay into the feed, a failing
// connect with a clear reason — there is no internet here).
func TestDashboardInBrowser(t *testing.T) {
	in := start(t, binary(t, "LTTH_BIN"), "--headless")
	frontend, _ := filepath.Abs("../frontend")
	capture, _ := filepath.Abs("../backend/tiktok/testdata/session.capture")
	for _, script := range []string{"tests/dashboard.e2e.mjs", "tests/pages.e2e.mjs", "tests/connection.e2e.mjs", "tests/widgets.e2e.mjs", "tests/flows.e2e.mjs", "tests/trust.e2e.mjs", "tests/plugins.e2e.mjs", "tests/api.e2e.mjs", "tests/history.e2e.mjs", "tests/layout.e2e.mjs", "tests/onboarding.e2e.mjs", "tests/ux.e2e.mjs", "tests/designer.e2e.mjs", "tests/i18n.e2e.mjs"} {
		cmd := exec.Command("node", script)
		cmd.Dir = frontend
		cmd.Env = append(os.Environ(), "LTTH_URL="+in.URL, "LTTH_TOKEN="+in.Token, "LTTH_CAPTURE="+capture, "LTTH_SHOT_DIR="+artifacts(t),
			"LTTH_SHOT="+filepath.Join(artifacts(t), "dashboard-"+filepath.Base(script)+".png"))
		out, err := cmd.CombinedOutput()
		t.Logf("%s:\n%s", script, out)
		if err != nil {
			t.Fatalf("%s failed: %v", script, err)
		}
	}
}

// TestDashboardSettingsInBrowser drives the Settings page on its own
// instance (it rotates the API token and moves the listener, which would
// break the suites above): theme, log level, a busy port, token rotation.
func TestDashboardSettingsInBrowser(t *testing.T) {
	in := start(t, binary(t, "LTTH_BIN"), "--headless")
	frontend, _ := filepath.Abs("../frontend")
	cmd := exec.Command("node", "tests/settings.e2e.mjs")
	cmd.Dir = frontend
	cmd.Env = append(os.Environ(), "LTTH_URL="+in.URL, "LTTH_TOKEN="+in.Token, "LTTH_SHOT_DIR="+artifacts(t))
	out, err := cmd.CombinedOutput()
	t.Logf("settings.e2e.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("settings.e2e.mjs failed: %v", err)
	}
}

//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestDesktopStartMinimized: with --start-minimized the backend and the
// dashboard start (the dashboard's bound call is counted) but the window
// stays hidden (it exists, unmapped) until the tray or a second launch
// shows it.
func TestDesktopStartMinimized(t *testing.T) {
	bin := binary(t, "LTTH_DESKTOP_BIN")
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run through make smoke (xvfb-run)")
	}
	in := start(t, bin, "--start-minimized")
	var h map[string]any
	deadline := time.Now().Add(45 * time.Second)
	for time.Now().Before(deadline) && toInt(h["bindingCalls"]) == 0 {
		_ = in.getJSON("/api/health", &h)
		time.Sleep(200 * time.Millisecond)
	}
	if toInt(h["bindingCalls"]) == 0 {
		t.Fatalf("the hidden window's dashboard never called a bound Go method; health: %v", h)
	}
	search := func(args ...string) string {
		out, _ := exec.Command("xdotool", append([]string{"search"}, args...)...).Output()
		return strings.TrimSpace(string(out))
	}
	if search("--name", "^LTTH$") == "" {
		t.Fatal("no LTTH window at all")
	}
	hiddenFor := 0
	for i := 0; i < 30 && hiddenFor < 5; i++ { // hidden, and it stays hidden
		if search("--onlyvisible", "--name", "^LTTH$") == "" {
			hiddenFor++
		} else {
			hiddenFor = 0
		}
		time.Sleep(200 * time.Millisecond)
	}
	if hiddenFor < 5 {
		t.Fatal("the window is visible although LTTH was started minimized")
	}
}

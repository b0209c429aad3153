//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestDesktopWindowRendersDashboard runs the real Wails binary under Xvfb
// (make smoke wraps it in xvfb-run + dbus-run-session): the window opens, the
// dashboard renders (a screenshot that is not blank) and the dashboard's call
// to a bound Go method returns live data (counted by the backend).
func TestDesktopWindowRendersDashboard(t *testing.T) {
	bin := binary(t, "LTTH_DESKTOP_BIN")
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run through make smoke (xvfb-run)")
	}
	t.Setenv("LTTH_DESKTOP_SELFTEST", "1") // app_selftest.go
	in := start(t, bin)
	deadline := time.Now().Add(45 * time.Second)
	var h map[string]any
	for time.Now().Before(deadline) {
		if in.getJSON("/api/health", &h) == nil && toInt(h["bindingCalls"]) > 0 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if toInt(h["bindingCalls"]) == 0 {
		t.Fatalf("the dashboard never called a bound Go method; health: %v", h)
	}
	if h["headless"] == true {
		t.Fatal("desktop binary started headless under Xvfb")
	}
	out, err := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^LTTH$").Output()
	if err != nil || strings.TrimSpace(string(out)) == "" {
		t.Fatalf("no visible LTTH window: %v %s", err, out)
	}
	checkSelfTest(t, in)
	// A second launch must hand over to the first and exit (single instance).
	second := exec.Command(bin, "--data-dir", in.DataDir, "--listen", freeAddr(t))
	done := make(chan error, 1)
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- second.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		second.Process.Kill()
		t.Fatal("a second instance kept running instead of focusing the first")
	}
	if err := in.getJSON("/api/health", &h); err != nil {
		t.Fatalf("first instance gone after the second launch: %v", err)
	}
	for _, ev := range []map[string]any{
		{"type": "chat", "uniqueId": "maya", "nickname": "Maya", "comment": "hi from the smoke test!"},
		{"type": "gift", "uniqueId": "leo", "nickname": "Leo", "giftId": 5879, "giftName": "Doughnut", "diamondCount": 30, "repeatCount": 3},
		{"type": "follow", "uniqueId": "sam", "nickname": "Sam"},
		{"type": "like", "uniqueId": "ana", "nickname": "Ana", "likeCount": 15, "totalLikeCount": 1520},
	} {
		if code, body := in.post(t, "/api/simulate", ev); code != 202 {
			t.Fatalf("simulate: %d %s", code, body)
		}
	}
	time.Sleep(2 * time.Second) // let the dashboard finish its first render
	shot := filepath.Join(artifacts(t), "desktop-dashboard.png")
	if out, err := exec.Command("import", "-window", "root", shot).CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v %s", err, out)
	}
	colors := uniqueColors(t, shot)
	t.Logf("screenshot %s has %d colours", shot, colors)
	if colors < 64 {
		t.Fatalf("dashboard looks blank: only %d colours in %s", colors, shot)
	}
}

func uniqueColors(t *testing.T, png string) int {
	t.Helper()
	out, err := exec.Command("convert", png, "-format", "%k", "info:").Output()
	if err != nil {
		t.Fatalf("imagemagick: %v", err)
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(out)))
	return n
}

func toInt(v any) int {
	f, _ := v.(float64)
	return int(f)
}

// checkSelfTest waits for the window's self-test report: a test event sent
// through the bound TestEventsService appeared in the live feed, which came
// as Wails runtime events; and bound vs REST round trips timed in the window.
func checkSelfTest(t *testing.T, in *instance) {
	t.Helper()
	const prefix = "desktop self-test: "
	var line string
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline) && line == ""; time.Sleep(200 * time.Millisecond) {
		for _, l := range strings.Split(stderrOf(in), "\n") {
			if _, rest, ok := strings.Cut(l, prefix); ok {
				line = rest
			}
		}
	}
	if line == "" {
		t.Fatalf("the window never reported its self-test; stderr:\n%s", stderrOf(in))
	}
	var r struct {
		EventID    string   `json:"eventId"`
		FeedSeen   bool     `json:"feedSeen"`
		FeedMs     float64  `json:"feedMs"`
		FeedSource string   `json:"feedSource"`
		Calls      int      `json:"calls"`
		BoundMs    float64  `json:"boundMsAvg"`
		Error      string   `json:"error"`
		Transport  string   `json:"transport"`
		Pages      []string `json:"pages"`
	}
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatalf("self-test report %q: %v", line, err)
	}
	os.WriteFile(filepath.Join(artifacts(t), "desktop-selftest.json"), []byte(line+"\n"), 0o644)
	restMs := timeREST(t, in, r.Calls)
	t.Logf("%d× Connection.Status: bound from the window %.3f ms, REST from a client of the listener %.3f ms; test event in the feed after %.0f ms", r.Calls, r.BoundMs, restMs, r.FeedMs)
	if r.Error != "" || r.Transport != "bindings" || r.FeedSource != "runtime" || !r.FeedSeen || r.EventID == "" || len(r.Pages) < 10 {
		t.Fatalf("self-test: %s", line)
	}
	var h struct {
		WindowHTTP int `json:"windowHttp"`
	}
	if err := in.getJSON("/api/health", &h); err != nil {
		t.Fatal(err)
	}
	t.Logf("window opened %d pages (%s); API/feed requests from the window's origin: %d", len(r.Pages), strings.Join(r.Pages, " "), h.WindowHTTP)
	if h.WindowHTTP != 0 {
		t.Fatalf("the window sent %d requests to the listener's API or feed; it must use its bindings only", h.WindowHTTP)
	}
	var recent []map[string]any
	if err := in.getJSON("/api/events/recent?limit=50", &recent); err != nil {
		t.Fatal(err)
	}
	for _, e := range recent {
		if e["id"] == r.EventID && e["simulated"] == true {
			return
		}
	}
	t.Fatalf("the bound test event %s is not in the journal: %v", r.EventID, recent)
}

// timeREST times n GET /api/connection calls with the token (the REST side
// of the self-test's bound timing), in ms per call.
func timeREST(t *testing.T, in *instance, n int) float64 {
	t.Helper()
	var st map[string]any
	began := time.Now()
	for range n {
		if err := in.getJSON("/api/connection", &st); err != nil {
			t.Fatal(err)
		}
	}
	return float64(time.Since(began).Microseconds()) / 1000 / float64(n)
}

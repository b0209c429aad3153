//go:build e2e

package e2e

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ltth/ltth/backend/appconfig"
)

// TestDesktopBusyPortOffersAnotherPort: with the overlay port already held
// by another program (python3's http.server) the desktop app keeps running
// and its window shows the port notice; pressing Enter in it ("Use this
// port" with the suggested free port, pre-filled and focused) binds that
// port through the bound ChoosePort, saves it, and the dashboard, the API
// and the overlay then work there.
func TestDesktopBusyPortOffersAnotherPort(t *testing.T) {
	bin := binary(t, "LTTH_DESKTOP_BIN")
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run through make smoke (xvfb-run)")
	}
	t.Setenv("LTTH_DESKTOP_SELFTEST", "1") // app_selftest.go: a bound test event must reach the live feed
	busyAddr := freeAddr(t)
	_, busyPort, _ := net.SplitHostPort(busyAddr)
	holder := holdWithPython(t, busyPort)

	in, exited := startDesktopUnhealthy(t, bin, busyAddr)
	win := waitVisibleWindow(t, in, exited, 45*time.Second)
	time.Sleep(2 * time.Second) // the notice renders after the bound ListenStatus answers
	select {
	case err := <-exited:
		t.Fatalf("the desktop app exited with the port busy: %v; stderr:\n%s", err, stderrOf(in))
	default:
	}
	want := fmt.Sprintf("port %s is in use by python3 (pid %d)", busyPort, holder)
	for i := 0; i < 40 && !strings.Contains(stderrOf(in), want); i++ { // a loaded machine logs late
		time.Sleep(250 * time.Millisecond)
	}
	if !strings.Contains(stderrOf(in), want) {
		t.Fatalf("the log does not name the holder (%q); stderr:\n%s", want, stderrOf(in))
	}
	shot := filepath.Join(artifacts(t), "desktop-port-busy.png")
	colors := screenshot(t, shot)
	for i := 0; i < 10 && colors < 16; i++ { // a loaded machine renders late
		time.Sleep(time.Second)
		colors = screenshot(t, shot)
	}
	if colors < 16 {
		t.Fatalf("the port notice looks blank: %d colours in %s", colors, shot)
	}

	// "Use this port": the port field has the focus and the suggestion
	// (Enter again while nothing happened: the suggestion may come late).
	enter := func() {
		if out, err := exec.Command("xdotool", "windowfocus", "--sync", win, "key", "--clearmodifiers", "Return").CombinedOutput(); err != nil {
			t.Fatalf("xdotool: %v %s", err, out)
		}
	}
	enter()
	port := waitSavedPort(t, in.DataDir, busyPort, exited, enter)
	in.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	in.waitHealthy(t, 30*time.Second)
	tok, err := os.ReadFile(filepath.Join(in.DataDir, "api-token"))
	if err != nil {
		t.Fatal(err)
	}
	in.Token = strings.TrimSpace(string(tok))
	var h map[string]any
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) && toInt(h["bindingCalls"]) < 4 { // ListenStatus, SuggestPort, ChoosePort, GetBootstrap
		_ = in.getJSON("/api/health", &h)
		time.Sleep(200 * time.Millisecond)
	}
	if toInt(h["bindingCalls"]) < 4 || h["overlayUrl"] != in.URL+"/overlay.html" {
		t.Fatalf("after choosing port %d: health %v", port, h)
	}

	ctx := browser(t)
	err = chromedp.Do(ctx, chromedp.Navigate(in.URL+"/overlay.html"), chromedp.WaitReady(chromedp.CSS("body")))
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](connectedJS, chromedp.WithPollingTimeout(15*time.Second)))
	}
	if err != nil {
		t.Fatalf("overlay on the new port did not connect: %v", err)
	}
	if code, body := in.post(t, "/api/simulate", map[string]any{"type": "gift", "uniqueId": "leo", "nickname": "Leo",
		"giftId": 5655, "giftName": "Rose", "diamondCount": 1, "repeatCount": 1}); code != 202 {
		t.Fatalf("simulate: %d %s", code, body)
	}
	if _, err := pollNames(ctx, "Leo"); err != nil {
		t.Fatalf("the gift did not reach the overlay on the new port: %v", err)
	}
	time.Sleep(2 * time.Second) // the dashboard renders once the session started
	if colors := screenshot(t, filepath.Join(artifacts(t), "desktop-port-chosen.png")); colors < 64 {
		t.Fatalf("the dashboard after choosing a port looks blank: %d colours", colors)
	}
	checkSelfTest(t, in)
	select {
	case err := <-exited:
		t.Fatalf("the desktop app exited: %v", err)
	default:
	}
}

// holdWithPython keeps port busy with another program and returns its pid.
func holdWithPython(t *testing.T, port string) int {
	t.Helper()
	py := exec.Command("python3", "-m", "http.server", port, "--bind", "127.0.0.1", "--directory", t.TempDir())
	if err := py.Start(); err != nil {
		t.Fatalf("python3: %v", err)
	}
	t.Cleanup(func() { py.Process.Kill(); py.Wait() })
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", "127.0.0.1:"+port); err == nil {
			c.Close()
			return py.Process.Pid
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("python3 http.server did not listen")
	return 0
}

// startDesktopUnhealthy starts the desktop app without waiting for its
// listener (it has none yet); exited reports when the process ends.
func startDesktopUnhealthy(t *testing.T, bin, addr string) (*instance, <-chan error) {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(bin, "--data-dir", dir, "--listen", addr)
	var out bytes.Buffer
	cmd.Stdout = &out
	logf, err := os.Create(filepath.Join(dir, "stderr.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	in := &instance{URL: "http://" + addr, DataDir: dir, cmd: &exec.Cmd{Process: cmd.Process}, stdout: &out}
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			t.Error("ltth did not stop within 15 s of SIGINT")
		}
		logf.Close()
	})
	return in, exited
}

func stderrOf(in *instance) string {
	b, _ := os.ReadFile(filepath.Join(in.DataDir, "stderr.log"))
	return string(b)
}

func waitVisibleWindow(t *testing.T, in *instance, exited <-chan error, limit time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			t.Fatalf("the desktop app exited before its window showed: %v; stdout:\n%s\nstderr:\n%s", err, in.stdout, stderrOf(in))
		default:
		}
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^LTTH$").Output()
		if ids := strings.Fields(string(out)); len(ids) > 0 {
			return ids[0]
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatal("no visible LTTH window")
	return ""
}

// waitSavedPort waits until the app settings hold a port other than busy.
func waitSavedPort(t *testing.T, dir, busy string, exited <-chan error, nudge func()) int {
	t.Helper()
	start := time.Now()
	next := start.Add(5 * time.Second)
	for time.Since(start) < 30*time.Second {
		if time.Now().After(next) {
			nudge()
			next = time.Now().Add(5 * time.Second)
		}
		select {
		case err := <-exited:
			t.Fatalf("the desktop app exited: %v", err)
		default:
		}
		if cfg, err := appconfig.Load(dir); err == nil && cfg.Port != appconfig.Defaults().Port && fmt.Sprint(cfg.Port) != busy {
			return cfg.Port
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatal("no other port was chosen through the notice (settings unchanged)")
	return 0
}

func screenshot(t *testing.T, file string) int {
	t.Helper()
	if out, err := exec.Command("import", "-window", "root", file).CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v %s", err, out)
	}
	colors := uniqueColors(t, file)
	t.Logf("screenshot %s has %d colours", file, colors)
	return colors
}

//go:build e2e

package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/gorilla/websocket"
)

// TestDesktopTray drives LTTH's tray icon the way a desktop shell does. Xvfb
// has no shell, so the test first plays the shell's StatusNotifierWatcher on
// the session bus (make smoke runs the suite inside dbus-run-session); the app
// registers its item with it. Then, as a tray host, the test reads the item's
// properties, reads the com.canonical.dbusmenu layout and clicks the entries,
// checking each click's effect from outside: the REST API, the X window's
// map state, the X clipboard, and finally the process exit.
func TestDesktopTray(t *testing.T) {
	bin := binary(t, "LTTH_DESKTOP_BIN")
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run through make smoke (xvfb-run)")
	}
	watcher := startSNIWatcher(t) // before the app, as a running desktop would be
	host := newSNIHost(t)

	in := start(t, bin)
	pid := in.cmd.Process.Pid
	item := watcher.waitForItemOf(t, host, pid, 30*time.Second)
	t.Logf("tray item registered: %s (pid %d)", item, pid)
	host.item = item

	// The item's properties, as a host reads them to draw the icon.
	if got := host.itemProp(t, "Title"); got != "LTTH" {
		t.Errorf("Title = %v, want LTTH", got)
	}
	if got := host.itemProp(t, "Status"); got != "Active" {
		t.Errorf("Status = %v, want Active", got)
	}
	menuPath, ok := host.itemProp(t, "Menu").(dbus.ObjectPath)
	if !ok || !menuPath.IsValid() || menuPath == "/" {
		t.Fatalf("Menu = %#v, want the object path of the dbusmenu", host.itemProp(t, "Menu"))
	}
	host.menu = menuPath
	var pixmaps []struct {
		W, H int32
		Pix  []byte
	}
	if err := host.conn.Object(item.Service, item.Path).StoreProperty(sniItemIface+".IconPixmap", &pixmaps); err != nil {
		t.Fatalf("reading IconPixmap: %v", err)
	}
	if len(pixmaps) == 0 || pixmaps[0].W <= 0 || pixmaps[0].H <= 0 || len(pixmaps[0].Pix) != int(pixmaps[0].W*pixmaps[0].H*4) {
		t.Fatalf("IconPixmap is empty or malformed: %d pixmaps, first %s", len(pixmaps), trayPixmapInfo(pixmaps))
	}
	t.Logf("IconPixmap %dx%d", pixmaps[0].W, pixmaps[0].H)

	// The menu: a status line and the actions.
	entries := host.waitForMenu(t, 10*time.Second, "the tray menu", func(m trayMenu) bool {
		return m.status() != nil && m.has("Show dashboard")
	})
	for _, label := range []string{"Show dashboard", "Hide dashboard", "Connect", "Pause alerts", "Stop all sounds", "Copy overlay URL", "Quit LTTH"} {
		e := entries.find(label)
		if e == nil {
			t.Fatalf("tray menu has no %q entry; menu: %s", label, entries)
		}
		if !e.Enabled || !e.Visible {
			t.Errorf("tray entry %q is disabled or hidden; menu: %s", label, entries)
		}
	}
	var conn struct {
		State  string `json:"state"`
		Reason string `json:"reason"`
	}
	if err := in.getJSON("/api/connection", &conn); err != nil {
		t.Fatal(err)
	}
	if st := entries.status(); st.Label != "Not connected" || conn.State != "disconnected" {
		t.Errorf("status line %q with connection %+v; a fresh profile should read \"Not connected\"", st.Label, conn)
	}

	// Pause alerts / Resume alerts, checked through GET /api/alerts/status.
	alertsPaused := func() (bool, error) {
		var st struct {
			Paused *bool `json:"paused"`
		}
		if err := in.getJSON("/api/alerts/status", &st); err != nil {
			return false, err
		}
		if st.Paused == nil {
			return false, errors.New(`GET /api/alerts/status has no "paused" field`)
		}
		return *st.Paused, nil
	}
	host.click(t, "Pause alerts")
	trayWait(t, 5*time.Second, "alerts paused after the tray's Pause alerts", func() (bool, string) {
		p, err := alertsPaused()
		return err == nil && p, fmt.Sprintf("paused=%v err=%v", p, err)
	})
	host.waitForMenu(t, 5*time.Second, `"Resume alerts" in place of "Pause alerts"`, func(m trayMenu) bool {
		return m.has("Resume alerts") && !m.has("Pause alerts")
	})
	host.click(t, "Resume alerts")
	trayWait(t, 5*time.Second, "alerts resumed after the tray's Resume alerts", func() (bool, string) {
		p, err := alertsPaused()
		return err == nil && !p, fmt.Sprintf("paused=%v err=%v", p, err)
	})
	host.waitForMenu(t, 5*time.Second, `"Pause alerts" back after resuming`, func(m trayMenu) bool {
		return m.has("Pause alerts") && !m.has("Resume alerts")
	})

	// Pausing from the dashboard (the API) must update the tray's label too.
	for _, paused := range []bool{true, false} {
		if code, body := in.post(t, "/api/alerts/pause", map[string]bool{"paused": paused}); code != 200 {
			t.Fatalf("POST /api/alerts/pause: %d %s", code, body)
		}
		want := map[bool]string{true: "Resume alerts", false: "Pause alerts"}[paused]
		host.waitForMenu(t, 5*time.Second, fmt.Sprintf("%q after POST /api/alerts/pause %v", want, paused), func(m trayMenu) bool {
			return m.has(want)
		})
	}

	// Connect / Disconnect against a local stand-in for TikFinity's event
	// socket (the one source that needs no TikTok servers).
	tikfinity := trayFakeTikFinity(t)
	if code, body := in.send(t, http.MethodPut, "/api/connection/settings", map[string]any{
		"target": "@traytest", "sources": []string{"tikfinity"}, "tikfinityUrl": tikfinity.url,
	}); code != 200 {
		t.Fatalf("PUT /api/connection/settings: %d %s", code, body)
	}
	host.click(t, "Connect")
	trayWait(t, 10*time.Second, "connected through the tray's Connect", func() (bool, string) {
		err := in.getJSON("/api/connection", &conn)
		return err == nil && conn.State == "connected", fmt.Sprintf("connection %+v err=%v, fake TikFinity saw %d sockets", conn, err, tikfinity.opened.Load())
	})
	host.waitForMenu(t, 5*time.Second, `status line "Live: @traytest (tikfinity)" and "Disconnect"`, func(m trayMenu) bool {
		return m.status() != nil && m.status().Label == "Live: @traytest (tikfinity)" && m.has("Disconnect") && !m.has("Connect")
	})
	host.click(t, "Disconnect")
	trayWait(t, 5*time.Second, "disconnected through the tray's Disconnect", func() (bool, string) {
		err := in.getJSON("/api/connection", &conn)
		return err == nil && conn.State == "disconnected" && tikfinity.live.Load() == 0,
			fmt.Sprintf("connection %+v err=%v, fake TikFinity sockets still open: %d", conn, err, tikfinity.live.Load())
	})
	host.waitForMenu(t, 5*time.Second, `"Connect" back and a status line that is not live`, func(m trayMenu) bool {
		return m.status() != nil && !strings.HasPrefix(m.status().Label, "Live") && m.has("Connect") && !m.has("Disconnect")
	})

	// Hide dashboard / Show dashboard, and a left click on the icon
	// (StatusNotifierItem.Activate) showing it too.
	trayWait(t, 30*time.Second, "the LTTH window mapped", trayWindowVisible(true))
	host.click(t, "Hide dashboard")
	trayWait(t, 5*time.Second, "the window unmapped after Hide dashboard", trayWindowVisible(false))
	host.click(t, "Show dashboard")
	trayWait(t, 5*time.Second, "the window mapped after Show dashboard", trayWindowVisible(true))
	host.click(t, "Hide dashboard")
	trayWait(t, 5*time.Second, "the window unmapped after the second Hide dashboard", trayWindowVisible(false))
	if call := host.conn.Object(item.Service, item.Path).Call(sniItemIface+".Activate", 0, int32(0), int32(0)); call.Err != nil {
		t.Fatalf("StatusNotifierItem.Activate: %v", call.Err)
	}
	trayWait(t, 5*time.Second, "the window mapped after a left click on the icon (Activate)", trayWindowVisible(true))

	// Copy overlay URL puts the URL on the X clipboard.
	var health struct {
		OverlayURL string `json:"overlayUrl"`
	}
	if err := in.getJSON("/api/health", &health); err != nil || health.OverlayURL == "" {
		t.Fatalf("no overlayUrl in /api/health: %+v %v", health, err)
	}
	if _, err := exec.LookPath("xclip"); err != nil {
		t.Log("xclip not installed (make deps installs it): skipping the clipboard check of Copy overlay URL")
	} else {
		host.click(t, "Copy overlay URL")
		trayWait(t, 5*time.Second, "the overlay URL "+health.OverlayURL+" on the clipboard", func() (bool, string) {
			got, err := trayClipboard()
			return err == nil && got == health.OverlayURL, fmt.Sprintf("clipboard %q err=%v", got, err)
		})
	}

	// Quit LTTH ends the process cleanly, and with it the tray item.
	host.click(t, "Quit LTTH")
	exited := make(chan error, 1)
	go func() { exited <- in.cmd.Wait() }() // the harness's stop then finds ProcessState set
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("ltth exited with %v after Quit LTTH; stderr:\n%s", err, trayStderr(in))
		}
	case <-time.After(10 * time.Second):
		in.cmd.Process.Kill()
		<-exited
		t.Fatalf("ltth still running 10 s after Quit LTTH; stderr:\n%s", trayStderr(in))
	}
	var owned bool
	if err := host.conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, item.Service).Store(&owned); err != nil || owned {
		t.Errorf("the tray item's bus name %s is still owned after exit (err %v)", item.Service, err)
	}
}

// trayWait polls cond every 50 ms until it holds or limit passes; the
// failure names what was awaited and cond's last description of the state.
func trayWait(t *testing.T, limit time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		ok, state := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s; %s", limit, what, state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// trayWindowVisible is a condition on the dashboard window's map state:
// xdotool finds an LTTH window only while it is mapped (viewable).
func trayWindowVisible(want bool) func() (bool, string) {
	return func() (bool, string) {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^LTTH$").Output()
		ids := strings.Fields(string(out))
		var states []string
		all, _ := exec.Command("xdotool", "search", "--name", "^LTTH$").Output()
		for _, id := range strings.Fields(string(all)) {
			info, _ := exec.Command("xwininfo", "-id", id).Output()
			for _, line := range strings.Split(string(info), "\n") {
				if s, ok := strings.CutPrefix(strings.TrimSpace(line), "Map State: "); ok {
					states = append(states, id+"="+s)
				}
			}
		}
		return (len(ids) > 0) == want, fmt.Sprintf("visible LTTH windows %v; map states %v", ids, states)
	}
}

// trayClipboard reads the X CLIPBOARD selection with xclip.
func trayClipboard() (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "xclip", "-o", "-selection", "clipboard").Output()
	return string(out), err
}

// trayTikFinity accepts TikFinity-style event sockets and holds them
// open, sending nothing: enough for LTTH's tikfinity source to be connected.
type trayTikFinity struct {
	url          string
	opened, live atomic.Int32
}

func trayFakeTikFinity(t *testing.T) *trayTikFinity {
	t.Helper()
	f := &trayTikFinity{}
	up := websocket.Upgrader{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		f.opened.Add(1)
		f.live.Add(1)
		defer f.live.Add(-1)
		defer ws.Close()
		for {
			if _, _, err := ws.ReadMessage(); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	f.url = "ws" + strings.TrimPrefix(srv.URL, "http") + "/"
	return f
}

func trayPixmapInfo(p []struct {
	W, H int32
	Pix  []byte
}) string {
	if len(p) == 0 {
		return "none"
	}
	return fmt.Sprintf("%dx%d with %d bytes", p[0].W, p[0].H, len(p[0].Pix))
}

func trayStderr(in *instance) string {
	b, _ := os.ReadFile(filepath.Join(in.DataDir, "stderr.log"))
	return string(b)
}

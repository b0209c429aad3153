//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

func TestHeadlessPrintsOverlayURL(t *testing.T) {
	in := start(t, binary(t, "LTTH_BIN"), "--headless")
	want := "Overlay: " + in.URL + "/overlay.html"
	deadline := time.Now().Add(5 * time.Second)
	for !in.stdoutContains(want) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !in.stdoutContains(want) {
		t.Fatalf("stdout does not name the overlay URL:\n%s", in.stdout.String())
	}
	if dash := "Dashboard: " + in.URL + "/dashboard/#token=" + in.Token; !in.stdoutContains(dash) {
		t.Fatalf("stdout does not give the ready-to-open dashboard link:\n%s", in.stdout.String())
	}
	var h map[string]any
	if err := in.getJSON("/api/health", &h); err != nil || h["version"] == "" {
		t.Fatalf("health %v: %v", h, err)
	}
}

const hostile = `<img src=x onerror=alert(1)>`

const (
	connectedJS = `(() => { const s = document.getElementById('ltth-status'); return !!s && (s.hidden || getComputedStyle(s).display === 'none' || s.dataset.state === 'connected'); })()`
	waitingJS   = `(() => { const s = document.getElementById('ltth-status'); return !!s && !s.hidden && s.dataset.state !== 'connected' && getComputedStyle(s).display !== 'none' && /waiting/i.test(s.textContent); })()`
	namesJS     = `[...document.querySelectorAll('.ltth-alert-name')].map(e => e.textContent).join('|')`
)

// pollNames waits until an alert name containing want is on the page.
func pollNames(ctx context.Context, want string) (string, error) {
	return chromedp.Run(ctx, chromedp.Poll[string](`(() => { const n = `+namesJS+`; return n.includes(`+jsString(want)+`) ? n : false; })()`, chromedp.WithPollingTimeout(10*time.Second)))
}

func TestOverlayShowsHostileNicknameAsText(t *testing.T) {
	in := start(t, binary(t, "LTTH_BIN"), "--headless")
	ctx := browser(t)
	var dialogs atomic.Int32
	chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
		}
	})
	err := chromedp.Do(ctx,
		chromedp.Navigate(in.URL+"/overlay.html"),
		chromedp.WaitReady(chromedp.CSS("body")),
	)
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](connectedJS, chromedp.WithPollingTimeout(15*time.Second)))
	}
	if err != nil {
		t.Fatalf("overlay did not connect: %v", err)
	}
	scriptsBefore, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.scripts.length`))
	code, body := in.post(t, "/api/simulate", map[string]any{
		"type": "gift", "uniqueId": "attacker", "nickname": hostile, "userId": "666",
		"giftId": 5655, "giftName": "Rose", "diamondCount": 1, "repeatCount": 3,
	})
	if code != 202 && code != 200 {
		t.Fatalf("simulate: %d %s", code, body)
	}
	name, err := pollNames(ctx, hostile)
	if err != nil {
		t.Fatalf("alert with the literal nickname did not appear: %v", err)
	}
	injected, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('img[src="x"], img[onerror], .ltth-alert script').length`))
	scriptsAfter, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.scripts.length`))
	if injected != 0 || scriptsAfter != scriptsBefore {
		t.Fatalf("markup was injected: %d elements, scripts %d -> %d (names %q)", injected, scriptsBefore, scriptsAfter, name)
	}
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
	if err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(artifacts(t), "overlay-hostile-gift.png")
	if err := os.WriteFile(shot, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
	time.Sleep(300 * time.Millisecond)
	if dialogs.Load() != 0 {
		t.Fatal("an injected script opened a dialog")
	}
}

func TestOverlayWaitsForLTTHAndReconnects(t *testing.T) {
	bin := binary(t, "LTTH_BIN")
	first := start(t, bin, "--headless")
	addr := strings.TrimPrefix(first.URL, "http://")
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(first.URL+"/overlay.html"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	first.stop(t)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](waitingJS, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Fatalf("overlay does not say it is waiting for LTTH: %v", err)
	}
	second := startAt(t, bin, addr, "--headless")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](connectedJS, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("overlay did not reconnect by itself: %v", err)
	}
	second.post(t, "/api/simulate", map[string]any{"type": "follow", "uniqueId": "back", "nickname": "Back Again"})
	if _, err := pollNames(ctx, "Back Again"); err != nil {
		t.Fatalf("no alert after reconnect: %v", err)
	}
}

func TestBusyPortIsAClearError(t *testing.T) {
	bin := binary(t, "LTTH_BIN")
	first := start(t, bin, "--headless")
	addr := strings.TrimPrefix(first.URL, "http://")
	cmd := exec.Command(bin, "--headless", "--data-dir", t.TempDir(), "--listen", addr)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if err == nil || !strings.Contains(stderr.String(), "--listen") {
		t.Fatalf("second instance on a busy port: err=%v stderr=%q", err, stderr.String())
	}
	var h map[string]any
	if err := first.getJSON("/api/health", &h); err != nil {
		t.Fatalf("first instance disturbed: %v", err)
	}
}

//go:build e2e

package e2e

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestFlowOverlayTextShowsOnOverlay: a `!hype` chat command flow with the
// overlay.text action puts its text on /overlay.html, where the viewer's
// hostile nickname stays literal text, and overlay.clear removes it.
func TestFlowOverlayTextShowsOnOverlay(t *testing.T) {
	in := start(t, binary(t, "LTTH_BIN"), "--headless")
	flow := map[string]any{
		"id": "hype", "name": "Hype text", "enabled": true,
		"triggers": []any{map[string]any{"type": "tiktok.command", "config": map[string]any{"command": "!hype"}}},
		"actions": []any{map[string]any{"type": "overlay.text",
			"config": map[string]any{"text": "HYPE {nickname}", "position": "top", "durationMs": 60000}}},
	}
	automationCall(t, in, "PUT", "/api/flows/hype", flow, http.StatusOK, nil)
	clear := map[string]any{
		"id": "calm", "name": "Clear overlay", "enabled": true,
		"triggers": []any{map[string]any{"type": "tiktok.command", "config": map[string]any{"command": "!calm"}}},
		"actions":  []any{map[string]any{"type": "overlay.clear", "config": map[string]any{}}},
	}
	automationCall(t, in, "PUT", "/api/flows/calm", clear, http.StatusOK, nil)

	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(in.URL+"/overlay.html"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](connectedJS, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Fatalf("overlay did not connect: %v", err)
	}
	in.post(t, "/api/simulate", map[string]any{"type": "chat", "uniqueId": "x", "userId": "9", "nickname": hostile, "comment": "!hype"})
	text, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const n = document.querySelector('.ltth-item-top .ltth-item-text'); return n ? n.textContent : false; })()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("overlay text did not appear: %v", err)
	}
	if text != "HYPE "+hostile {
		t.Fatalf("overlay text = %q", text)
	}
	injected, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.ltth-items img, .ltth-items script').length`))
	if injected != 0 {
		t.Fatalf("markup injected into the overlay item: %d elements", injected)
	}
	if buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(90)); err == nil {
		os.WriteFile(filepath.Join(artifacts(t), "overlay-flow-text.png"), buf, 0o644)
	}
	in.post(t, "/api/simulate", map[string]any{"type": "chat", "uniqueId": "mod", "userId": "10", "nickname": "Mod", "comment": "!calm"})
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('.ltth-item').length === 0`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("overlay.clear did not remove the text: %v", err)
	}
}

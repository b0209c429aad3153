package overlay_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/overlay/overlaytest"
)

// TestAlertsReadableOn1080pCanvas: /overlay.html as a 1920×1080 OBS
// source, no params: an alert's name and text are large enough to read on
// a 1080p stream (the page used to draw them at 30 px and 23 px), and the
// card stays on the canvas.
func TestAlertsReadableOn1080pCanvas(t *testing.T) {
	ctx := overlaytest.Browser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1920, 1080)); err != nil {
		t.Fatal(err)
	}
	b := bus.New()
	l := overlaytest.Listen(t, b)
	overlaytest.Navigate(t, ctx, l.URL("/overlay.html?raw=0"))
	overlaytest.WaitJS(t, ctx, "feed connected", `document.getElementById('ltth-status').dataset.state === 'connected'`)
	b.Publish(domain.Message{Type: "alert", Data: map[string]any{"id": "a1", "screen": "main", "eventType": "gift",
		"text": "sent Rose ×5", "durationMs": 60000, "event": map[string]any{"type": "gift", "nickname": "Ana", "coins": 5}}})
	overlaytest.WaitJS(t, ctx, "name >= 44 px, text >= 32 px, card on the canvas", `(function () {
		var a = document.querySelector('.ltth-alert'); if (!a || innerWidth !== 1920) return false;
		var px = function (sel) { return parseFloat(getComputedStyle(a.querySelector(sel)).fontSize); };
		var r = a.getBoundingClientRect();
		return px('.ltth-alert-name') >= 44 && px('.ltth-alert-text') >= 32 && r.left >= 0 && r.right <= 1920 && r.top >= 0;
	})()`)
}

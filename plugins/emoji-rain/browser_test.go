package emojirain

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/overlay/overlaytest"
	"github.com/ltth/ltth/plugins/internal/plugintest"
)

func TestOverlayRainsOnLikesAndGifts(t *testing.T) {
	ctx := overlaytest.Browser(t)
	env := plugintest.New(t)
	env.Start(ID, `{"durationMs": 60000}`)

	overlaytest.Navigate(t, ctx, env.URL("/plugins/emoji-rain/overlay.html"))
	overlaytest.WaitJS(t, ctx, "connected", `window.__stats && document.getElementById('ltth-status').hidden`)

	env.Bus.PublishEvent(&domain.Event{Type: domain.EventLike, LikeCount: 120}) // a like burst: 12
	overlaytest.WaitJS(t, ctx, "like burst falling", `__stats.spawned === 12 && document.getElementById('rain').dataset.active === '12'`)

	pic := pictureServer(t)
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventGift, Coins: 300, GiftPictureURL: pic + "/rose.png"})
	overlaytest.WaitJS(t, ctx, "gift adds 3+30 of its picture", `__stats.spawned === 45 && __stats.active === 45 && __stats.pictures === 33`)
	overlaytest.WaitJS(t, ctx, "they land and pile up", `__stats.landed === 45`)
	if rest, err := chromedp.Run(ctx, chromedp.Evaluate[int](`__stats.active`)); err != nil || rest != 45 {
		t.Fatalf("after landing %d on screen (%v)", rest, err)
	}

	// A picture that does not load: the emojis fall instead.
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventGift, Coins: 20, GiftPictureURL: pic + "/missing.png"})
	overlaytest.WaitJS(t, ctx, "broken picture", `__stats.spawned === 50 && __stats.active === 50 && __stats.pictures === 33`)
}

// pictureServer serves a gift picture (a generated PNG) from another origin.
func pictureServer(t *testing.T) string {
	img := image.NewRGBA(image.Rect(0, 0, 32, 32))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{R: 220, A: 255}), image.Point{}, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/rose.png" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write(buf.Bytes())
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestOverlayFadesAndHonoursMax(t *testing.T) {
	ctx := overlaytest.Browser(t)
	env := plugintest.New(t)
	env.Start(ID, `{"durationMs": 500, "maxOnScreen": 30}`)
	overlaytest.Navigate(t, ctx, env.URL("/plugins/emoji-rain/overlay.html"))
	overlaytest.WaitJS(t, ctx, "config from the snapshot", `window.__stats && document.getElementById('ltth-status').hidden`)
	if _, err := env.Exec(ActionRain, `{"count": 100, "emoji": "🍕"}`, nil); err != nil {
		t.Fatal(err)
	}
	overlaytest.WaitJS(t, ctx, "capped at maxOnScreen", `__stats.spawned === 30`)
	overlaytest.WaitJS(t, ctx, "gone after the duration and the fade", `__stats.active === 0 && __stats.landed >= 30`)
}

func TestOverlayReconnects(t *testing.T) {
	ctx := overlaytest.Browser(t)
	env := plugintest.New(t)
	env.Start(ID, `{"durationMs": 60000}`)
	overlaytest.Navigate(t, ctx, env.URL("/plugins/emoji-rain/overlay.html?size=32"))
	overlaytest.WaitJS(t, ctx, "connected", `window.__stats && document.getElementById('ltth-status').hidden`)

	env.StopListener()
	overlaytest.WaitJS(t, ctx, "waiting badge", `!document.getElementById('ltth-status').hidden
		&& document.getElementById('ltth-status').textContent === 'waiting for LTTH\u2026'`)
	env.StartListener()
	overlaytest.WaitJS(t, ctx, "reconnected", `document.getElementById('ltth-status').hidden`)
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventFollow})
	overlaytest.WaitJS(t, ctx, "rains after reconnecting", `__stats.spawned === 5`)
}

// frameScript samples n requestAnimationFrame intervals and the overlay's
// own per-frame work, once the rain has landed.
const frameScript = `new Promise(function (done) {
  var d = [], last = 0, n = %d;
  function f(ts) { if (last) d.push(ts - last); last = ts; if (d.length < n) requestAnimationFrame(f); else {
    var w = __stats.active ? __stats.workMs.slice(-n) : [0];
    function sum(a) { return a.reduce(function (x, y) { return x + y; }, 0); }
    function p95(a) { a = a.slice().sort(function (x, y) { return x - y; }); return a[Math.floor(a.length * 0.95)]; }
    done({mean: sum(d) / d.length, p95: p95(d), workMean: sum(w) / w.length, workP95: p95(w), active: __stats.active, falling: __stats.falling || 0});
  } }
  requestAnimationFrame(f);
})`

type frameStats struct {
	Mean, P95, WorkMean, WorkP95 float64
	Active, Falling              int
}

// BenchmarkOverlayFrameTime measures the overlay in headless Chromium at
// 1920×1080 with 500 emojis in the air (slow gravity), 500 piled on the
// ground, and none (the baseline of the browser's own frame pacing): the requestAnimationFrame interval (mean,
// p95) and the overlay's own work per frame (physics + drawing).
//
//	go test -run '^$' -bench OverlayFrameTime -benchtime 1x ./plugins/emoji-rain/
func BenchmarkOverlayFrameTime(b *testing.B) {
	for _, c := range []struct {
		name  string
		n     int
		query string
	}{{"none", 0, ""}, {"500-falling", 500, "?gravity=40"}, {"500-falling-nospin", 500, "?gravity=40&spin=0"}, {"500-piled", 500, ""}} {
		b.Run(c.name, func(b *testing.B) { benchFrames(b, c.n, c.query) })
	}
}

func benchFrames(b *testing.B, n int, query string) {
	ctx := overlaytest.Browser(b)
	env := plugintest.New(b)
	env.Start(ID, `{"durationMs": 600000, "maxOnScreen": 500}`)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1920, 1080)); err != nil {
		b.Fatal(err)
	}
	overlaytest.Navigate(b, ctx, env.URL("/plugins/emoji-rain/overlay.html"+query))
	overlaytest.WaitJS(b, ctx, "connected", `window.__stats && document.getElementById('ltth-status').hidden`)
	if n > 0 {
		if _, err := env.Exec(ActionRain, fmt.Sprintf(`{"count": %d}`, n), nil); err != nil {
			b.Fatal(err)
		}
		overlaytest.WaitJS(b, ctx, "all on screen", fmt.Sprintf(`__stats.active === %d`, n))
		if query == "" {
			overlaytest.WaitJS(b, ctx, "all landed", `__stats.falling === 0`)
		}
	}
	var r frameStats
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var err error
		if r, err = chromedp.Run(ctx, chromedp.Evaluate[frameStats](fmt.Sprintf(frameScript, 120), chromedp.EvalAwaitPromise)); err != nil {
			b.Fatal(err)
		}
	}
	if r.Active != n {
		b.Fatalf("%d on screen while measuring, want %d", r.Active, n)
	}
	b.ReportMetric(r.Mean, "ms/frame")
	b.ReportMetric(r.P95, "p95-ms/frame")
	b.ReportMetric(r.WorkMean, "work-ms/frame")
	b.ReportMetric(r.WorkP95, "p95-work-ms/frame")
	b.ReportMetric(float64(r.Falling), "falling-at-end")
}

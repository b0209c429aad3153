package soundboard

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"sort"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/overlay/overlaytest"
	"github.com/ltth/ltth/plugins/internal/plugintest"
)

// audioBrowser is overlaytest.Browser with autoplay allowed, as in OBS's
// browser source (no user gesture ever happens there).
func audioBrowser(t testing.TB) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil || testing.Short() {
		t.Skip("no chromium (or -short)")
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.Flag("headless", "new"),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("autoplay-policy", "no-user-gesture-required"),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true)}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// soundEnv starts the plugin with a tone in the library mapped to a gift.
func soundEnv(t testing.TB, settings string, toneMs int) (*plugintest.Env, string) {
	t.Helper()
	if tt, ok := t.(*testing.T); ok {
		tt.Setenv("XDG_CACHE_HOME", tt.TempDir())
	}
	env := plugintest.New(t)
	env.Start(ID, settings)
	code, out := env.Do(http.MethodPost, "/api/plugins/soundboard/library?name=tone", string(testWAV(toneMs, 440)))
	if code != 200 {
		t.Fatalf("upload: %d %s", code, out)
	}
	var snd Sound
	plugintest.JSON(t, jsonRaw(out), &snd)
	if code, out := env.Do(http.MethodPut, "/api/plugins/soundboard/mappings",
		`[{"trigger":"gift","giftId":5655,"sound":"`+snd.ID+`","volume":0.5}]`); code != 200 {
		t.Fatalf("mappings: %d %s", code, out)
	}
	return env, snd.ID
}

type jsonRaw string

func (j jsonRaw) MarshalJSON() ([]byte, error) { return []byte(j), nil }

func rose(user string) *domain.Event {
	return &domain.Event{Type: domain.EventGift, User: domain.User{UserID: user, Nickname: user}, GiftID: 5655, RepeatCount: 1}
}

func TestOverlayPlaysTheMappedSoundOfAGift(t *testing.T) {
	ctx := audioBrowser(t)
	env, id := soundEnv(t, `{"userCooldownSeconds": 0}`, 300)
	overlaytest.Navigate(t, ctx, env.URL("/plugins/soundboard/overlay.html"))
	overlaytest.WaitJS(t, ctx, "connected", `window.__sb && document.getElementById('ltth-status').hidden`)

	env.Bus.PublishEvent(rose("a"))
	overlaytest.WaitJS(t, ctx, "the gift's sound plays", fmt.Sprintf(`__sb.started.length === 1
		&& __sb.started[0].src.endsWith('/api/plugins/soundboard/files/%s')
		&& __sb.started[0].volume === 0.5
		&& document.querySelector('#sounds audio')?.src.endsWith('/files/%s')`, id, id))
	overlaytest.WaitJS(t, ctx, "removed when it ends", `__sb.playing() === 0`)

	env.Bus.PublishEvent(&domain.Event{Type: domain.EventGift, User: domain.User{UserID: "b"}, GiftID: 1, RepeatCount: 1})
	env.Bus.PublishEvent(rose("c"))
	env.Bus.PublishEvent(rose("d"))
	overlaytest.WaitJS(t, ctx, "overlap mode: two at once, the unmapped gift silent", `__sb.started.length === 3 && __sb.playing() === 2`)
	if code, _ := env.Do(http.MethodPost, "/api/plugins/soundboard/stop", ""); code != 200 {
		t.Fatal("stop")
	}
	overlaytest.WaitJS(t, ctx, "stop all", `__sb.playing() === 0`)
}

func TestOverlayQueueModePlaysOneAfterAnother(t *testing.T) {
	ctx := audioBrowser(t)
	env, _ := soundEnv(t, `{"userCooldownSeconds": 0, "mode": "queue", "queueMax": 2}`, 400)
	overlaytest.Navigate(t, ctx, env.URL("/plugins/soundboard/overlay.html"))
	overlaytest.WaitJS(t, ctx, "connected", `window.__sb && document.getElementById('ltth-status').hidden`)
	for _, u := range []string{"a", "b", "c", "d"} {
		env.Bus.PublishEvent(rose(u))
	}
	overlaytest.WaitJS(t, ctx, "one plays, two wait, one dropped (queue full)", `__sb.playing() === 1 && __sb.queued() === 2 && __sb.dropped === 1`)
	overlaytest.WaitJS(t, ctx, "the queue drains in order", `__sb.started.length === 3 && __sb.playing() === 0`)
	for _, u := range []string{"e", "f", "g"} {
		env.Bus.PublishEvent(rose(u))
	}
	overlaytest.WaitJS(t, ctx, "queued", `__sb.queued() === 2`)
	if _, err := env.Exec(ActionStopAll, `{}`, nil); err != nil {
		t.Fatal(err)
	}
	overlaytest.WaitJS(t, ctx, "stop all empties the queue", `__sb.playing() === 0 && __sb.queued() === 0`)
}

// BenchmarkGiftToAudioStart measures a gift event on the bus until the
// overlay's <audio> fires "playing" (ms/event reported as p50-ms).
func BenchmarkGiftToAudioStart(b *testing.B) {
	ctx := audioBrowser(b)
	b.Setenv("XDG_CACHE_HOME", b.TempDir())
	env, _ := soundEnv(b, `{"userCooldownSeconds": 0}`, 100)
	overlaytest.Navigate(b, ctx, env.URL("/plugins/soundboard/overlay.html"))
	overlaytest.WaitJS(b, ctx, "connected", `window.__sb && document.getElementById('ltth-status').hidden`)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		env.Bus.PublishEvent(rose(fmt.Sprint("u", i)))
		overlaytest.WaitJS(b, ctx, "started", fmt.Sprintf(`__sb.started.length === %d`, i+1))
		time.Sleep(150 * time.Millisecond) // let it end: one sound at a time
	}
	b.StopTimer()
	lat, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`__sb.started.map(s => s.latencyMs)`))
	if err != nil {
		b.Fatal(err)
	}
	sort.Float64s(lat)
	b.ReportMetric(lat[len(lat)/2], "p50-ms")
	b.ReportMetric(lat[len(lat)*9/10], "p90-ms")
}

package tts

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/overlay/overlaytest"
	"github.com/ltth/ltth/plugins/internal/plugintest"
)

// audioBrowser is overlaytest.Browser with autoplay allowed, as in OBS's
// browser source.
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

const offline = `{"engines": ["espeak"], "blocklist": ["badword"], "userRateCount": 0, "speed": 2}`

func say(env *plugintest.Env, user, text string) {
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventChat, User: domain.User{UserID: user, Nickname: user}, Comment: text})
}

func TestChatIsSpokenInOrderAndBlockedWordsAreNot(t *testing.T) {
	if _, err := exec.LookPath("espeak-ng"); err != nil {
		t.Skip("no espeak-ng")
	}
	ctx := audioBrowser(t)
	env := plugintest.New(t)
	env.Start(ID, offline)
	overlaytest.Navigate(t, ctx, env.URL("/plugins/tts/overlay.html?caption=1"))
	overlaytest.WaitJS(t, ctx, "connected", `window.__tts && document.getElementById('ltth-status').hidden`)

	say(env, "a", "first message")
	say(env, "b", "you are a b4dword")
	say(env, "b", "!airhorn")
	say(env, "c", "!tts second message")
	say(env, "a", "third one")
	overlaytest.WaitJS(t, ctx, "spoken in order, never two at once, the blocked one never", `(function () {
		if (__tts.playing() > 1) throw new Error('overlap');
		return __tts.spoken.map(s => s.text).join('|') === 'first message|second message|third one'
			&& __tts.spoken.every(s => s.engine === 'espeak') && __tts.playing() === 0;
	})()`)
	overlaytest.WaitJS(t, ctx, "no blocked text anywhere", `!document.body.textContent.includes('dword')`)

	if code, _ := env.Do(http.MethodPost, "/api/plugins/tts/pause", ""); code != 200 {
		t.Fatal("pause")
	}
	overlaytest.WaitJS(t, ctx, "overlay paused", `__tts.paused()`)
	say(env, "d", "after the pause")
	waitQueue(t, env, func(out string) bool {
		return strings.Contains(out, "after the pause") && strings.Contains(out, `"paused":true`)
	})
	if _, err := env.Exec(ActionPause, `{"paused": false}`, nil); err != nil {
		t.Fatal(err)
	}
	overlaytest.WaitJS(t, ctx, "resumed and spoken", `!__tts.paused() && __tts.spoken.length === 4`)

	say(env, "e", "this is a rather long message that the streamer skips right away because it goes on and on and on")
	say(env, "f", "after the skip")
	overlaytest.WaitJS(t, ctx, "long one playing", `__tts.spoken.length === 5 && __tts.playing() === 1`)
	if _, err := env.Exec(ActionSkip, `{}`, nil); err != nil {
		t.Fatal(err)
	}
	overlaytest.WaitJS(t, ctx, "skipped to the next", `__tts.spoken.length === 6 && __tts.spoken[5].text === 'after the skip'`)
	if _, err := env.Exec(ActionSpeak, `{"text": "from a flow", "engine": "espeak", "voice": "de"}`, nil); err != nil {
		t.Fatal(err)
	}
	overlaytest.WaitJS(t, ctx, "flow action spoken", `__tts.spoken.length === 7 && __tts.spoken[6].text === 'from a flow'`)
}

func TestEventsGatesAndVoices(t *testing.T) {
	if _, err := exec.LookPath("espeak-ng"); err != nil {
		t.Skip("no espeak-ng")
	}
	env := plugintest.New(t)
	env.Start(ID, `{"engines": ["espeak"], "chatMode": "prefix", "chatGate": "subscribers", "allowVoiceCommand": true, "voiceChoices": ["en-gb"]}`)
	speaks := env.Watch("plugin:tts:speak")
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventChat, User: domain.User{UserID: "x"}, Comment: "!tts not a subscriber"})
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventChat, User: domain.User{UserID: "s", IsSubscriber: true}, Comment: "no prefix"})
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventChat, User: domain.User{UserID: "s", IsSubscriber: true}, Comment: "!voice en-gb"})
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventChat, User: domain.User{UserID: "s", IsSubscriber: true}, Comment: "!TTS hello there"})
	var c Clip
	plugintest.JSON(t, speaks.Next().Data, &c)
	if c.Text != "hello there" {
		t.Fatalf("first spoken %+v", c)
	}
	if code, out := env.Do(http.MethodGet, "/api/plugins/tts/voices/s", ""); code != 200 || !strings.Contains(out, `"voice":"en-gb"`) {
		t.Errorf("!voice not saved: %s", out)
	}
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventGift, User: domain.User{UserID: "g", Nickname: "Ann"}, GiftName: "Rose", RepeatCount: 5})
	plugintest.JSON(t, speaks.Next().Data, &c)
	if c.Text != "Ann sent Rose times 5" {
		t.Errorf("gift template: %q", c.Text)
	}
	res, err := http.Get(env.URL(c.URL))
	if err != nil || res.StatusCode != 200 || res.Header.Get("Content-Type") != "audio/wav" {
		t.Fatalf("clip: %v %v", err, res)
	}
	res.Body.Close()
	if code, out := env.Do(http.MethodPut, "/api/plugins/tts/secrets", `{"httpApiKey": "sk-verysecretkey42"}`); code != 200 || strings.Contains(out, "verysecret") || !strings.Contains(out, "42") {
		t.Errorf("secret not masked: %s", out)
	}
	if code, out := env.Do(http.MethodGet, "/api/plugins/tts/secrets", ""); code != 200 || strings.Contains(out, "verysecret") {
		t.Errorf("secret not masked on read: %s", out)
	}
	if code, out := env.Do(http.MethodPost, "/api/plugins/tts/speak", `{"text":"x","engine":"tiktok"}`); code != 400 || !strings.Contains(out, "engine list") {
		t.Errorf("unlisted engine: %d %s", code, out)
	}
}

// BenchmarkChatToAudioStart measures a chat message on the bus until the
// TTS overlay's <audio> plays it (espeak-ng synthesis included).
func BenchmarkChatToAudioStart(b *testing.B) {
	if _, err := exec.LookPath("espeak-ng"); err != nil {
		b.Skip("no espeak-ng")
	}
	ctx := audioBrowser(b)
	env := plugintest.New(b)
	env.Start(ID, `{"engines": ["espeak"], "userRateCount": 0, "dedupeSeconds": 0, "speed": 2}`)
	overlaytest.Navigate(b, ctx, env.URL("/plugins/tts/overlay.html"))
	overlaytest.WaitJS(b, ctx, "connected", `window.__tts && document.getElementById('ltth-status').hidden`)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		say(env, "u", fmt.Sprint("hi ", i))
		overlaytest.WaitJS(b, ctx, "spoken", fmt.Sprintf(`__tts.spoken.length === %d && __tts.playing() === 0`, i+1))
		time.Sleep(300 * time.Millisecond) // the worker's gap after a clip: measure an idle queue
	}
	b.StopTimer()
	lat, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`__tts.spoken.map(s => s.latencyMs)`))
	if err != nil {
		b.Fatal(err)
	}
	sort.Float64s(lat)
	b.ReportMetric(lat[len(lat)/2], "p50-ms")
	b.ReportMetric(lat[len(lat)*9/10], "p90-ms")
}

func TestControlPage(t *testing.T) {
	ctx := audioBrowser(t)
	env := plugintest.New(t)
	env.Start(ID, `{"engines": ["tiktok", "espeak"], "espeakPath": "/nonexistent/espeak-ng"}`)
	say(env, "z", "nobody can say this")
	waitQueue(t, env, func(out string) bool { return strings.Contains(out, "no text-to-speech engine could speak") })
	if code, _ := env.Do(http.MethodPost, "/api/plugins/tts/pause", ""); code != 200 {
		t.Fatal("pause")
	}
	if code, out := env.Do(http.MethodPut, "/api/plugins/tts/secrets", `{"httpApiKey": "sk-verysecretkey42"}`); code != 200 {
		t.Fatal(out)
	}
	say(env, "a", "<b>waiting</b> message")
	waitQueue(t, env, func(out string) bool { return strings.Contains(out, "waiting") })
	for _, w := range []int64{1024, 1280, 1366, 1920} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 800)); err != nil {
			t.Fatal(err)
		}
		overlaytest.Navigate(t, ctx, env.URL("/plugins/tts/control.html"))
		overlaytest.WaitJS(t, ctx, fmt.Sprintf("loaded at %d px", w), `window.__page && __page.ready && __page.paused
			&& document.getElementById('pause').textContent === 'Resume'
			&& document.querySelector('#queue li').textContent === 'a: <b>waiting</b> message'
			&& document.querySelectorAll('#queue b').length === 0
			&& document.querySelector('#engines li').textContent === 'tiktok: no TikTok session id set'
			&& document.getElementById('last-error').textContent.includes('espeak-ng is not installed')
			&& document.getElementById('apikey').placeholder === '••••42'
			&& !document.body.innerHTML.includes('verysecret')
			&& document.documentElement.scrollWidth <= window.innerWidth`)
	}
	overlaytest.WaitJS(t, ctx, "skip without the token is refused clearly", `(function () {
		document.getElementById('skip').click(); return true; })()`)
	overlaytest.WaitJS(t, ctx, "unauthorized message", `document.getElementById('msg').textContent.includes('token')`)
}

// waitQueue polls GET /queue until ok accepts its body (events reach the
// plugin asynchronously).
func waitQueue(t *testing.T, env *plugintest.Env, ok func(string) bool) {
	t.Helper()
	var out string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var code int
		if code, out = env.Do(http.MethodGet, "/api/plugins/tts/queue", ""); code == 200 && ok(out) {
			return
		}
	}
	t.Fatalf("queue: %s", out)
}

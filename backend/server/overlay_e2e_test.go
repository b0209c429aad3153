//go:build linux

package server

import (
	"context"
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
)

// pngHandler serves a 1×1 PNG (a stand-in gift picture; there is no
// internet here).
func pngHandler() http.Handler {
	png, _ := base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write(png)
	})
}

const (
	jsStatus    = `document.getElementById('ltth-status')`
	jsConnected = jsStatus + ` && ` + jsStatus + `.dataset.state === 'connected'`
	jsState     = `LTTHOverlay.state()`
)

func follow(id, nick string) *domain.Event {
	return &domain.Event{Type: domain.EventFollow, ID: id, TS: 1, User: domain.User{Nickname: nick, UniqueID: strings.ToLower(nick)}}
}

func clearAlerts(b *bus.Bus) {
	b.Publish(domain.Message{Type: "alertControl", Data: map[string]string{"screen": "main", "action": "clear"}})
}

// TestOverlayInBrowser loads /overlay.html in real headless Chromium and
// drives it through the bus: text-only rendering of hostile input, queue,
// pause, skip/clear, reconnect after an app restart, and auto mode.
func TestOverlayInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	addr := "127.0.0.1:" + freePort(t)
	s, b := startServer(t, Config{Addr: addr}, Deps{})
	if err := s.Handle(module.Route{Pattern: "GET /test/rose.png", Handler: pngHandler()}); err != nil {
		t.Fatal(err)
	}
	br := launchChromium(t, "http://"+addr+"/overlay.html?raw=1&lang=en")
	br.waitFor("feed connected", jsConnected)

	hostileGift(t, br, b, addr)
	pauseQueueSkip(t, br, b)

	// The app restarts while OBS keeps the page: the page shows the badge,
	// reconnects by itself and alerts again.
	if err := s.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	br.waitFor("waiting badge", jsStatus+`.dataset.state !== 'connected' && `+jsStatus+`.style.opacity !== '0'`)
	if got := br.str(jsStatus + `.textContent`); !strings.Contains(got, "waiting for LTTH") {
		t.Fatalf("badge text %q", got)
	}
	_, b2 := startServer(t, Config{Addr: addr}, Deps{})
	br.waitFor("reconnected", jsConnected)
	b2.PublishEvent(&domain.Event{Type: domain.EventShare, ID: "s1", TS: 1, User: domain.User{Nickname: "Sam"}})
	br.waitFor("alert after reconnect", `document.querySelector('.ltth-alert-share .ltth-alert-name').textContent === 'Sam'`)
	clearAlerts(b2)

	autoMode(t, br, b2, addr)
}

func hostileGift(t *testing.T, br *browser, b *bus.Bus, addr string) {
	payload := `<img src=x onerror="window.__xss=1">Eve</div><script>window.__xss=3</script>`
	b.PublishEvent(&domain.Event{Type: domain.EventGift, ID: "g1", TS: 1,
		User:   domain.User{Nickname: payload, UniqueID: "eve", AvatarURL: "javascript:window.__xss=2"},
		GiftID: 5655, GiftName: "Rose<b>", DiamondCount: 1, RepeatCount: 5, Coins: 5, Streakable: true,
		GiftPictureURL: "http://" + addr + "/test/rose.png"})
	br.waitFor("gift alert", `document.querySelector('.ltth-alert-gift .ltth-alert-name')`)
	if got := br.str(`document.querySelector('.ltth-alert-name').textContent`); got != payload {
		t.Fatalf("name rendered as %q", got)
	}
	if got := br.str(`document.querySelector('.ltth-alert-text').textContent`); got != "sent Rose<b> ×5" {
		t.Fatalf("text rendered as %q", got)
	}
	if got := br.str(`document.querySelector('.ltth-alert-coins').textContent`); !strings.HasPrefix(got, "5 ") {
		t.Fatalf("coins %q", got)
	}
	// only the gift picture: no avatar (javascript: URL refused), no injected elements
	if n := string(br.eval(`document.querySelectorAll('.ltth-alert img, .ltth-alert script, .ltth-alert b').length`)); n != "1" {
		t.Fatalf("%s elements inside the alert, want just the gift picture", n)
	}
	br.waitFor("gift picture loaded", `document.querySelector('.ltth-alert-image').complete && document.querySelector('.ltth-alert-image').src.endsWith('/test/rose.png')`)
	time.Sleep(200 * time.Millisecond)
	if v := string(br.eval(`String(window.__xss)`)); v != `"undefined"` {
		t.Fatalf("injected script ran: __xss = %s", v)
	}
	clearAlerts(b)
	br.waitFor("cleared", `!document.querySelector('.ltth-alert')`)
}

func pauseQueueSkip(t *testing.T, br *browser, b *bus.Bus) {
	b.Publish(domain.Message{Type: "alertsPaused", Key: "alertsPaused", Data: map[string]bool{"paused": true}})
	for _, id := range []string{"f1", "f2", "f3"} {
		b.PublishEvent(follow(id, "Fan "+id))
	}
	br.waitFor("queued while paused", jsState+`.queued === 3 && `+jsState+`.showing === null && `+jsState+`.paused`)
	b.Publish(domain.Message{Type: "alertsPaused", Key: "alertsPaused", Data: map[string]bool{"paused": false}})
	br.waitFor("first alert after resume", jsState+`.showing === 'raw-f1'`)
	b.Publish(domain.Message{Type: "alertControl", Data: map[string]string{"screen": "main", "action": "skip"}})
	br.waitFor("skip", jsState+`.showing === 'raw-f2' && document.querySelectorAll('.ltth-alert').length === 1`)
	b.Publish(domain.Message{Type: "alertControl", Data: map[string]string{"screen": "other", "action": "clear"}})
	time.Sleep(300 * time.Millisecond)
	if got := br.str(jsState + `.showing`); got != "raw-f2" {
		t.Fatalf("a clear for another screen affected this one: showing %q", got)
	}
	clearAlerts(b)
	br.waitFor("cleared", jsState+`.queued === 0 && !document.querySelector('.ltth-alert')`)
}

// autoMode: default mode shows built-in alerts until an alert module shows
// up, then only the module's alerts (no doubles).
func autoMode(t *testing.T, br *browser, b *bus.Bus, addr string) {
	br.eval(`location.href = 'http://` + addr + `/overlay.html'`)
	br.waitFor("auto page connected", `typeof LTTHOverlay !== 'undefined' && `+jsState+`.mode === 'auto' && `+jsConnected)
	b.PublishEvent(follow("e1", "Ann"))
	br.waitFor("built-in alert", jsState+`.showing === 'raw-e1'`)
	clearAlerts(b)
	br.waitFor("cleared", `!document.querySelector('.ltth-alert')`)

	b.PublishEvent(follow("e2", "Bob"))
	b.Publish(domain.Message{Type: "alert", Data: map[string]any{
		"id": "a2", "screen": "main", "eventType": "follow", "text": "Bob just followed!", "durationMs": 4000,
		"event": map[string]any{"type": "follow", "id": "e2", "nickname": "Bob"}}})
	br.waitFor("module alert", jsState+`.showing === 'a2'`)
	if got := br.str(`document.querySelector('.ltth-alert-text .ltth-alert-name').textContent`); got != "Bob" {
		t.Fatalf("highlighted name %q", got)
	}
	time.Sleep(600 * time.Millisecond) // past the raw grace period
	if q := string(br.eval(jsState + `.queued`)); q != "0" {
		t.Fatalf("raw alert for e2 not suppressed: %s queued", q)
	}
	clearAlerts(b)
	b.PublishEvent(follow("e3", "Cid"))
	time.Sleep(700 * time.Millisecond)
	if got := string(br.eval(jsState + `.showing === null && ` + jsState + `.queued === 0`)); got != "true" {
		t.Fatal("built-in alert shown although an alert module is active")
	}
}

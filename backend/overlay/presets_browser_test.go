package overlay_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/overlay"
	"github.com/ltth/ltth/backend/overlay/overlaytest"
	"github.com/ltth/ltth/backend/store"
)

// dbPresets is the profile database as the presets module's store (what
// core wires), on a real SQLite file.
type dbPresets struct{ db *store.DB }

func (s dbPresets) List() ([]overlay.Preset, error) {
	l, err := s.db.OverlayPresets()
	out := []overlay.Preset{}
	for _, p := range l {
		out = append(out, overlay.Preset(p))
	}
	return out, err
}
func (s dbPresets) Get(n string) (overlay.Preset, error) {
	p, err := s.db.OverlayPreset(n)
	return overlay.Preset(p), err
}
func (s dbPresets) Put(p overlay.Preset) error { return s.db.PutOverlayPreset(store.OverlayPreset(p)) }
func (s dbPresets) Delete(n string) error      { return s.db.DeleteOverlayPreset(n) }

func openDB(t *testing.T) *store.DB {
	m, err := store.OpenManager(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := m.Open(m.Active())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func put(t *testing.T, l *overlaytest.Listener, name, body string) *http.Response {
	req, _ := http.NewRequest("PUT", l.URL("/api/overlay-presets/"+name), bytes.NewBufferString(body))
	req.Header.Set("Authorization", "Bearer "+l.Token())
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

// TestPresetStylesAlertsAndSandboxesCSS saves a preset through the API
// (real listener, real SQLite file), opens /overlay.html?preset=... at
// 1920x1080 in headless Chromium and checks the alert's computed style;
// the preset's hostile custom CSS loads nothing from another origin; a
// saved change reaches the open page without a reload.
func TestPresetStylesAlertsAndSandboxesCSS(t *testing.T) {
	var hits atomic.Int64
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer evil.Close()

	b := bus.New()
	l := overlaytest.Listen(t, b, overlay.NewPresets(dbPresets{openDB(t)}, b).Routes()...)
	css := fmt.Sprintf(`@import url(%[1]s/import.css); .ltth-alert { border-radius: 3px; background-image: url(%[1]s/bg.png); }
.ltth-alert-name { outline: 1px solid; background: u\72l(%[1]s/esc.png); } </style><script>window.__xss=1</script>
.ltth-alert-text { background-image: image-set("%[1]s/set.png" 1x); }`, evil.URL)
	body := fmt.Sprintf(`{"overlay":"alerts","params":{"accent":"#00ff00","text":"rgb(1, 2, 3)","font":"georgia","size":"30"},"css":%q}`, css)
	if res := put(t, l, "Neon", body); res.StatusCode != 200 {
		t.Fatalf("PUT preset: %d", res.StatusCode)
	}
	if res := put(t, l, "Bad", `{"overlay":"alerts","params":{"text":"red;x"}}`); res.StatusCode != 400 {
		t.Fatalf("PUT invalid preset: %d, want 400", res.StatusCode)
	}

	ctx := overlaytest.Browser(t)
	overlaytest.Navigate(t, ctx, l.URL("/overlay.html?raw=0&preset=Neon&scale=2"))
	overlaytest.WaitJS(t, ctx, "feed connected and preset loaded", `document.getElementById('ltth-status').dataset.state === 'connected' && window.LTTHStyle && LTTHStyle.ready()`)
	b.Publish(domain.Message{Type: "alert", Data: map[string]any{"id": "a1", "screen": "main", "eventType": "gift",
		"text": "sent a Rose", "durationMs": 60000, "event": map[string]any{"type": "gift", "nickname": "Ana"}}})
	overlaytest.WaitJS(t, ctx, "styled alert (preset params, URL scale on top, custom CSS)", `(function () {
		var a = document.querySelector('.ltth-alert'); if (!a) return false;
		var s = getComputedStyle(a), n = getComputedStyle(a.querySelector('.ltth-alert-name'));
		return s.color === 'rgb(1, 2, 3)' && n.color === 'rgb(0, 255, 0)' && /Georgia/.test(s.fontFamily) &&
			getComputedStyle(document.documentElement).fontSize === '60px' && s.borderRadius === '3px' &&
			n.outlineStyle === 'solid';
	})()`)
	overlaytest.WaitJS(t, ctx, "a moment for anything to load", `new Promise(function (r) { setTimeout(function () { r(true); }, 500); })`)
	if n := hits.Load(); n != 0 {
		t.Fatalf("the preset's CSS made %d requests to another origin", n)
	}
	overlaytest.WaitJS(t, ctx, "nothing ran, no style element in the page", `window.__xss === undefined && !document.querySelector('script:not([src])')`)

	put(t, l, "Neon", `{"overlay":"alerts","params":{"accent":"#0000ff"}}`)
	overlaytest.WaitJS(t, ctx, "the saved change applied live", `(function () {
		var n = document.querySelector('.ltth-alert-name');
		return !!n && getComputedStyle(n).color === 'rgb(0, 0, 255)' && !document.getElementById('ltth-preset-css');
	})()`)
}

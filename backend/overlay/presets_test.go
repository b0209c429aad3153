package overlay_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/overlay"
	"github.com/ltth/ltth/backend/overlay/overlaytest"
)

func call(t *testing.T, l *overlaytest.Listener, method, path, body string, token bool) (int, string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(method, l.URL(path), strings.NewReader(body))
	if token {
		req.Header.Set("Authorization", "Bearer "+l.Token())
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

// TestPresetRoutes: the dashboard's preset API needs the token; overlay
// pages read a preset's params and sanitised CSS without it, and nothing
// else of it; a change is announced on the bus.
func TestPresetRoutes(t *testing.T) {
	b := bus.New()
	sub := b.Subscribe("test", 16, nil)
	l := overlaytest.Listen(t, b, overlay.NewPresets(dbPresets{openDB(t)}, b).Routes()...)

	if code, _, _ := call(t, l, "GET", "/api/overlay-presets", "", false); code != 401 {
		t.Fatalf("list without the token: %d", code)
	}
	if code, _, _ := call(t, l, "PUT", "/api/overlay-presets/Main", `{"overlay":"alerts","params":{}}`, false); code != 401 {
		t.Fatalf("PUT without the token: %d", code)
	}
	code, body, _ := call(t, l, "PUT", "/api/overlay-presets/Main", `{"overlay":"alerts","params":{"scale":"7","accent":"#fff"},"css":"a{color:red;background:url(https://x.example/y.png)}"}`, true)
	var saved overlay.Preset
	if err := json.Unmarshal([]byte(body), &saved); code != 200 || err != nil || saved.Params["scale"] != "5" || strings.Contains(saved.CSS, "x.example") {
		t.Fatalf("PUT: %d %s", code, body)
	}
	if m := <-sub.C(); m.Type != overlay.TypePreset {
		t.Fatalf("bus got %s, want %s", m.Type, overlay.TypePreset)
	}
	for _, bad := range []string{`{"overlay":"alerts","params":{"scale":"big"}}`, `{"overlay":"alerts","params":{"font":"Papyrus"}}`, `{"params":{}}`, `{"overlay":"alerts","extra":1}`, `not json`} {
		if code, body, _ := call(t, l, "PUT", "/api/overlay-presets/Main", bad, true); code != 400 {
			t.Errorf("PUT %s: %d %s, want 400", bad, code, body)
		}
	}
	if code, body, _ := call(t, l, "GET", "/api/overlay-presets", "", true); code != 200 || !strings.Contains(body, `"name":"Main"`) {
		t.Fatalf("list: %d %s", code, body)
	}
	code, body, _ = call(t, l, "GET", "/overlay/presets/Main", "", false)
	if code != 200 || !strings.Contains(body, `"scale":"5"`) || !strings.Contains(body, `"css":true`) || strings.Contains(body, "color:red") {
		t.Fatalf("public preset: %d %s", code, body)
	}
	code, body, hdr := call(t, l, "GET", "/overlay/presets/Main/style.css", "", false)
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/css") || !strings.Contains(body, "color:red") || strings.Contains(body, "x.example") {
		t.Fatalf("public CSS: %d %q %s", code, hdr.Get("Content-Type"), body)
	}
	if code, _, _ := call(t, l, "GET", "/overlay/presets/Nope", "", false); code != 404 {
		t.Fatalf("unknown preset: %d", code)
	}
	if code, _, _ := call(t, l, "DELETE", "/api/overlay-presets/Main", "", true); code != 204 {
		t.Fatalf("delete: %d", code)
	}
	if code, _, _ := call(t, l, "DELETE", "/api/overlay-presets/Main", "", true); code != 404 {
		t.Fatalf("delete again: %d", code)
	}
}

package alert

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func serve(t *testing.T, m *Module) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for _, r := range m.Routes() {
		mux.Handle(r.Pattern, r.Handler)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func call(t *testing.T, srv *httptest.Server, method, path, body string, want int) []byte {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d: %s", method, path, res.StatusCode, want, b)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("%s %s: content type %q", method, path, ct)
	}
	return b
}

func TestHTTPRoutes(t *testing.T) {
	h := newHarness(t, newStore(t), Options{})
	srv := serve(t, h.m)

	var cfgs map[string]Config
	if err := json.Unmarshal(call(t, srv, "GET", "/api/alerts/config", "", 200), &cfgs); err != nil {
		t.Fatal(err)
	}
	if !cfgs["gift"].Enabled || cfgs["like"].Enabled || len(cfgs) != len(AlertTypes()) {
		t.Fatalf("configs %+v", cfgs)
	}

	call(t, srv, "PUT", "/api/alerts/config/gift", `{"durationMs":60000,"minCoins":5}`, 200)
	call(t, srv, "PUT", "/api/alerts/config/gift", `{"screen":"<x>"}`, 400)
	call(t, srv, "PUT", "/api/alerts/config/viewers", `{}`, 404)
	if c := h.m.Configs()["gift"]; c.MinCoins != 5 || c.DurationMs != 60000 || !c.Enabled {
		t.Fatalf("after PUT %+v", c)
	}

	var test struct {
		Alert  Alert `json:"alert"`
		Paused bool  `json:"paused"`
	}
	if err := json.Unmarshal(call(t, srv, "POST", "/api/alerts/test/gift", "", 202), &test); err != nil {
		t.Fatal(err)
	}
	if a := h.nextAlert(); a.ID != test.Alert.ID || !a.Event.Simulated || a.Text != "LTTH Tester sent 10x Rose" {
		t.Fatalf("test alert %+v vs %+v", a, test.Alert)
	}
	call(t, srv, "POST", "/api/alerts/test/follow", `{"text":"preview {nickname}","screen":"main"}`, 202)
	call(t, srv, "POST", "/api/alerts/test/viewers", "", 404)

	b := call(t, srv, "POST", "/api/alerts/main/skip", "", 200)
	if !strings.Contains(string(b), `"skipped":true`) {
		t.Fatalf("skip %s", b)
	}
	if a := h.nextAlert(); a.Text != "preview LTTH Tester" {
		t.Fatalf("preview alert %+v", a)
	}
	call(t, srv, "POST", "/api/alerts/test/gift", "", 202)
	b = call(t, srv, "POST", "/api/alerts/main/clear", "", 200)
	if !strings.Contains(string(b), `"cleared":2`) {
		t.Fatalf("clear %s", b)
	}
	call(t, srv, "POST", "/api/alerts/main/explode", "", 404)

	call(t, srv, "POST", "/api/alerts/pause", `{"paused":true}`, 200)
	call(t, srv, "POST", "/api/alerts/pause", `{}`, 400)
	if !h.m.Paused() {
		t.Fatal("not paused")
	}
	b = call(t, srv, "GET", "/api/alerts/status", "", 200)
	if !strings.Contains(string(b), `"paused":true`) {
		t.Fatalf("status %s", b)
	}
}

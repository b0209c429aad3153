package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
)

func TestHealth(t *testing.T) {
	s, b := startServer(t, Config{}, Deps{})
	m := do(t, s, "GET", "/api/health", "", "", nil).json(t)
	if m["status"] != "ok" || m["version"] != "1.2.3-test" || m["windowHttp"] != 0.0 {
		t.Fatalf("health = %v", m)
	}
	if _, ok := m["uptimeMs"].(float64); !ok {
		t.Fatalf("uptimeMs missing: %v", m)
	}
	if v, ok := m["connection"]; !ok || v != nil {
		t.Fatalf("connection should be null before any state: %v", m)
	}
	if subs, _ := m["bus"].([]any); len(subs) == 0 {
		t.Fatalf("bus stats missing: %v", m)
	}
	b.Publish(domain.Message{Type: "connection", Key: "connection",
		Data: map[string]any{"state": "connected", "uniqueId": "streamer"}})
	eventually(t, 2*time.Second, "connection in health", func() bool {
		c, _ := do(t, s, "GET", "/api/health", "", "", nil).json(t)["connection"].(map[string]any)
		return c["state"] == "connected" && c["uniqueId"] == "streamer"
	})
}

func TestBusRoute(t *testing.T) {
	s, b := startServer(t, Config{}, Deps{})
	b.PublishEvent(&domain.Event{Type: domain.EventFollow, ID: "1"})
	r := do(t, s, "GET", "/api/bus", "", "", nil)
	m := r.json(t)
	if r.status != 200 || m["published"].(float64) != 1 {
		t.Fatalf("bus = %d %v", r.status, m)
	}
	hub, _ := m["hub"].(map[string]any)
	for _, k := range []string{"clients", "sent", "dropped"} {
		if _, ok := hub[k]; !ok {
			t.Fatalf("hub stats lack %q: %v", k, hub)
		}
	}
	subs := m["subscribers"].([]any)
	if subs[0].(map[string]any)["name"] != "ws-hub" {
		t.Fatalf("ws-hub subscription missing: %v", subs)
	}
}

func TestSimulateNeedsToken(t *testing.T) {
	s, b := startServer(t, Config{}, Deps{})
	sub := b.Subscribe("test", 10, bus.EventsOnly)
	body := []byte(`{"type":"gift","nickname":"Ann","giftId":5655,"giftName":"Rose","diamondCount":1,"repeatCount":5}`)
	for _, tok := range []string{"", "wrong"} {
		r := do(t, s, "POST", "/api/simulate", "", tok, body)
		if r.status != http.StatusUnauthorized || r.json(t)["error"] == nil {
			t.Fatalf("token %q: %d %s", tok, r.status, r.body)
		}
	}
	r := do(t, s, "POST", "/api/simulate", "", testToken, body)
	if r.status != http.StatusAccepted {
		t.Fatalf("simulate: %d %s", r.status, r.body)
	}
	got := r.json(t)
	if got["simulated"] != true || got["source"] != "simulator" || got["coins"].(float64) != 5 ||
		got["id"] == "" || got["ts"].(float64) == 0 {
		t.Fatalf("response event = %v", got)
	}
	select {
	case m := <-sub.C():
		e := m.Event
		if !e.Simulated || e.Source != "simulator" || e.Nickname != "Ann" || e.ID != got["id"] {
			t.Fatalf("published %+v", e)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("simulated event not published")
	}
}

func TestSimulateStrictDecoding(t *testing.T) {
	s, _ := startServer(t, Config{}, Deps{})
	cases := []struct {
		body string
		want int
		text string
	}{
		{`{"type":"chat","comment":"hi","colour":"red"}`, 400, "colour"},
		{`{"type":"dance"}`, 400, "dance"},
		{`{"type":"chat","likeCount":"x"}`, 400, "likeCount"},
		{``, 400, "event"},
		{`{"type":"chat","comment":"` + strings.Repeat("a", MaxBodyBytes) + `"}`, 413, "1 MiB"},
	}
	for _, c := range cases {
		r := do(t, s, "POST", "/api/simulate", "", testToken, []byte(c.body))
		msg, _ := r.json(t)["error"].(string)
		if r.status != c.want || !strings.Contains(msg, c.text) {
			t.Errorf("body %.40q: %d %q, want %d containing %q", c.body, r.status, msg, c.want, c.text)
		}
	}
}

func TestSimulateCustomHook(t *testing.T) {
	var got domain.Event
	s, _ := startServer(t, Config{}, Deps{Simulate: func(e domain.Event) error {
		got = e
		return nil
	}})
	r := do(t, s, "POST", "/api/simulate", "", testToken, []byte(`{"type":"follow","id":"42","ts":7}`))
	if r.status != 202 || got.ID != "42" || got.TS != 7 || !got.Simulated {
		t.Fatalf("%d %s %+v", r.status, r.body, got)
	}
	s2, _ := startServer(t, Config{}, Deps{Simulate: func(domain.Event) error { return errors.New("not running") }})
	if r := do(t, s2, "POST", "/api/simulate", "", testToken, []byte(`{"type":"follow"}`)); r.status != 503 {
		t.Fatalf("failing hook: %d", r.status)
	}
}

func TestHostCheck(t *testing.T) {
	s, _ := startServer(t, Config{}, Deps{})
	for host, want := range map[string]int{
		"evil.example":         403,
		"evil.example:3000":    403,
		"127.0.0.1.nip.io":     403,
		"localhost":            200,
		"LOCALHOST:3000":       200,
		"127.0.0.1:9":          200,
		"[::1]:3000":           200,
		"wails.localhost:3000": 200,
	} {
		r := do(t, s, "GET", "/api/health", host, "", nil)
		if r.status != want {
			t.Errorf("Host %q: %d, want %d", host, r.status, want)
		}
		if want == 403 && r.json(t)["error"] == nil {
			t.Errorf("Host %q: no JSON error", host)
		}
	}
}

func TestOriginCheck(t *testing.T) {
	s, _ := startServer(t, Config{}, Deps{})
	_, port, _ := net.SplitHostPort(s.Addr())
	for origin, ok := range map[string]bool{
		"https://evil.example":      false,
		"http://127.0.0.1.evil.com": false,
		"chrome-extension://abc":    false,
		"http://localhost:8080":     false, // another loopback port
		"https://127.0.0.1":         false,
		"http://[::1]:3000":         false,
		"null":                      false, // a sandboxed iframe on any site
		"file://":                   false,
		"http://absolute":           false,
		"wails://wails":             false, // the desktop window uses its bindings
		"wails://wails.localhost":   false, // the desktop window uses its bindings
		"http://wails.localhost":    false, // the desktop window uses its bindings
		"https://wails.localhost":   false, // the desktop window uses its bindings
		"http://localhost:" + port:  true,
		"http://" + s.Addr():        true,
	} {
		h := http.Header{"Origin": {origin}}
		c, resp, err := dial(t, s, h)
		if ok && err != nil {
			t.Errorf("Origin %q rejected: %v", origin, err)
		}
		if !ok && (err == nil || resp == nil || resp.StatusCode != 403) {
			t.Errorf("Origin %q accepted (err %v)", origin, err)
		}
		if c != nil {
			c.Close()
		}
	}
}

func TestBusyPortNamesFlag(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s := New(Config{Addr: ln.Addr().String(), Token: "x"}, Deps{Bus: bus.New(), Log: zerolog.Nop()})
	defer s.Shutdown(context.Background())
	err = s.Start(context.Background())
	if err == nil || !strings.Contains(err.Error(), "--listen") || !strings.Contains(err.Error(), "already in use") {
		t.Fatalf("busy port error = %v", err)
	}
}

func TestLANBindNeedsOptIn(t *testing.T) {
	s := New(Config{Addr: "0.0.0.0:0"}, Deps{Bus: bus.New(), Log: zerolog.Nop()})
	defer s.Shutdown(context.Background())
	if err := s.Start(context.Background()); err == nil || !strings.Contains(err.Error(), "--listen") {
		t.Fatalf("non-loopback bind without AllowLAN: %v", err)
	}
}

func TestModuleRoutes(t *testing.T) {
	s, _ := startServer(t, Config{}, Deps{})
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("goal page")) })
	if err := s.Handle(module.Route{Pattern: "GET /overlay/goal.html", Handler: ok}); err != nil {
		t.Fatal(err)
	}
	if err := s.Handle(module.Route{Pattern: "POST /api/flows/{id}/run", Handler: ok}); err != nil {
		t.Fatal(err)
	}
	if err := s.Handle(module.Route{Pattern: "GET /overlay/goal.html", Handler: ok}); err == nil {
		t.Fatal("duplicate pattern accepted")
	}
	if r := do(t, s, "GET", "/overlay/goal.html", "", "", nil); r.status != 200 || string(r.body) != "goal page" {
		t.Fatalf("module page: %d %s", r.status, r.body)
	}
	if r := do(t, s, "POST", "/api/flows/x/run", "", "", nil); r.status != 401 {
		t.Fatalf("module POST without token: %d", r.status)
	}
	if r := do(t, s, "POST", "/api/flows/x/run", "", testToken, nil); r.status != 200 {
		t.Fatalf("module POST with token: %d", r.status)
	}
	if r := do(t, s, "GET", "/overlay/goal.html", "evil.example", "", nil); r.status != 403 {
		t.Fatalf("module route skipped the Host check: %d", r.status)
	}
	idx := do(t, s, "GET", "/index.html", "", "", nil)
	if !strings.Contains(string(idx.body), "/overlay/goal.html") || !strings.Contains(string(idx.body), "/overlay.html") {
		t.Fatalf("index lacks overlay pages: %s", idx.body)
	}
}

func TestStaticRoutes(t *testing.T) {
	s, _ := startServer(t, Config{}, Deps{})
	r := do(t, s, "GET", "/", "", "", nil)
	if r.status != http.StatusFound || r.header.Get("Location") != "/index.html" {
		t.Fatalf("/ → %d %s", r.status, r.header.Get("Location"))
	}
	r = do(t, s, "GET", "/overlay.html", "", "", nil)
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") ||
		r.header.Get("Content-Security-Policy") == "" || !strings.Contains(string(r.body), "ltth-client.js") {
		t.Fatalf("overlay.html: %d %v", r.status, r.header)
	}
	if r = do(t, s, "GET", "/overlay/ltth-client.js", "", "", nil); r.status != 200 {
		t.Fatalf("client script: %d", r.status)
	}
	for _, p := range []string{"/overlay/", "/overlay/../go.mod", "/overlay/%2e%2e/server.go", "/overlay/..%2fserver.go", "/nope"} {
		r := do(t, s, "GET", p, "", "", nil)
		if loc := r.header.Get("Location"); r.status/100 == 3 && loc != "" {
			r = do(t, s, "GET", loc, "", "", nil) // the mux cleans dot segments by redirecting
		}
		if r.status != 404 {
			t.Errorf("%s: %d, want 404", p, r.status)
		}
	}
	if r := do(t, s, "GET", "/api/nope", "", "", nil); r.status != 404 || r.json(t)["error"] == nil {
		t.Fatalf("/api/nope: %d %s", r.status, r.body)
	}
}

package goal

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gorilla/websocket"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// feed is a minimal stand-in for the listener's /ws: a snapshot of the
// current state, then every state message on the bus (every other one
// wrapped in a JSON array, as the listener does under load).
type feed struct {
	bus      *bus.Bus
	snapshot func() []domain.Message
	reject   atomic.Bool
	mu       sync.Mutex
	conns    []*websocket.Conn
}

type wire struct {
	Type string `json:"type"`
	TS   int64  `json:"ts"`
	Data any    `json:"data"`
}

func (f *feed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if f.reject.Load() {
		http.Error(w, "LTTH is down", http.StatusServiceUnavailable)
		return
	}
	c, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
	if err != nil {
		return
	}
	f.mu.Lock()
	f.conns = append(f.conns, c)
	f.mu.Unlock()
	sub := f.bus.Subscribe("feed", 256, func(m *domain.Message) bool { return m.Event == nil })
	defer sub.Close()
	var snap []wire
	for _, m := range f.snapshot() {
		snap = append(snap, wire{m.Type, m.TS, m.Data})
	}
	if c.WriteJSON(wire{Type: "snapshot", Data: snap}) != nil {
		return
	}
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		for {
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
		}
	}()
	for i := 0; ; i++ {
		select {
		case m := <-sub.C():
			var v any = wire{m.Type, m.TS, m.Data}
			if i%2 == 1 {
				v = []any{v}
			}
			if c.WriteJSON(v) != nil {
				return
			}
		case <-closed:
			return
		}
	}
}

func (f *feed) closeAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.conns {
		c.Close()
	}
}

// overlayServer serves the module's routes, the feed and, when withClient,
// the shared client script of backend/overlay.
func overlayServer(t *testing.T, routes []http.Handler, patterns []string, f *feed, withClient bool) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for i, p := range patterns {
		mux.Handle(p, routes[i])
	}
	mux.Handle("GET /ws", f)
	if withClient {
		js, err := os.ReadFile("../overlay/static/overlay/ltth-client.js")
		if err != nil {
			t.Skip("shared overlay client not present:", err)
		}
		mux.HandleFunc("GET /overlay/ltth-client.js", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write(js)
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(func() { f.closeAll(); srv.Close() })
	return srv
}

// browser starts headless Chromium for one test (skipped if absent).
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil || testing.Short() {
		t.Skip("no chromium (or -short)")
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.Flag("headless", "new"),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true)}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// waitJS polls a JS predicate in the page until it is true.
func waitJS(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		dump, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.outerHTML`))
		t.Fatalf("%s: %v\n%s", what, err, dump)
	}
}

func (h *harness) feed() *feed {
	return &feed{bus: h.bus, snapshot: func() []domain.Message {
		var out []domain.Message
		for _, v := range h.m.List() {
			out = append(out, domain.Message{Type: TypeGoal, Key: key(v.ID), Data: state(&v.Goal, v.Value)})
		}
		return out
	}}
}

func routesOf(m *Module) ([]http.Handler, []string) {
	var hs []http.Handler
	var ps []string
	for _, r := range m.Routes() {
		hs, ps = append(hs, r.Handler), append(ps, r.Pattern)
	}
	return hs, ps
}

func TestGoalPageInBrowser(t *testing.T) {
	ctx := browser(t)
	h := newHarness(t, newStore(t))
	h.put("likes", `{"name":"<b>Likes</b>","kind":"likes","target":100,"onReach":"hide"}`)
	f := h.feed()
	hs, ps := routesOf(h.m)
	srv := overlayServer(t, hs, ps, f, false) // the page's own client

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/overlay/goal.html?id=likes")); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "initial state from the snapshot", `document.querySelector('.track .count').textContent === '0 / 100'
		&& document.querySelector('.name').textContent === '<b>Likes</b>' && !document.querySelector('.name b')
		&& !document.getElementById('goal').classList.contains('hidden')`)

	like := ev(domain.EventLike)
	like.LikeCount = 50
	h.bus.PublishEvent(like)
	waitJS(t, ctx, "live update", `document.querySelector('.track .count').textContent === '50 / 100'
		&& document.querySelector('.fill').style.width === '50%'`)

	h.bus.PublishEvent(like)
	waitJS(t, ctx, "hidden on reach", `document.getElementById('goal').classList.contains('hidden')
		&& document.getElementById('goal').classList.contains('reached')`)
}

func TestGoalPageSharedClientAndReconnect(t *testing.T) {
	ctx := browser(t)
	h := newHarness(t, newStore(t))
	h.put("coins", `{"name":"Coins","kind":"coins","target":400,"style":"circle"}`)
	f := h.feed()
	f.reject.Store(true) // LTTH not running yet
	hs, ps := routesOf(h.m)
	srv := overlayServer(t, hs, ps, f, true)

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/overlay/goal.html?id=coins")); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "waiting badge", `window.LTTH && document.getElementById('ltth-status')
		&& document.getElementById('ltth-status').style.opacity !== '0'`)
	f.reject.Store(false)
	waitJS(t, ctx, "circle after reconnect", `document.querySelector('.count.c').textContent === '0 / 400'
		&& getComputedStyle(document.querySelector('.ring')).display !== 'none'
		&& getComputedStyle(document.querySelector('.track')).display === 'none'`)
	if _, err := h.m.Adjust("coins", OpSet, 100); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "ring progress", `document.querySelector('.count.c').textContent === '100 / 400'
		&& Math.abs(parseFloat(document.querySelector('.fg').style.strokeDashoffset) - 2*Math.PI*66*0.75) < 0.5`)

	// Reaching a doubling goal shows it full first, then the new target.
	if _, err := h.m.Patch("coins", []byte(`{"onReach":"double"}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := h.m.Adjust("coins", OpSet, 500); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "full on reach", `document.getElementById('goal').classList.contains('reached')
		&& document.querySelector('.count.c').textContent === '500 / 400'`)
	waitJS(t, ctx, "new target after the celebration", `!document.getElementById('goal').classList.contains('reached')
		&& document.querySelector('.count.c').textContent === '500 / 800'`)

	f.closeAll() // the feed drops: the page reconnects and stays right
	if _, err := h.m.Adjust("coins", OpSet, 200); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "state after a dropped connection", `document.querySelector('.count.c').textContent === '200 / 800'`)
}

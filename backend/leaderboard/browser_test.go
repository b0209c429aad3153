package leaderboard

import (
	"context"
	"encoding/json"
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
		for _, b := range Boards() {
			for _, p := range Periods() {
				s, err := h.m.Top(b, p, 0)
				if err != nil {
					h.t.Error(err)
				}
				out = append(out, domain.Message{Type: TypeLeaderboard, Key: Key(b, p), Data: s})
			}
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

// rowsJS lists the page's rows top to bottom as "rank name value" strings.
const rowsJS = `[...document.querySelectorAll('.row:not(.gone)')]
	.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
	.map(r => r.querySelector('.rank').textContent + ' ' + r.querySelector('.name').textContent + ' ' +
		r.querySelector('.value').textContent.replace(/[^0-9]/g, '')).join('|')`

func TestLeaderboardPageInBrowser(t *testing.T) {
	for _, shared := range []bool{false, true} {
		ctx := browser(t)
		h := newHarness(t, openStore(t, t.TempDir()))
		h.bus.PublishEvent(gift("ann", 10))
		h.top(BoardGifters, PeriodStream, "ann")
		f := h.feed()
		hs, ps := routesOf(h.m)
		srv := overlayServer(t, hs, ps, f, shared)

		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/overlay/leaderboard.html?board=gifters&period=stream&limit=3")); err != nil {
			t.Fatal(err)
		}
		waitJS(t, ctx, "snapshot", rowsJS+` === '1 ann 10' && document.getElementById('title').textContent === 'Top gifters'`)

		evil := gift("x", 30)
		evil.Nickname = `<img src=x onerror="document.title='pwned'">`
		evil.AvatarURL = "javascript:alert(1)"
		h.bus.PublishEvent(evil)
		h.bus.PublishEvent(gift("bob", 20))
		h.bus.PublishEvent(gift("cat", 5))
		h.bus.PublishEvent(gift("dan", 1)) // beyond limit=3
		want, _ := json.Marshal("1 " + evil.Nickname + " 30|2 bob 20|3 ann 10")
		waitJS(t, ctx, "live ranking, text only", rowsJS+` === `+string(want)+`
			&& !document.querySelector('.name img') && ![...document.querySelectorAll('.avatar')].some(i => i.src === location.href) && document.title !== 'pwned'
			&& ![...document.querySelectorAll('.avatar')].some(i => i.src.startsWith('javascript'))`)

		if err := h.m.Reset(BoardGifters, PeriodStream); err != nil {
			t.Fatal(err)
		}
		waitJS(t, ctx, "reset", rowsJS+` === ''`)
	}
}

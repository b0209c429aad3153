package leaderboard

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

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
	return b
}

func TestHTTPRoutes(t *testing.T) {
	h := newHarness(t, openStore(t, t.TempDir()))
	mux := http.NewServeMux()
	for _, r := range h.m.Routes() {
		mux.Handle(r.Pattern, r.Handler)
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for i, n := range []string{"ann", "bob", "cat"} {
		h.bus.PublishEvent(gift(n, int64(10*(i+1))))
	}
	h.top(BoardGifters, PeriodStream, "cat", "bob", "ann")

	var s State
	if err := json.Unmarshal(call(t, srv, "GET", "/api/leaderboards/gifters?period=all&limit=2", "", 200), &s); err != nil {
		t.Fatal(err)
	}
	if s.Board != "gifters" || s.Period != "all" || names(s) != "cat,bob" || s.Entries[0].Value != 30 {
		t.Fatalf("GET %+v", s)
	}
	call(t, srv, "GET", "/api/leaderboards/gifters", "", 200)
	call(t, srv, "GET", "/api/leaderboards/gifters?period=week", "", 400)
	call(t, srv, "GET", "/api/leaderboards/gifters?limit=0", "", 400)
	call(t, srv, "GET", "/api/leaderboards/viewers", "", 404)

	call(t, srv, "POST", "/api/leaderboards/gifters/reset", `{"period":"all"}`, 200)
	call(t, srv, "POST", "/api/leaderboards/gifters/reset", `{"period":"x"}`, 400)
	call(t, srv, "POST", "/api/leaderboards/nope/reset", ``, 404)
	if err := json.Unmarshal(call(t, srv, "GET", "/api/leaderboards/gifters?period=all", "", 200), &s); err != nil || len(s.Entries) != 0 {
		t.Fatalf("after reset %+v %v", s, err)
	}
	call(t, srv, "POST", "/api/leaderboards/gifters/reset", ``, 200) // default: stream
	if err := json.Unmarshal(call(t, srv, "GET", "/api/leaderboards/gifters", "", 200), &s); err != nil || len(s.Entries) != 0 {
		t.Fatalf("after stream reset %+v %v", s, err)
	}

	call(t, srv, "GET", "/overlay/leaderboard.html?board=gifters&period=stream", "", 200)
	call(t, srv, "GET", "/overlay/leaderboard.css", "", 200)
	page := string(call(t, srv, "GET", "/overlay/leaderboard.js", "", 200))
	if !strings.Contains(page, "textContent") || strings.Contains(page, "innerHTML") {
		t.Fatal("leaderboard page must render text with textContent only")
	}
}

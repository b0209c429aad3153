package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// The listener has no CORS rule: the desktop window uses its bindings, so
// its origins are refused on the API and the feed (and counted), and the
// browser dashboard is same-origin and needs none.
func TestNoCORSAndTheWindowIsRefused(t *testing.T) {
	s := New(Config{Addr: "127.0.0.1:3000", Token: "tok-tok-tok-tok-tok-tok-tok-tok-tok"}, Deps{})
	h := s.Handler()
	desktop := []string{"wails://wails", "wails://wails.localhost", "http://wails.localhost", "https://wails.localhost"}
	for i, origin := range desktop {
		for _, m := range []string{http.MethodOptions, http.MethodGet} {
			req := httptest.NewRequest(m, "http://127.0.0.1:3000/api/health", nil)
			req.Header.Set("Origin", origin)
			req.Header.Set("Access-Control-Request-Method", "GET")
			req.RemoteAddr = "127.0.0.1:50000"
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusForbidden || rec.Header().Get("Access-Control-Allow-Origin") != "" {
				t.Fatalf("%s %s: %d %v", m, origin, rec.Code, rec.Header())
			}
		}
		if got := s.Health().WindowHTTP; got != int64(2*(i+1)) {
			t.Fatalf("window requests counted: %d, want %d", got, 2*(i+1))
		}
	}
	for _, origin := range []string{"http://127.0.0.1:3000", "http://localhost:3000"} {
		req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:3000/api/health", nil)
		req.Header.Set("Origin", origin)
		req.RemoteAddr = "127.0.0.1:50000"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 || rec.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Fatalf("same-origin %s: %d %v", origin, rec.Code, rec.Header())
		}
	}
	foreign := []string{"https://evil.example", "null", "http://absolute", "file://",
		"http://127.0.0.1:5173", "http://localhost:8080", "https://127.0.0.1:3000", "wails://evil"}
	for _, origin := range foreign {
		req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:3000/api/health", nil)
		req.Header.Set("Origin", origin)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden || rec.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Fatalf("%s: %d %v", origin, rec.Code, rec.Header())
		}
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:3000/api/health", nil)
	req.RemoteAddr = "127.0.0.1:50000"
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("no Origin: %d", rec.Code)
	}
}

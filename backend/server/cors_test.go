package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCORSForDashboardOrigins(t *testing.T) {
	s := New(Config{Addr: "127.0.0.1:3000", Token: "tok-tok-tok-tok-tok-tok-tok-tok-tok"}, Deps{})
	h := s.Handler()
	own := []string{"wails://wails", "wails://wails.localhost", "http://wails.localhost",
		"https://wails.localhost", "http://127.0.0.1:3000", "http://localhost:3000"}
	for _, origin := range own {
		req := httptest.NewRequest(http.MethodOptions, "http://127.0.0.1:3000/api/simulate", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization,content-type")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNoContent || rec.Header().Get("Access-Control-Allow-Origin") != origin ||
			rec.Header().Get("Access-Control-Allow-Headers") == "" {
			t.Fatalf("%s preflight: %d %v", origin, rec.Code, rec.Header())
		}
		get := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:3000/api/health", nil)
		get.Header.Set("Origin", origin)
		get.RemoteAddr = "127.0.0.1:50000"
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, get)
		if rec.Code != 200 || rec.Header().Get("Access-Control-Allow-Origin") != origin {
			t.Fatalf("%s GET: %d %v", origin, rec.Code, rec.Header())
		}
	}
	// Any other origin, including other loopback ports (a dev server,
	// another app's page), null and file://, gets neither CORS nor data.
	foreign := []string{"https://evil.example", "null", "http://absolute", "file://",
		"http://127.0.0.1:5173", "http://localhost:8080", "https://127.0.0.1:3000", "wails://evil"}
	for _, origin := range foreign {
		for _, m := range []string{http.MethodOptions, http.MethodGet} {
			req := httptest.NewRequest(m, "http://127.0.0.1:3000/api/health", nil)
			req.Header.Set("Origin", origin)
			req.Header.Set("Access-Control-Request-Method", "GET")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Header().Get("Access-Control-Allow-Origin") != "" || rec.Code != http.StatusForbidden {
				t.Fatalf("%s %s: %d, CORS %q", m, origin, rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))
			}
		}
	}
	// No Origin (OBS, tools) is served.
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:3000/api/health", nil)
	req.RemoteAddr = "127.0.0.1:50000"
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("no Origin: %d", rec.Code)
	}
}

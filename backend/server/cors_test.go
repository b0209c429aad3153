package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCORSForDashboardOrigins(t *testing.T) {
	s := New(Config{Addr: "127.0.0.1:0", Token: "tok-tok-tok-tok-tok-tok-tok-tok-tok"}, Deps{})
	h := s.Handler()
	for _, origin := range []string{"wails://wails", "http://wails.localhost", "http://127.0.0.1:5173"} {
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
	for _, origin := range []string{"https://evil.example", "null", "http://absolute", "file://"} {
		req := httptest.NewRequest(http.MethodOptions, "http://127.0.0.1:3000/api/simulate", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Fatalf("%s was granted CORS", origin)
		}
	}
}

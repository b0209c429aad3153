package server

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
)

// serveLocal runs one request through the full handler with a chosen peer
// address (the LAN rules depend on it; real sockets here are loopback).
func serveLocal(s *Server, method, target, host, remote, token string) int {
	req := httptest.NewRequest(method, target, nil)
	req.Host = host
	req.RemoteAddr = remote
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec.Code
}

func TestLANRules(t *testing.T) {
	local := New(Config{Addr: "127.0.0.1:3000", Token: testToken}, Deps{Bus: bus.New(), Log: zerolog.Nop()})
	lan := New(Config{Addr: "0.0.0.0:3000", AllowLAN: true, Token: testToken}, Deps{Bus: bus.New(), Log: zerolog.Nop()})
	named := New(Config{Addr: "192.168.1.5:3000", Token: testToken}, Deps{Bus: bus.New(), Log: zerolog.Nop()})
	for _, s := range []*Server{local, lan, named} {
		t.Cleanup(func() { _ = s.Shutdown(t.Context()) })
	}
	const peer, loop = "192.168.1.20:5000", "127.0.0.1:5000"
	cases := []struct {
		name                      string
		s                         *Server
		target, host, remote, tok string
		want                      int
	}{
		{"LAN Host refused without opt-in", local, "/api/health", "192.168.1.5:3000", loop, "", 403},
		{"configured address accepted", named, "/api/health", "192.168.1.5:3000", loop, "", 200},
		{"LAN IP Host accepted with opt-in", lan, "/overlay.html", "192.168.1.5:3000", peer, "", 200},
		{"names still refused with opt-in", lan, "/overlay.html", "evil.example:3000", peer, "", 403},
		{"LAN peer needs token for the API", lan, "/api/health", "192.168.1.5:3000", peer, "", 401},
		{"LAN peer with token", lan, "/api/health", "192.168.1.5:3000", peer, testToken, 200},
		{"LAN peer with ?token=", lan, "/api/health?token=" + testToken, "192.168.1.5:3000", peer, "", 200},
		{"LAN peer needs token for /ws", lan, "/ws", "192.168.1.5:3000", peer, "", 401},
		{"loopback peer needs none", lan, "/api/health", "127.0.0.1:3000", loop, "", 200},
	}
	for _, c := range cases {
		if got := serveLocal(c.s, http.MethodGet, c.target, c.host, c.remote, c.tok); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

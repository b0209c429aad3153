package server

import (
	"crypto/subtle"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/httpapi"
)

// secure wraps every route with the rules of design.md "Security":
//
//   - Host must be a loopback name/IP or the configured address (DNS
//     rebinding defence); with AllowLAN any IP literal and this machine's
//     host name are accepted too (rebinding needs a DNS name). Else 403.
//   - A request to /ws or /api/ with an Origin must come from one of the
//     dashboard's own origins (see originAllowed). Else 403.
//   - Every method other than GET/HEAD/OPTIONS needs "Authorization: Bearer
//     <token>", and so does every /api/ route not declared public (see
//     routePublic). Else 401.
//   - Requests from a non-loopback peer (AllowLAN only) also need the token
//     for /ws and /api/ (header, or ?token= for browser sources, which cannot
//     set headers); static overlay pages stay open.
//   - Bodies are limited per route (MaxBodyBytes unless the route says
//     otherwise) and JSON bodies must be exactly one JSON value (see
//     handleLimited).
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if !s.hostAllowed(r.Host) {
			s.logRejected(r, "Host is not a local address")
			httpapi.WriteErrorText(w, http.StatusForbidden, "forbidden: Host "+quoteHost(r.Host)+" is not a local address")
			return
		}
		if guardedPath(r.URL.Path) && desktopOrigins[strings.ToLower(strings.TrimSpace(r.Header.Get("Origin")))] {
			s.windowHTTP.Add(1)
			s.logRejected(r, "the desktop window uses its bindings")
			httpapi.WriteErrorText(w, http.StatusForbidden, "forbidden: the desktop window reaches LTTH through its bindings, not the listener")
			return
		}
		if guardedPath(r.URL.Path) && !s.originAllowed(r) {
			s.logRejected(r, "Origin is not the dashboard's")
			httpapi.WriteErrorText(w, http.StatusForbidden, "forbidden: Origin "+quoteHost(r.Header.Get("Origin"))+" may not use the API or the feed")
			return
		}
		if tok := bearer(r); !safeMethod(r.Method) && !s.tokenAllows(tok, r.Method) {
			s.refuseToken(w, tok)
			return
		}
		if s.remoteNeedsToken(r) {
			httpapi.WriteErrorText(w, http.StatusUnauthorized, "unauthorized: LAN clients need the API token")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// logRejected logs a refused request at most once per 10 s (a page hammering
// the listener must not flood the log), so a streamer can see why an
// overlay URL with a LAN name or foreign origin does not load.
func (s *Server) logRejected(r *http.Request, why string) {
	now := time.Now().UnixNano()
	last := s.lastReject.Load()
	if now-last < int64(10*time.Second) || !s.lastReject.CompareAndSwap(last, now) {
		return
	}
	s.log.Warn().Str("host", r.Host).Str("origin", r.Header.Get("Origin")).
		Str("path", r.URL.Path).Str("remote", r.RemoteAddr).Msg("request refused: " + why)
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

func isWebSocket(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

func bearer(r *http.Request) string {
	a := r.Header.Get("Authorization")
	const p = "bearer "
	if len(a) > len(p) && strings.EqualFold(a[:len(p)], p) {
		return strings.TrimSpace(a[len(p):])
	}
	return ""
}

// tokenOK compares in constant time (for equal lengths; the token's length
// is not a secret).
func (s *Server) tokenOK(got string) bool {
	return got != "" && subtle.ConstantTimeCompare([]byte(got), *s.token.Load()) == 1
}

func (s *Server) remoteNeedsToken(r *http.Request) bool {
	if isLoopbackPeer(r.RemoteAddr) {
		return false
	}
	p := r.URL.Path
	if p != "/ws" && !strings.HasPrefix(p, "/api/") {
		return false
	}
	tok := bearer(r)
	if tok == "" {
		tok = r.URL.Query().Get("token")
	}
	return !s.tokenAllows(tok, r.Method)
}

func isLoopbackPeer(remote string) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// normalizeHost strips the port, IPv6 brackets and a trailing dot, and
// lower-cases. It returns "" for an unparsable value.
func normalizeHost(hostport string) string {
	h := strings.ToLower(strings.TrimSpace(hostport))
	if h == "" {
		return ""
	}
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	} else if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		h = h[1 : len(h)-1]
	}
	return strings.TrimSuffix(h, ".")
}

// isLoopbackName reports localhost, *.localhost and loopback IP literals.
func isLoopbackName(host string) bool {
	host = normalizeHost(host)
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) hostAllowed(hostport string) bool {
	host := normalizeHost(hostport)
	if host == "" {
		return false
	}
	addr, allowLAN := s.bindConfig()
	if isLoopbackName(host) || host == normalizeHost(addr) {
		return true
	}
	if !allowLAN {
		return false
	}
	if net.ParseIP(host) != nil {
		return true
	}
	name, err := os.Hostname()
	if err != nil {
		return false
	}
	name = strings.ToLower(name)
	return host == name || host == name+".local"
}

func quoteHost(h string) string {
	if len(h) > 100 {
		h = h[:100]
	}
	b, _ := json.Marshal(h)
	return string(b)
}

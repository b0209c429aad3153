package server

import (
	"crypto/subtle"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
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
//   - A websocket upgrade's Origin, when present, must be local (see
//     originAllowed). Else 403.
//   - Every method other than GET/HEAD/OPTIONS needs "Authorization: Bearer
//     <token>". Else 401.
//   - Requests from a non-loopback peer (AllowLAN only) also need the token
//     for /ws and /api/ (header, or ?token= for browser sources, which cannot
//     set headers); static overlay pages stay open.
//   - Bodies are limited to MaxBodyBytes.
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
		if isWebSocket(r) && !s.originAllowed(r) {
			s.logRejected(r, "websocket Origin is not local")
			httpapi.WriteErrorText(w, http.StatusForbidden, "forbidden: websocket Origin is not local")
			return
		}
		if s.applyCORS(w, r) {
			return // preflight answered
		}
		if !safeMethod(r.Method) && !s.tokenOK(bearer(r)) {
			h.Set("WWW-Authenticate", `Bearer realm="ltth"`)
			httpapi.WriteErrorText(w, http.StatusUnauthorized, "unauthorized: missing or wrong API token (Authorization: Bearer <token>)")
			return
		}
		if s.remoteNeedsToken(r) {
			httpapi.WriteErrorText(w, http.StatusUnauthorized, "unauthorized: LAN clients need the API token")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
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
	return got != "" && subtle.ConstantTimeCompare([]byte(got), s.token) == 1
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
	return !s.tokenOK(tok)
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
	if isLoopbackName(host) || host == normalizeHost(s.cfg.Addr) {
		return true
	}
	if !s.cfg.AllowLAN {
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

// originAllowed accepts a missing Origin (non-browser clients), "null"
// (sandboxed/file pages), file://, wails:// (the dashboard), OBS's local-file
// scheme http://absolute, http(s) origins on a loopback name (including
// wails.localhost), and same-origin pages (the Origin's host equals the
// already-checked Host header).
func (s *Server) originAllowed(r *http.Request) bool {
	o := strings.TrimSpace(r.Header.Get("Origin"))
	if o == "" || o == "null" {
		return true
	}
	u, err := url.Parse(o)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "file", "wails":
		return true
	case "http", "https":
	default:
		return false
	}
	host := strings.ToLower(u.Host)
	if host == "absolute" || isLoopbackName(host) {
		return true
	}
	return host == strings.ToLower(r.Host)
}

// applyCORS lets the desktop dashboard (served by Wails from wails://wails
// or http://wails.localhost) and local dev servers call the REST API
// cross-origin. Only those origins are echoed; the bearer token is still
// required for every mutating request. It answers preflight requests itself
// and reports whether it did.
func (s *Server) applyCORS(w http.ResponseWriter, r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" || !dashboardOrigin(o) {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", o)
	h.Add("Vary", "Origin")
	if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" {
		return false
	}
	h.Set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
	h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
	return true
}

// dashboardOrigin accepts the Wails window's origins and http(s) origins on
// a loopback name; file://, null and OBS's http://absolute are not given
// REST access.
func dashboardOrigin(o string) bool {
	u, err := url.Parse(o)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "wails":
		return true
	case "http", "https":
		return isLoopbackName(u.Host)
	}
	return false
}

func quoteHost(h string) string {
	if len(h) > 100 {
		h = h[:100]
	}
	b, _ := json.Marshal(h)
	return string(b)
}

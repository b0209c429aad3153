package server

import (
	"net"
	"net/http"
	"net/url"
	"strings"
)

// desktopOrigins are the origins the Wails desktop shell serves the
// dashboard from: wails://wails (macOS, Linux/WebKitGTK), wails://wails.localhost,
// and http(s)://wails.localhost (Windows/WebView2). The window reaches Go
// through its bindings, never the listener: these origins are refused on
// the API and the feed (and counted, Health.WindowHTTP), and there is no
// CORS rule for them or anyone.
var desktopOrigins = map[string]bool{
	"wails://wails":           true,
	"wails://wails.localhost": true,
	"http://wails.localhost":  true,
	"https://wails.localhost": true,
}

// guardedPath reports the paths whose Origin is checked: the REST API and
// the live feed. Overlay pages and assets may be embedded anywhere.
func guardedPath(p string) bool {
	return p == "/ws" || strings.HasPrefix(p, "/api/")
}

// originAllowed admits exactly the browser dashboard's own origin: no
// Origin at all (OBS browser sources, tools) and the listener's own origin (an http(s) origin on a loopback name, or the Host
// the request was sent to, with the port the listener serves on). Never
// "null" (sandboxed frames, file pages), file://, other loopback ports or
// foreign sites.
func (s *Server) originAllowed(r *http.Request) bool {
	o := strings.TrimSpace(r.Header.Get("Origin"))
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	if err != nil || u.Path != "" || u.User != nil || u.RawQuery != "" {
		return false
	}
	scheme, port := "http", u.Port()
	if r.TLS != nil {
		scheme = "https"
	}
	if !strings.EqualFold(u.Scheme, scheme) || u.Host == "" {
		return false
	}
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[scheme]
	}
	if port != s.servingPort(r) {
		return false
	}
	host := normalizeHost(u.Host)
	return isLoopbackName(host) || host == normalizeHost(r.Host)
}

// servingPort is the port the request arrived on (the listener's own), or
// the configured one for in-process handler calls.
func (s *Server) servingPort(r *http.Request) string {
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if _, p, err := net.SplitHostPort(a.String()); err == nil {
			return p
		}
	}
	_, p, _ := net.SplitHostPort(s.Addr())
	return p
}

package server

import (
	"net/http"
	"sort"
	"strings"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// RouteInfo is one registered route and whether it is readable without the
// API token (see routePublic).
type RouteInfo struct {
	Pattern string `json:"pattern"`
	Public  bool   `json:"public"`
	MaxBody int64  `json:"maxBody"`
	Summary string `json:"summary,omitempty"`
}

// routePublic is the one place that decides which routes need the token:
//
//   - /ws and every route outside /api/ (overlay pages, assets, the index
//     and the dashboard shell) are public: OBS browser sources cannot send
//     a token, and they serve no profile data beyond the overlay feed;
//   - a route under /api/ is public only when declared so (module.Route's
//     Public) and read-only (GET or HEAD, or method-less like the /api/
//     catch-all); everything else under /api/ needs the token, GET included.
//
// Mutating methods need the token on every route anyway (see secure).
func routePublic(pattern string, declared bool) bool {
	method, path, found := strings.Cut(pattern, " ")
	if !found {
		method, path = "", pattern
	}
	if i := strings.IndexByte(path, '/'); i > 0 {
		path = path[i:] // a host-qualified pattern
	}
	if path == "/ws" || !strings.HasPrefix(path, "/api/") {
		return true
	}
	return declared && (method == "" || method == http.MethodGet || method == http.MethodHead)
}

// handle registers a route with the default body limit.
func (s *Server) handle(pattern string, public bool, h http.Handler) {
	s.handleLimited(module.Route{Pattern: pattern, Public: public, Handler: h})
}

// handleLimited registers a route with its access rule and body limit, and
// records it for Routes.
func (s *Server) handleLimited(r module.Route) {
	pattern, maxBody := r.Pattern, r.MaxBody
	public := routePublic(pattern, r.Public)
	h := limitBody(maxBody, r.Handler)
	if !public {
		h = s.requireToken(h)
	}
	s.mux.Handle(pattern, h)
	s.mu.Lock()
	s.table = append(s.table, RouteInfo{Pattern: pattern, Public: public, MaxBody: max(maxBody, 0), Summary: r.Summary})
	s.mu.Unlock()
}

// requireToken answers 401 unless the request carries the bearer token.
func (s *Server) requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tok := bearer(r); !s.tokenAllows(tok, r.Method) {
			s.refuseToken(w, tok)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func unauthorized(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="ltth"`)
	httpapi.WriteErrorText(w, http.StatusUnauthorized, "unauthorized: missing or wrong API token (Authorization: Bearer <token>)")
}

// Routes lists every registered route with its access rule, sorted by
// pattern.
func (s *Server) Routes() []RouteInfo {
	s.mu.Lock()
	out := append([]RouteInfo(nil), s.table...)
	s.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Pattern < out[j].Pattern })
	return out
}

package server

import (
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
)

// access is what a bearer token allows.
type access int

const (
	accessNone    access = iota // no token, or an unknown or revoked one
	accessRead                  // an API token scoped read: GET/HEAD/OPTIONS only
	accessControl               // the desktop token, or an API token scoped control
)

// tokenAccess checks the desktop token first, then the API tokens the
// user created (Deps.APIToken), which are consulted on every request, so
// a revoked token is refused at once.
func (s *Server) tokenAccess(tok string) access {
	if s.tokenOK(tok) {
		return accessControl
	}
	if tok == "" || s.apiToken == nil {
		return accessNone
	}
	switch control, ok := s.apiToken(tok); {
	case !ok:
		return accessNone
	case control:
		return accessControl
	default:
		return accessRead
	}
}

// tokenAllows reports whether tok may make a request with this method.
func (s *Server) tokenAllows(tok, method string) bool {
	a := s.tokenAccess(tok)
	return a == accessControl || a == accessRead && safeMethod(method)
}

// refuseToken answers a request tok may not make: 403 for a read-only
// token that tries to change something, else 401.
func (s *Server) refuseToken(w http.ResponseWriter, tok string) {
	if s.tokenAccess(tok) == accessRead {
		httpapi.WriteErrorText(w, http.StatusForbidden, "forbidden: this API token is read-only (scope read)")
		return
	}
	unauthorized(w)
}

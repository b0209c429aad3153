package apitoken

import (
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// Routes serves GET|POST /api/tokens and DELETE /api/tokens/{id}. Only
// the desktop token may manage tokens (desktop reports whether a request
// carries it): an external tool can neither mint nor list tokens.
func (s *Store) Routes(desktop func(*http.Request) bool) []module.Route {
	only := func(h http.HandlerFunc) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !desktop(r) {
				httpapi.WriteErrorText(w, http.StatusForbidden, "forbidden: only the desktop's own token may manage API tokens")
				return
			}
			h(w, r)
		})
	}
	return []module.Route{
		{Pattern: "GET /api/tokens", Handler: only(s.handleList)},
		{Pattern: "POST /api/tokens", Handler: only(s.handleCreate)},
		{Pattern: "DELETE /api/tokens/{id}", Handler: only(s.handleRevoke)},
	}
}

func (s *Store) handleList(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, s.List())
}

// Created is the answer to POST /api/tokens: the secret appears only here.
type Created struct {
	Info
	Token string `json:"token"`
}

func (s *Store) handleCreate(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name  string `json:"name"`
		Scope Scope  `json:"scope"`
	}
	if err := httpapi.DecodeStrict(r, &body); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	info, secret, err := s.Create(body.Name, body.Scope)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusCreated, Created{Info: info, Token: secret})
}

func (s *Store) handleRevoke(w http.ResponseWriter, r *http.Request) {
	if err := s.Revoke(r.PathValue("id")); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

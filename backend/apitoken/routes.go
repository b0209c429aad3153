package apitoken

import (
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// Routes serves GET|POST /api/tokens and DELETE /api/tokens/{id}. Only
// the desktop token may manage tokens (desktop reports whether a request
// carries it): an external tool can neither mint nor list tokens. Each
// handler calls the Service method of the same meaning.
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
	v := s.Service()
	return []module.Route{
		{Pattern: "GET /api/tokens", Handler: only(func(w http.ResponseWriter, r *http.Request) {
			list, _ := v.List(r.Context())
			httpapi.WriteJSON(w, http.StatusOK, list)
		})},
		{Pattern: "POST /api/tokens", Handler: only(func(w http.ResponseWriter, r *http.Request) {
			var req CreateRequest
			if err := httpapi.DecodeStrict(r, &req); err != nil {
				httpapi.WriteError(w, err)
				return
			}
			created, err := v.Create(r.Context(), req)
			if err != nil {
				httpapi.WriteError(w, err)
				return
			}
			httpapi.WriteJSON(w, http.StatusCreated, created)
		})},
		{Pattern: "DELETE /api/tokens/{id}", Handler: only(func(w http.ResponseWriter, r *http.Request) {
			if _, err := v.Revoke(r.Context(), RevokeRequest{ID: r.PathValue("id")}); err != nil {
				httpapi.WriteError(w, err)
				return
			}
			w.WriteHeader(http.StatusNoContent)
		})},
	}
}

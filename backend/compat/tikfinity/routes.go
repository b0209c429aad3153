package tikfinity

import (
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// Routes implements module.RouteProvider: GET answers the status (settings
// included), PUT {"enabled", "port"} applies and answers the new status
// (each calls the Service method of the same meaning).
func (m *Module) Routes() []module.Route {
	s := m.Service()
	return []module.Route{
		{Pattern: "GET /api/compat/tikfinity", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			st, _ := s.Status(r.Context())
			httpapi.WriteJSON(w, http.StatusOK, st)
		})},
		{Pattern: "PUT /api/compat/tikfinity", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var next Settings
			if err := httpapi.DecodeStrict(r, &next); err != nil {
				httpapi.WriteError(w, err)
				return
			}
			st, err := s.Apply(r.Context(), next)
			if err != nil {
				httpapi.WriteError(w, err)
				return
			}
			httpapi.WriteJSON(w, http.StatusOK, st)
		})},
	}
}

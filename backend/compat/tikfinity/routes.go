package tikfinity

import (
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// Routes implements module.RouteProvider: GET answers the status (settings
// included), PUT {"enabled", "port"} applies and answers the new status.
func (m *Module) Routes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/compat/tikfinity", Handler: http.HandlerFunc(m.getStatus)},
		{Pattern: "PUT /api/compat/tikfinity", Handler: http.HandlerFunc(m.putSettings)},
	}
}

func (m *Module) getStatus(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, m.Status())
}

func (m *Module) putSettings(w http.ResponseWriter, r *http.Request) {
	var s Settings
	if err := httpapi.DecodeStrict(r, &s); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	if err := m.Apply(s); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, m.Status())
}

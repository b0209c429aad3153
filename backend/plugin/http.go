package plugin

import (
	"context"
	"net/http"
	"strings"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// serviceRoutes are the host's dashboard endpoints: listener routes of
// their own (documented, reachable as service methods too), in front of
// the /api/plugins/ dispatcher. Each handler only decodes, calls the
// service (svc.go) and encodes.
func (m *Manager) serviceRoutes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/plugins", Handler: http.HandlerFunc(m.handleList)},
		{Pattern: "POST /api/plugins/{id}/enable", Handler: handleID(m.Service().Enable),
			Summary: "Enable a plugin (starts it; remembered in the profile)"},
		{Pattern: "POST /api/plugins/{id}/disable", Handler: handleID(m.Service().Disable),
			Summary: "Disable a plugin (stops it; remembered in the profile)"},
		{Pattern: "POST /api/plugins/{id}/reload", Handler: handleID(m.Service().Reload),
			Summary: "Restart a plugin"},
		{Pattern: "GET /api/plugins/{id}/settings", Handler: handleID(m.Service().Settings),
			Summary: "A plugin's settings, defaults filled in"},
		{Pattern: "PUT /api/plugins/{id}/settings", Handler: http.HandlerFunc(m.handlePutSettings), // the listener's default body limit (1 MiB)
			Summary: "Replace a plugin's settings (checked against its schema, applied to the running plugin)"},
		{Pattern: "GET /api/plugins/{id}/logs", Handler: handleID(m.Service().Logs),
			Summary: "A plugin's recent log lines"},
	}
}

// apiHandler dispatches every other /api/plugins/<id>/... request to the
// running plugin's routes.
func (m *Manager) apiHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/plugins/{id}/", m.servePluginAPI)
	return mux
}

func (m *Manager) handleList(w http.ResponseWriter, r *http.Request) {
	v, err := m.Service().List(r.Context())
	httpapi.Reply(w, http.StatusOK, v, err)
}

// handleID serves a service method that takes the plugin id of the path.
func handleID[T any](f func(context.Context, IDRequest) (T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := f(r.Context(), IDRequest{ID: r.PathValue("id")})
		httpapi.Reply(w, http.StatusOK, v, err)
	}
}

func (m *Manager) handlePutSettings(w http.ResponseWriter, r *http.Request) {
	body, err := httpapi.ReadBody(r)
	if err != nil {
		httpapi.WriteErrorText(w, http.StatusRequestEntityTooLarge, "settings body too large")
		return
	}
	v, err := m.Service().PutSettings(r.Context(), PutSettingsRequest{ID: r.PathValue("id"), Settings: body})
	httpapi.Reply(w, http.StatusOK, v, err)
}

// servePluginAPI dispatches to the running plugin's routes (404 when the
// plugin is unknown, stopped, or has no such route).
func (m *Manager) servePluginAPI(w http.ResponseWriter, r *http.Request) {
	in := m.byID[r.PathValue("id")]
	if in == nil {
		http.NotFound(w, r)
		return
	}
	api, _ := in.routes()
	if api == nil {
		httpapi.WriteErrorText(w, http.StatusNotFound, "plugin "+in.id()+" is not running")
		return
	}
	api.ServeHTTP(w, r)
}

// serveAssets serves GET /plugins/<id>/... from the running plugin's
// assets.
func (m *Manager) serveAssets(w http.ResponseWriter, r *http.Request) {
	id, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/plugins/"), "/")
	in := m.byID[id]
	if in == nil {
		http.NotFound(w, r)
		return
	}
	_, assets := in.routes()
	if assets == nil {
		http.NotFound(w, r)
		return
	}
	assets.ServeHTTP(w, r)
}

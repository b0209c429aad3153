package plugin

import (
	"io"
	"net/http"
	"strings"

	"github.com/ltth/ltth/backend/httpapi"
)

// maxSettingsBody bounds PUT /api/plugins/{id}/settings.
const maxSettingsBody = 1 << 20

// apiHandler serves the host's per-plugin endpoints and dispatches every
// other /api/plugins/<id>/... request to the running plugin's routes.
func (m *Manager) apiHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/plugins/{id}/enable", m.handleEnable(true))
	mux.HandleFunc("POST /api/plugins/{id}/disable", m.handleEnable(false))
	mux.HandleFunc("POST /api/plugins/{id}/reload", m.handleReload)
	mux.HandleFunc("GET /api/plugins/{id}/settings", m.handleGetSettings)
	mux.HandleFunc("PUT /api/plugins/{id}/settings", m.handlePutSettings)
	mux.HandleFunc("GET /api/plugins/{id}/logs", m.handleLogs)
	mux.HandleFunc("/api/plugins/{id}/", m.servePluginAPI)
	return mux
}

func (m *Manager) handleList(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, m.List())
}

func (m *Manager) handleEnable(on bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		inf, err := m.SetEnabled(r.Context(), r.PathValue("id"), on)
		reply(w, inf, err)
	}
}

func (m *Manager) handleReload(w http.ResponseWriter, r *http.Request) {
	inf, err := m.Reload(r.Context(), r.PathValue("id"))
	reply(w, inf, err)
}

func (m *Manager) handleGetSettings(w http.ResponseWriter, r *http.Request) {
	v, err := m.Settings(r.PathValue("id"))
	reply(w, v, err)
}

func (m *Manager) handlePutSettings(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxSettingsBody))
	if err != nil {
		httpapi.WriteErrorText(w, http.StatusRequestEntityTooLarge, "settings body too large")
		return
	}
	v, err := m.PutSettings(r.Context(), r.PathValue("id"), body)
	reply(w, v, err)
}

func (m *Manager) handleLogs(w http.ResponseWriter, r *http.Request) {
	v, err := m.Logs(r.PathValue("id"))
	reply(w, v, err)
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

func reply(w http.ResponseWriter, v any, err error) {
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, v)
}

package update

import (
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// Routes are the update API (each handler calls the Service method of the
// same meaning). Settings live under /api/update so the Settings page can
// show them ({enabled, feedUrl}).
func (u *Updater) Routes() []module.Route {
	s := u.Service()
	return []module.Route{
		{Pattern: "GET /api/update", Summary: "Update settings: {enabled, feedUrl}", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			v, err := s.Settings(r.Context())
			httpapi.Reply(w, http.StatusOK, v, err)
		})},
		{Pattern: "PUT /api/update", Summary: "Save update settings {enabled, feedUrl}", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var next Settings
			if err := httpapi.DecodeStrict(r, &next); err != nil {
				httpapi.WriteError(w, err)
				return
			}
			v, err := s.SaveSettings(r.Context(), next)
			httpapi.Reply(w, http.StatusOK, v, err)
		})},
		{Pattern: "GET /api/update/status", Summary: "Update state: current and latest version, download progress", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			v, err := s.Status(r.Context())
			httpapi.Reply(w, http.StatusOK, v, err)
		})},
		{Pattern: "POST /api/update/check", Summary: "Check the release feed now", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			v, err := s.Check(r.Context())
			httpapi.Reply(w, http.StatusOK, v, err)
		})},
		{Pattern: "POST /api/update/download", Summary: "Download and verify the newer release (progress on the updateStatus message)", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			v, err := s.Download(r.Context())
			httpapi.Reply(w, http.StatusAccepted, v, err)
		})},
		{Pattern: "POST /api/update/install", Summary: "Install the verified download (Windows: on the next start; Linux: replaces the binary)", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			v, err := s.Install(r.Context())
			httpapi.Reply(w, http.StatusOK, v, err)
		})},
	}
}

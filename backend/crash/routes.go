package crash

import (
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// Routes are the crash-report API: the dashboard lists unseen reports on
// start, shows one and marks it seen (each handler calls the Service
// method of the same meaning).
func (r *Reports) Routes() []module.Route {
	s := r.Service()
	return []module.Route{
		{Pattern: "GET /api/crash-reports", Summary: "Crash reports in the logs folder, newest first (seen flag per report)", Handler: http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			list, err := s.List(req.Context())
			if err != nil {
				httpapi.WriteError(w, err)
				return
			}
			httpapi.WriteJSON(w, http.StatusOK, list)
		})},
		{Pattern: "GET /api/crash-reports/{id}", Summary: "One crash report's text", Handler: http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			text, err := s.Read(req.Context(), ReportRequest{ID: req.PathValue("id")})
			if err != nil {
				httpapi.WriteError(w, err)
				return
			}
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.Write([]byte(text))
		})},
		{Pattern: "POST /api/crash-reports/seen", Summary: "Mark every crash report as seen", Handler: http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			seen(w, s, req, "")
		})},
		{Pattern: "POST /api/crash-reports/{id}/seen", Summary: "Mark one crash report as seen", Handler: http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			seen(w, s, req, req.PathValue("id"))
		})},
	}
}

func seen(w http.ResponseWriter, s *Service, req *http.Request, id string) {
	if _, err := s.MarkSeen(req.Context(), ReportRequest{ID: id}); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

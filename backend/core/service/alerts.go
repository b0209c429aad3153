package service

// Alerts: alert.Service (backend/alert/svc.go). Test, Skip and Clear share
// one REST pattern (alert.Module.Routes says why): POST /api/alerts/test/{type},
// /api/alerts/{screen}/skip and /api/alerts/{screen}/clear.
func init() {
	declare(map[string]string{
		"Alerts.Configs":   "GET /api/alerts/config",
		"Alerts.PutConfig": "PUT /api/alerts/config/{eventType}",
		"Alerts.Test":      "POST /api/alerts/{a}/{b}",
		"Alerts.Pause":     "POST /api/alerts/pause",
		"Alerts.Skip":      "POST /api/alerts/{a}/{b}",
		"Alerts.Clear":     "POST /api/alerts/{a}/{b}",
		"Alerts.Status":    "GET /api/alerts/status",
		"Alerts.Screens":   "GET /api/alerts/screens",
	}, nil)
}

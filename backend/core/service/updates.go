package service

// Updates: update.Service (backend/update/svc.go).
func init() {
	declare(map[string]string{
		"Updates.Settings":     "GET /api/update",
		"Updates.SaveSettings": "PUT /api/update",
		"Updates.Status":       "GET /api/update/status",
		"Updates.Check":        "POST /api/update/check",
		"Updates.Download":     "POST /api/update/download",
		"Updates.Install":      "POST /api/update/install",
	}, nil)
}

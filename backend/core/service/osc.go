package service

// OSC: osc.Service (backend/osc/svc.go). The VRChat plugin's routes
// (/api/plugins/vrchat/…) are the plugin's, not this service's.
func init() {
	declare(map[string]string{
		"OSC.Settings":     "GET /api/osc/settings",
		"OSC.SaveSettings": "PUT /api/osc/settings",
		"OSC.Status":       "GET /api/osc/status",
		"OSC.Log":          "GET /api/osc/log",
		"OSC.Send":         "POST /api/osc/send",
	}, nil)
}

package service

// OBS: obs.Service (backend/obs/svc.go). The screenshot is the same
// method on both transports: REST answers its bytes as an image/jpeg body,
// the bindings as {contentType, data (base64)}.
func init() {
	declare(map[string]string{
		"OBS.Settings":       "GET /api/obs/settings",
		"OBS.SaveSettings":   "PUT /api/obs/settings",
		"OBS.Status":         "GET /api/obs/status",
		"OBS.State":          "GET /api/obs/state",
		"OBS.Options":        "GET /api/obs/options",
		"OBS.SetScene":       "POST /api/obs/scene",
		"OBS.Command":        "POST /api/obs/command",
		"OBS.Screenshot":     "GET /api/obs/screenshot",
		"OBS.AddOverlays":    "POST /api/obs/overlays",
		"OBS.BrowserSources": "POST /api/obs/browser-sources",
	}, nil)
}

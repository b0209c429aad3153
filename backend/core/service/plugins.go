package service

// Plugins: plugin.Service (backend/plugin/svc.go), the plugin host's
// dashboard endpoints. ExternalPlugins: external.Service
// (backend/plugin/external/svc.go). Not service methods: a plugin's own
// routes under /api/plugins/{id}/… (the plugin's API, called by the page
// it ships, e.g. the soundboard's library.html, opened from the Plugins
// page), its media and assets (overlays in OBS), and the external plugins'
// websocket /api/plugins/ext/ws (the plugin processes connect to it).
func init() {
	declare(map[string]string{
		"Plugins.List":         "GET /api/plugins",
		"Plugins.Enable":       "POST /api/plugins/{id}/enable",
		"Plugins.Disable":      "POST /api/plugins/{id}/disable",
		"Plugins.Reload":       "POST /api/plugins/{id}/reload",
		"Plugins.Settings":     "GET /api/plugins/{id}/settings",
		"Plugins.PutSettings":  "PUT /api/plugins/{id}/settings",
		"Plugins.Logs":         "GET /api/plugins/{id}/logs",
		"ExternalPlugins.List": "GET /api/plugins/ext",
	}, nil)
}

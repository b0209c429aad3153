package service

// Connection: connector.Service (backend/tiktok/connector/svc.go).
func init() {
	declare(map[string]string{
		"Connection.Status":             "GET /api/connection",
		"Connection.Connect":            "POST /api/connection/connect",
		"Connection.Disconnect":         "POST /api/connection/disconnect",
		"Connection.Settings":           "GET /api/connection/settings",
		"Connection.UpdateSettings":     "PUT /api/connection/settings",
		"Connection.Record":             "POST /api/connection/record",
		"Connection.StartReplay":        "POST /api/replay",
		"Connection.StopReplay":         "POST /api/replay/stop",
		"Connection.ConfirmBrowserPath": "POST /api/connection/browser-path/confirm",
		"Connection.Captures":           "GET /api/captures",
	}, map[string]string{
		"Connection.SaveCapture": "takes the capture file's bytes as a stream, which a binding cannot carry: " +
			"the browser uploads them to POST /api/captures, the desktop picks the file in the native Open " +
			"dialog and App.OpenCapture hands it to this method directly",
	})
}

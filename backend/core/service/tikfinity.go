package service

// TikFinity: tikfinity.Service (backend/compat/tikfinity/svc.go), the
// settings of the TikFinity-compatible event websocket (the websocket
// itself is for other tools, not a service method).
func init() {
	declare(map[string]string{
		"TikFinity.Status": "GET /api/compat/tikfinity",
		"TikFinity.Apply":  "PUT /api/compat/tikfinity",
	}, nil)
}

package service

// History: history.Service (backend/history/svc.go). Export is a download:
// REST streams it as an attachment, the desktop's HistoryService.Export
// writes it to the file the streamer picks in the native Save dialog.
func init() {
	declare(map[string]string{
		"History.Streams":   "GET /api/streams",
		"History.Compare":   "GET /api/streams/compare",
		"History.Stream":    "GET /api/streams/{id}",
		"History.Export":    "GET /api/streams/{id}/export",
		"History.Events":    "GET /api/events",
		"History.Viewers":   "GET /api/viewers",
		"History.Viewer":    "GET /api/viewers/{userId}",
		"History.SetNotes":  "PUT /api/viewers/{userId}/notes",
		"History.AddPoints": "POST /api/viewers/{userId}/points",
		"History.Rules":     "GET /api/history/points-rules",
		"History.SetRules":  "PUT /api/history/points-rules",
	}, nil)
}

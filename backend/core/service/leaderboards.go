package service

// Leaderboards: leaderboard.Service (backend/leaderboard/service.go).
func init() {
	declare(map[string]string{
		"Leaderboards.Top":   "GET /api/leaderboards/{board}",
		"Leaderboards.Reset": "POST /api/leaderboards/{board}/reset",
	}, nil)
}

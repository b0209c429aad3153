package service

// Goals: goal.Service (backend/goal/svc.go). The overlay page and its
// assets (/overlay/goal.*) are no dashboard calls.
func init() {
	declare(map[string]string{
		"Goals.List":   "GET /api/goals",
		"Goals.Create": "POST /api/goals",
		"Goals.Get":    "GET /api/goals/{id}",
		"Goals.Put":    "PUT /api/goals/{id}",
		"Goals.Delete": "DELETE /api/goals/{id}",
		"Goals.Adjust": "POST /api/goals/{id}/adjust",
	}, nil)
}

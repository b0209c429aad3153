package service

// APITokens: apitoken.Service (backend/apitoken/svc.go); over REST only
// the desktop's own token reaches them.
func init() {
	declare(map[string]string{
		"APITokens.List":   "GET /api/tokens",
		"APITokens.Create": "POST /api/tokens",
		"APITokens.Revoke": "DELETE /api/tokens/{id}",
	}, nil)
}

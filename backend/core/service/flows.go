package service

// Flows: flow.Service (backend/flow/svc.go). Run, Test and Enable share one
// route (POST /api/flows/{id}/{op}, op = run|test|enable): separate
// patterns would conflict with the webhook's POST
// /api/flows/webhook/{hookId}, which is no service method (outside tools
// call it, not the dashboard).
func init() {
	declare(map[string]string{
		"Flows.List":         "GET /api/flows",
		"Flows.Get":          "GET /api/flows/{id}",
		"Flows.Put":          "PUT /api/flows/{id}",
		"Flows.Delete":       "DELETE /api/flows/{id}",
		"Flows.Enable":       "POST /api/flows/{id}/{op}",
		"Flows.Run":          "POST /api/flows/{id}/{op}",
		"Flows.Test":         "POST /api/flows/{id}/{op}",
		"Flows.Runs":         "GET /api/flows/{id}/runs",
		"Flows.Import":       "POST /api/flows/import",
		"Flows.Export":       "GET /api/flows/export",
		"Flows.Registry":     "GET /api/flow-registry",
		"Flows.Variables":    "GET /api/variables",
		"Flows.SetVariables": "PUT /api/variables",
	}, nil)
}

package service

// CrashReports: crash.Service (backend/crash/svc.go). MarkSeen with no id
// is also POST /api/crash-reports/seen.
func init() {
	declare(map[string]string{
		"CrashReports.List":     "GET /api/crash-reports",
		"CrashReports.Read":     "GET /api/crash-reports/{id}",
		"CrashReports.MarkSeen": "POST /api/crash-reports/{id}/seen",
	}, nil)
}

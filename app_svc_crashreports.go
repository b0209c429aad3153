package main

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/crash"
)

// CrashReportsService is crash.Service bound to the window.
type CrashReportsService struct{ app *App }

// List answers the crash reports; see crash.Service.List.
func (s *CrashReportsService) List() ([]crash.Report, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]crash.Report, error) {
		return v.CrashReports.List(ctx)
	})
}

// Read answers one report's text; see crash.Service.Read.
func (s *CrashReportsService) Read(req crash.ReportRequest) (string, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (string, error) {
		return v.CrashReports.Read(ctx, req)
	})
}

// MarkSeen marks reports seen; see crash.Service.MarkSeen.
func (s *CrashReportsService) MarkSeen(req crash.ReportRequest) (crash.Marked, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (crash.Marked, error) {
		return v.CrashReports.MarkSeen(ctx, req)
	})
}

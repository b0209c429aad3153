package main

import (
	"context"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/alert"
	"github.com/ltth/ltth/backend/core/service"
)

// AlertsService is alert.Service bound to the window.
type AlertsService struct{ app *App }

// Configs answers every type's alert config; see alert.Service.Configs.
func (s *AlertsService) Configs() (map[string]alert.Config, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (map[string]alert.Config, error) {
		return v.Alerts.Configs(ctx)
	})
}

// PutConfig changes one type's alert config; see alert.Service.PutConfig.
func (s *AlertsService) PutConfig(req alert.PutConfigRequest) (alert.Config, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (alert.Config, error) {
		return v.Alerts.PutConfig(ctx, req)
	})
}

// Test queues a sample alert; see alert.Service.Test.
func (s *AlertsService) Test(req alert.TestRequest) (alert.TestResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (alert.TestResult, error) {
		return v.Alerts.Test(ctx, req)
	})
}

// Pause pauses or resumes alerts; see alert.Service.Pause.
func (s *AlertsService) Pause(req alert.PauseRequest) (alert.Paused, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (alert.Paused, error) {
		return v.Alerts.Pause(ctx, req)
	})
}

// Skip ends a screen's alert; see alert.Service.Skip.
func (s *AlertsService) Skip(req alert.ScreenRequest) (alert.SkipResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (alert.SkipResult, error) {
		return v.Alerts.Skip(ctx, req)
	})
}

// Clear ends a screen's alert and drops its queue; see alert.Service.Clear.
func (s *AlertsService) Clear(req alert.ScreenRequest) (alert.ClearResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (alert.ClearResult, error) {
		return v.Alerts.Clear(ctx, req)
	})
}

// Status answers the queues; see alert.Service.Status.
func (s *AlertsService) Status() (alert.QueueStatus, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (alert.QueueStatus, error) {
		return v.Alerts.Status(ctx)
	})
}

// Screens answers the screens in use; see alert.Service.Screens.
func (s *AlertsService) Screens() ([]action.Option, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]action.Option, error) {
		return v.Alerts.Screens(ctx)
	})
}

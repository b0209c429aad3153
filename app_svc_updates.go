package main

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/update"
)

// UpdatesService is update.Service bound to the window.
type UpdatesService struct{ app *App }

// Settings answers the update settings; see update.Service.Settings.
func (s *UpdatesService) Settings() (update.Settings, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (update.Settings, error) {
		return v.Updates.Settings(ctx)
	})
}

// SaveSettings saves the update settings; see update.Service.SaveSettings.
func (s *UpdatesService) SaveSettings(next update.Settings) (update.Settings, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (update.Settings, error) {
		return v.Updates.SaveSettings(ctx, next)
	})
}

// Status answers the update state; see update.Service.Status.
func (s *UpdatesService) Status() (update.Status, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (update.Status, error) {
		return v.Updates.Status(ctx)
	})
}

// Check checks the release feed now; see update.Service.Check.
func (s *UpdatesService) Check() (update.Status, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (update.Status, error) {
		return v.Updates.Check(ctx)
	})
}

// Download starts the download; see update.Service.Download.
func (s *UpdatesService) Download() (update.Status, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (update.Status, error) {
		return v.Updates.Download(ctx)
	})
}

// Install installs the verified download; see update.Service.Install.
func (s *UpdatesService) Install() (update.Status, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (update.Status, error) {
		return v.Updates.Install(ctx)
	})
}

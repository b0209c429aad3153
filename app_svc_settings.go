package main

import (
	"context"

	"github.com/ltth/ltth/backend/appconfig"
	"github.com/ltth/ltth/backend/core/service"
)

// SettingsService is service.Settings bound to the window.
type SettingsService struct{ app *App }

// Get answers the app settings; see service.Settings.Get.
func (s *SettingsService) Get() (service.AppSettingsView, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.AppSettingsView, error) {
		return v.Settings.Get(ctx)
	})
}

// Put saves the app settings; see service.Settings.Put.
func (s *SettingsService) Put(next appconfig.Config) (service.AppSettingsView, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.AppSettingsView, error) {
		return v.Settings.Put(ctx, next)
	})
}

// RotateToken replaces the API token; see service.Settings.RotateToken.
func (s *SettingsService) RotateToken() (service.TokenResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.TokenResult, error) {
		return v.Settings.RotateToken(ctx)
	})
}

// Token answers the API token; see service.Settings.Token.
func (s *SettingsService) Token() (service.TokenResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.TokenResult, error) {
		return v.Settings.Token(ctx)
	})
}

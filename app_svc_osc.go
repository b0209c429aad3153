package main

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/osc"
)

// OSCService is osc.Service bound to the window.
type OSCService struct{ app *App }

// Settings answers the bridge settings; see osc.Service.Settings.
func (s *OSCService) Settings() (osc.Settings, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (osc.Settings, error) {
		return v.OSC.Settings(ctx)
	})
}

// SaveSettings changes the bridge settings; see osc.Service.SaveSettings.
func (s *OSCService) SaveSettings(req osc.SettingsPatch) (osc.SettingsResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (osc.SettingsResult, error) {
		return v.OSC.SaveSettings(ctx, req)
	})
}

// Status answers the bridge status; see osc.Service.Status.
func (s *OSCService) Status() (osc.Status, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (osc.Status, error) {
		return v.OSC.Status(ctx)
	})
}

// Log answers the live log; see osc.Service.Log.
func (s *OSCService) Log() ([]osc.Entry, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]osc.Entry, error) {
		return v.OSC.Log(ctx)
	})
}

// Send sends one OSC message; see osc.Service.Send.
func (s *OSCService) Send(req osc.Send) (osc.SendResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (osc.SendResult, error) {
		return v.OSC.Send(ctx, req)
	})
}

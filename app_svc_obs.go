package main

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/obs"
)

// OBSService is obs.Service bound to the window (the Screenshot bytes reach JS as base64).
type OBSService struct{ app *App }

// Settings answers the connection settings, the password masked; see obs.Service.Settings.
func (s *OBSService) Settings() (obs.SettingsView, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (obs.SettingsView, error) {
		return v.OBS.Settings(ctx)
	})
}

// SaveSettings changes the connection settings; see obs.Service.SaveSettings.
func (s *OBSService) SaveSettings(req obs.SettingsPatch) (obs.SettingsView, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (obs.SettingsView, error) {
		return v.OBS.SaveSettings(ctx, req)
	})
}

// Status answers the connection status; see obs.Service.Status.
func (s *OBSService) Status() (obs.Status, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (obs.Status, error) {
		return v.OBS.Status(ctx)
	})
}

// State answers OBS's scenes, sources and filters; see obs.Service.State.
func (s *OBSService) State() (obs.State, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (obs.State, error) {
		return v.OBS.State(ctx)
	})
}

// Options answers a choice list of the flow editor; see obs.Service.Options.
func (s *OBSService) Options(req obs.OptionsRequest) ([]obs.Option, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]obs.Option, error) {
		return v.OBS.Options(ctx, req)
	})
}

// SetScene switches the program scene; see obs.Service.SetScene.
func (s *OBSService) SetScene(req obs.SceneRequest) (obs.CommandResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (obs.CommandResult, error) {
		return v.OBS.SetScene(ctx, req)
	})
}

// Command runs one OBS command; see obs.Service.Command.
func (s *OBSService) Command(req obs.Command) (obs.CommandResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (obs.CommandResult, error) {
		return v.OBS.Command(ctx, req)
	})
}

// Screenshot answers a small JPEG of the program scene; see obs.Service.Screenshot.
func (s *OBSService) Screenshot() (obs.Screenshot, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (obs.Screenshot, error) {
		return v.OBS.Screenshot(ctx)
	})
}

// AddOverlays adds LTTH's overlay sources to a scene; see obs.Service.AddOverlays.
func (s *OBSService) AddOverlays(req obs.OverlaysRequest) (obs.SourcesResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (obs.SourcesResult, error) {
		return v.OBS.AddOverlays(ctx, req)
	})
}

// BrowserSources creates or updates browser sources ("Add to OBS"); see obs.Service.BrowserSources.
func (s *OBSService) BrowserSources(req obs.BrowserSourcesRequest) (obs.SourcesResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (obs.SourcesResult, error) {
		return v.OBS.BrowserSources(ctx, req)
	})
}

package main

import (
	"context"
	"encoding/json"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/plugin"
	"github.com/ltth/ltth/backend/plugin/external"
)

// PluginsService is plugin.Service (the plugin host) bound to the window.
type PluginsService struct{ app *App }

// ExternalPluginsService is external.Service bound to the window.
type ExternalPluginsService struct{ app *App }

// List describes every plugin; see plugin.Service.List.
func (s *PluginsService) List() ([]plugin.Info, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]plugin.Info, error) {
		return v.Plugins.List(ctx)
	})
}

// Enable starts a plugin; see plugin.Service.Enable.
func (s *PluginsService) Enable(req plugin.IDRequest) (plugin.Info, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (plugin.Info, error) {
		return v.Plugins.Enable(ctx, req)
	})
}

// Disable stops a plugin; see plugin.Service.Disable.
func (s *PluginsService) Disable(req plugin.IDRequest) (plugin.Info, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (plugin.Info, error) {
		return v.Plugins.Disable(ctx, req)
	})
}

// Reload restarts a plugin; see plugin.Service.Reload.
func (s *PluginsService) Reload(req plugin.IDRequest) (plugin.Info, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (plugin.Info, error) {
		return v.Plugins.Reload(ctx, req)
	})
}

// Settings answers a plugin's settings; see plugin.Service.Settings.
func (s *PluginsService) Settings(req plugin.IDRequest) (json.RawMessage, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (json.RawMessage, error) {
		return v.Plugins.Settings(ctx, req)
	})
}

// PutSettings replaces a plugin's settings; see plugin.Service.PutSettings.
func (s *PluginsService) PutSettings(req plugin.PutSettingsRequest) (json.RawMessage, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (json.RawMessage, error) {
		return v.Plugins.PutSettings(ctx, req)
	})
}

// Logs answers a plugin's recent log; see plugin.Service.Logs.
func (s *PluginsService) Logs(req plugin.IDRequest) ([]plugin.LogLine, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]plugin.LogLine, error) {
		return v.Plugins.Logs(ctx, req)
	})
}

// List describes the external plugins; see external.Service.List.
func (s *ExternalPluginsService) List() (external.List, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (external.List, error) {
		return v.ExternalPlugins.List(ctx)
	})
}

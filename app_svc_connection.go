package main

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/tiktok/connector"
)

// ConnectionService is connector.Service bound to the window. SaveCapture
// is not bound (it takes a stream): App.OpenCapture calls it directly.
type ConnectionService struct{ app *App }

// Status is the connection status; see connector.Service.Status.
func (s *ConnectionService) Status() (connector.Status, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (connector.Status, error) {
		return v.Connection.Status(ctx)
	})
}

// Connect connects to req.Target; see connector.Service.Connect.
func (s *ConnectionService) Connect(req connector.ConnectRequest) (connector.Status, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (connector.Status, error) {
		return v.Connection.Connect(ctx, req)
	})
}

// Disconnect stops the connection; see connector.Service.Disconnect.
func (s *ConnectionService) Disconnect() (connector.Status, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (connector.Status, error) {
		return v.Connection.Disconnect(ctx)
	})
}

// Settings answers the settings, secrets masked; see connector.Service.Settings.
func (s *ConnectionService) Settings() (connector.SettingsView, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (connector.SettingsView, error) {
		return v.Connection.Settings(ctx)
	})
}

// UpdateSettings applies a patch; see connector.Service.UpdateSettings.
func (s *ConnectionService) UpdateSettings(p connector.SettingsPatch) (connector.SettingsView, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (connector.SettingsView, error) {
		return v.Connection.UpdateSettings(ctx, p)
	})
}

// Record turns capture recording on or off; see connector.Service.Record.
func (s *ConnectionService) Record(req connector.RecordRequest) (connector.Recording, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (connector.Recording, error) {
		return v.Connection.Record(ctx, req)
	})
}

// StartReplay plays a capture; see connector.Service.StartReplay.
func (s *ConnectionService) StartReplay(req connector.ReplayRequest) (connector.ReplayStarted, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (connector.ReplayStarted, error) {
		return v.Connection.StartReplay(ctx, req)
	})
}

// StopReplay stops the running replay; see connector.Service.StopReplay.
func (s *ConnectionService) StopReplay() (connector.ReplayStopped, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (connector.ReplayStopped, error) {
		return v.Connection.StopReplay(ctx)
	})
}

// ConfirmBrowserPath lets the browser source run the reviewed path; see
// connector.Service.ConfirmBrowserPath.
func (s *ConnectionService) ConfirmBrowserPath(req connector.ConfirmRequest) (connector.BrowserPathConfirmed, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (connector.BrowserPathConfirmed, error) {
		return v.Connection.ConfirmBrowserPath(ctx, req)
	})
}

// Captures lists the capture files; see connector.Service.Captures.
func (s *ConnectionService) Captures() ([]connector.CaptureInfo, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]connector.CaptureInfo, error) {
		return v.Connection.Captures(ctx)
	})
}

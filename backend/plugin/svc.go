package plugin

import (
	"context"
	"encoding/json"
)

// Service is the plugin host's dashboard API as both transports reach it:
// the REST handlers (http.go) and the desktop's bindings call these methods
// (core/service gathers it as Services.Plugins). A plugin's own routes
// (Host.Handle) are not part of it: they are the plugin's, served on the
// listener.
type Service struct{ m *Manager }

// Service answers the host's service.
func (m *Manager) Service() *Service { return &Service{m} }

// IDRequest names one plugin.
type IDRequest struct {
	ID string `json:"id"`
}

// PutSettingsRequest replaces one plugin's settings. Settings is a JSON
// object whose shape the plugin's manifest defines (its settings schema),
// so it stays raw here; PutSettings checks it against that schema.
type PutSettingsRequest struct {
	ID       string          `json:"id"`
	Settings json.RawMessage `json:"settings"`
}

// List describes every plugin, in id order.
func (s *Service) List(context.Context) ([]Info, error) { return s.m.List(), nil }

// Enable starts a plugin and remembers it as enabled in the profile.
func (s *Service) Enable(ctx context.Context, req IDRequest) (Info, error) {
	return s.m.SetEnabled(ctx, req.ID, true)
}

// Disable stops a plugin and remembers it as disabled in the profile.
func (s *Service) Disable(ctx context.Context, req IDRequest) (Info, error) {
	return s.m.SetEnabled(ctx, req.ID, false)
}

// Reload stops a plugin and starts it again (if enabled).
func (s *Service) Reload(ctx context.Context, req IDRequest) (Info, error) {
	return s.m.Reload(ctx, req.ID)
}

// Settings answers a plugin's settings with defaults filled in: a JSON
// object shaped by the plugin's own schema (hence raw).
func (s *Service) Settings(_ context.Context, req IDRequest) (json.RawMessage, error) {
	return s.m.Settings(req.ID)
}

// PutSettings checks req.Settings against the plugin's schema, stores them
// and applies them to the running plugin; it answers them normalized
// (defaults filled in). Settings the plugin refuses are not kept
// (ErrSettings).
func (s *Service) PutSettings(ctx context.Context, req PutSettingsRequest) (json.RawMessage, error) {
	return s.m.PutSettings(ctx, req.ID, req.Settings)
}

// Logs answers a plugin's recent log lines, oldest first.
func (s *Service) Logs(_ context.Context, req IDRequest) ([]LogLine, error) {
	return s.m.Logs(req.ID)
}

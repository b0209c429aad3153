package service

import (
	"context"

	"github.com/ltth/ltth/backend/appconfig"
	"github.com/ltth/ltth/backend/httpapi"
)

// Settings: the app-level settings and the API token (core/settings.go).
func init() {
	declare(map[string]string{
		"Settings.Get":         "GET /api/settings/app",
		"Settings.Put":         "PUT /api/settings/app",
		"Settings.RotateToken": "POST /api/settings/token/rotate",
		"Settings.Token":       "GET /api/settings/token",
	}, nil)
}

// SettingsBackend is what the settings service needs from the composition
// root.
type SettingsBackend interface {
	AppSettings() AppSettingsView
	// ApplyAppSettings applies and saves next; a refused change (a busy
	// port) changes nothing.
	ApplyAppSettings(next appconfig.Config) error
	RotateToken() (string, error)
	Token() string
}

// AppSettingsStatus is what the Settings page shows next to the settings.
type AppSettingsStatus struct {
	ListenURL       string   `json:"listenUrl"`
	LANAddresses    []string `json:"lanAddresses"`
	LogLevel        string   `json:"logLevel"` // in effect (a --log-level flag may differ from the setting)
	AutostartActive bool     `json:"autostartActive"`
	AutostartError  string   `json:"autostartError,omitempty"`
	DataDir         string   `json:"dataDir"`
	LogsDir         string   `json:"logsDir"`
	Headless        bool     `json:"headless"`
	Notice          string   `json:"notice,omitempty"`
}

// AppSettingsView is the settings with their status (GET/PUT
// /api/settings/app).
type AppSettingsView struct {
	Settings appconfig.Config  `json:"settings"`
	Status   AppSettingsStatus `json:"status"`
}

// TokenResult is the API token just made.
type TokenResult struct {
	Token string `json:"token"`
}

// Settings are the app-level settings (theme, port, LAN, start-up, log
// level, language) and the API token.
type Settings struct{ b Backend }

// Get answers the settings with the listener URL, folders and autostart
// state.
func (s *Settings) Get(context.Context) (AppSettingsView, error) {
	return s.b.AppSettings(), nil
}

// Put validates, applies and saves next (a new port or LAN setting moves
// the listener at once; a busy port is a conflict and changes nothing).
func (s *Settings) Put(_ context.Context, next appconfig.Config) (AppSettingsView, error) {
	if err := next.Validate(); err != nil {
		return AppSettingsView{}, wrap(httpapi.NewError(httpapi.ErrInvalid, "settings: "+err.Error()), nil)
	}
	if err := s.b.ApplyAppSettings(next); err != nil {
		if appconfig.IsPortBusy(err) {
			err = httpapi.NewError(httpapi.ErrConflict, err.Error())
		}
		return AppSettingsView{}, wrap(err, nil)
	}
	return s.b.AppSettings(), nil
}

// Token is the app's API token, for the streamer to copy into a tool (the
// desktop window holds none of its own).
func (s *Settings) Token(context.Context) (TokenResult, error) {
	return TokenResult{Token: s.b.Token()}, nil
}

// RotateToken replaces the API token; the old one is refused at once.
func (s *Settings) RotateToken(context.Context) (TokenResult, error) {
	tok, err := s.b.RotateToken()
	if err != nil {
		return TokenResult{}, wrap(err, nil)
	}
	return TokenResult{Token: tok}, nil
}

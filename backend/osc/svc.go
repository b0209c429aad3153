package osc

import "context"

// Service is the OSC bridge as both transports reach it: the REST handlers
// (http.go) and the desktop's bindings call these methods (core/service
// gathers it as Services.OSC). The VRChat plugin's own routes are not
// part of it.
type Service struct{ m *Module }

// Service answers the module's service.
func (m *Module) Service() *Service { return &Service{m} }

// SettingsPatch is a partial settings object: absent fields keep their
// current value.
type SettingsPatch struct {
	TargetHost *string `json:"targetHost"`
	TargetPort *int    `json:"targetPort"`
	ListenPort *int    `json:"listenPort"`
	Enabled    *bool   `json:"enabled"`
	RateLimit  *int    `json:"rateLimit"`
}

// apply is s with p's fields set over it.
func (p SettingsPatch) apply(s Settings) Settings {
	set := func(dst *int, v *int) {
		if v != nil {
			*dst = *v
		}
	}
	if p.TargetHost != nil {
		s.TargetHost = *p.TargetHost
	}
	set(&s.TargetPort, p.TargetPort)
	set(&s.ListenPort, p.ListenPort)
	set(&s.RateLimit, p.RateLimit)
	if p.Enabled != nil {
		s.Enabled = *p.Enabled
	}
	return s
}

// SettingsResult is the settings after a change, with the status they led
// to (a listen port taken by another app shows in Status.Reason).
type SettingsResult struct {
	Settings Settings `json:"settings"`
	Status   Status   `json:"status"`
}

// SendResult acknowledges a send.
type SendResult struct {
	OK bool `json:"ok"`
}

// Settings answers the bridge's settings.
func (s *Service) Settings(context.Context) (Settings, error) { return s.m.Settings(), nil }

// SaveSettings applies p over the current settings, checks, stores and
// applies them (reopening the sockets).
func (s *Service) SaveSettings(_ context.Context, p SettingsPatch) (SettingsResult, error) {
	if err := s.m.SetSettings(p.apply(s.m.Settings())); err != nil {
		return SettingsResult{}, err
	}
	return SettingsResult{Settings: s.m.Settings(), Status: s.m.Status()}, nil
}

// Status answers the bridge's status and counters.
func (s *Service) Status(context.Context) (Status, error) { return s.m.Status(), nil }

// Log answers the live log (the last 200 messages sent and received),
// oldest first.
func (s *Service) Log(context.Context) ([]Entry, error) {
	s.m.mu.Lock()
	defer s.m.mu.Unlock()
	return s.m.journal.list(), nil
}

// Send sends one message to the target (and its pulse reset, if any).
func (s *Service) Send(_ context.Context, msg Send) (SendResult, error) {
	if err := s.m.Send(msg); err != nil {
		return SendResult{}, err
	}
	return SendResult{OK: true}, nil
}

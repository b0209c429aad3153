package alert

import (
	"context"
	"fmt"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/httpapi"
)

// Service is the alerts capability as both transports reach it: the REST
// handlers (http.go, choices.go) and the desktop's bindings call these
// methods (core/service gathers it as Services.Alerts).
type Service struct{ m *Module }

// Service answers the module's service.
func (m *Module) Service() *Service { return &Service{m} }

// More errors of the service (kinds of the httpapi vocabulary).
var (
	// ErrUnknownScreen is returned for a screen name that cannot exist.
	ErrUnknownScreen = httpapi.NewError(httpapi.ErrNotFound, "unknown screen")
	// ErrPausedRequired is a pause request without "paused".
	ErrPausedRequired = httpapi.NewError(httpapi.ErrInvalid, `body must be {"paused": true|false}`)
)

// ConfigPatch changes one event type's Config: the fields given are set,
// absent (nil) ones keep their value. It is the body of
// PUT /api/alerts/config/{eventType} and of a test alert's preview.
type ConfigPatch struct {
	Enabled    *bool   `json:"enabled,omitempty"`
	Text       *string `json:"text,omitempty"`
	SoundURL   *string `json:"soundUrl,omitempty"`
	ImageURL   *string `json:"imageUrl,omitempty"`
	VideoURL   *string `json:"videoUrl,omitempty"`
	DurationMs *int    `json:"durationMs,omitempty"`
	Animation  *string `json:"animation,omitempty"`
	MinCoins   *int64  `json:"minCoins,omitempty"`
	Screen     *string `json:"screen,omitempty"`
	Priority   *int    `json:"priority,omitempty"`
	ComboSteps *bool   `json:"comboSteps,omitempty"`
}

// Apply answers c with the fields of p set.
func (p ConfigPatch) Apply(c Config) Config {
	set(&c.Enabled, p.Enabled)
	set(&c.Text, p.Text)
	set(&c.SoundURL, p.SoundURL)
	set(&c.ImageURL, p.ImageURL)
	set(&c.VideoURL, p.VideoURL)
	set(&c.DurationMs, p.DurationMs)
	set(&c.Animation, p.Animation)
	set(&c.MinCoins, p.MinCoins)
	set(&c.Screen, p.Screen)
	set(&c.Priority, p.Priority)
	set(&c.ComboSteps, p.ComboSteps)
	return c
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// PutConfigRequest changes the Config of EventType.
type PutConfigRequest struct {
	EventType string      `json:"eventType"`
	Patch     ConfigPatch `json:"patch"`
}

// TestRequest queues a sample alert of EventType; a non-nil Preview is laid
// over the saved Config to try out unsaved settings.
type TestRequest struct {
	EventType string       `json:"eventType"`
	Preview   *ConfigPatch `json:"preview,omitempty"`
}

// TestResult is the queued sample alert; Paused says it waits in the queue.
type TestResult struct {
	Alert  Alert `json:"alert"`
	Paused bool  `json:"paused"`
}

// PauseRequest pauses (true) or resumes (false) every screen; Paused is
// required.
type PauseRequest struct {
	Paused *bool `json:"paused"`
}

// ScreenRequest names one overlay screen.
type ScreenRequest struct {
	Screen string `json:"screen"`
}

// SkipResult says whether an alert was showing on Screen.
type SkipResult struct {
	Screen  string `json:"screen"`
	Skipped bool   `json:"skipped"`
}

// ClearResult says how many alerts were removed from Screen.
type ClearResult struct {
	Screen  string `json:"screen"`
	Cleared int    `json:"cleared"`
}

// QueueStatus is whether alerts are paused and every used screen's queue.
type QueueStatus struct {
	Paused  bool           `json:"paused"`
	Screens []ScreenStatus `json:"screens"`
}

// Configs answers every alertable type's Config, keyed by event type.
func (s *Service) Configs(context.Context) (map[string]Config, error) {
	return s.m.Configs(), nil
}

// PutConfig lays req.Patch over the saved Config of req.EventType,
// validates and saves it, and answers what was saved.
func (s *Service) PutConfig(_ context.Context, req PutConfigRequest) (Config, error) {
	if !Alertable(req.EventType) {
		return Config{}, fmt.Errorf("%w: %q", ErrUnknownType, req.EventType)
	}
	return s.m.SetConfig(req.EventType, req.Patch.Apply(s.m.Configs()[req.EventType]))
}

// Test queues a sample alert, ignoring Enabled and MinCoins.
func (s *Service) Test(_ context.Context, req TestRequest) (TestResult, error) {
	var preview *Config
	if req.Preview != nil {
		c := req.Preview.Apply(s.m.Configs()[req.EventType])
		preview = &c
	}
	a, err := s.m.Test(req.EventType, preview)
	if err != nil {
		return TestResult{}, err
	}
	return TestResult{Alert: a, Paused: s.m.Paused()}, nil
}

// Pause pauses or resumes every screen and answers the new state.
func (s *Service) Pause(_ context.Context, req PauseRequest) (Paused, error) {
	if req.Paused == nil {
		return Paused{}, ErrPausedRequired
	}
	s.m.SetPaused(*req.Paused)
	return Paused{Paused: *req.Paused}, nil
}

// Skip ends the alert showing on req.Screen.
func (s *Service) Skip(_ context.Context, req ScreenRequest) (SkipResult, error) {
	if err := checkScreen(req.Screen); err != nil {
		return SkipResult{}, err
	}
	return SkipResult{Screen: req.Screen, Skipped: s.m.Skip(req.Screen)}, nil
}

// Clear ends the alert showing on req.Screen and drops its queue.
func (s *Service) Clear(_ context.Context, req ScreenRequest) (ClearResult, error) {
	if err := checkScreen(req.Screen); err != nil {
		return ClearResult{}, err
	}
	return ClearResult{Screen: req.Screen, Cleared: s.m.Clear(req.Screen)}, nil
}

// Status answers whether alerts are paused and every used screen's queue.
func (s *Service) Status(context.Context) (QueueStatus, error) {
	return QueueStatus{Paused: s.m.Paused(), Screens: s.m.Status()}, nil
}

// Screens answers the screens in use as choices for the flow editor's
// screen dropdown (the default one labelled so).
func (s *Service) Screens(context.Context) ([]action.Option, error) {
	names := s.m.Screens()
	out := make([]action.Option, len(names))
	for i, name := range names {
		out[i] = action.Option{Value: name, Label: name}
		if name == DefaultScreen {
			out[i].Label = name + " (default)"
		}
	}
	return out, nil
}

func checkScreen(name string) error {
	if !screenRe.MatchString(name) {
		return fmt.Errorf("%w: %q", ErrUnknownScreen, name)
	}
	return nil
}

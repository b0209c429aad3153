package main

import (
	"context"
	"encoding/json"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/store"
)

// The desktop binds the service layer (backend/core/service) through these
// thin adapters: Wails binds exported methods without a context, and every
// bound call is counted (core.NoteBindingCall, shown in /api/health). They
// hold no logic: each method calls the service method of the same name.
// An error reaches JS as the JSON text {"error": message, "code": code}
// (bindings.ts turns it back into an ApiError with that code).

// TestEventsService is service.TestEvents bound to the window.
type TestEventsService struct{ app *App }

// ProfilesService is service.Profiles bound to the window.
type ProfilesService struct{ app *App }

// boundServices are the adapters passed to Wails' Bind, one per field of
// service.Services, named after it (<Field>Service; each capability's
// adapter is in app_svc_<name>.go).
func (a *App) boundServices() []any {
	return []any{
		&HealthService{a},
		&FieldOptionsService{a},
		&TestEventsService{a},
		&ConnectionService{a},
		&ProfilesService{a},
		&LeaderboardsService{a},
		&FlowsService{a},
		&PluginsService{a},
		&ExternalPluginsService{a},
		&AlertsService{a},
		&GoalsService{a},
		&OverlayPresetsService{a},
		&HistoryService{a},
		&SettingsService{a},
		&UpdatesService{a},
		&CrashReportsService{a},
		&APITokensService{a},
		&TikFinityService{a},
		&OBSService{a},
		&OSCService{a},
	}
}

// services waits for the core and counts the call.
func (a *App) services() (*service.Services, error) {
	if !a.waitReady() {
		return nil, bindError(&service.Error{Code: "unavailable", Message: a.notRunning().Error()})
	}
	a.core.NoteBindingCall()
	return a.core.Services(), nil
}

// bindError is err as the JSON text the bindings client parses.
func bindError(err error) error {
	if err == nil {
		return nil
	}
	b, _ := json.Marshal(service.Error{Code: service.Code(err), Message: err.Error()})
	if se, ok := err.(*service.Error); ok {
		b, _ = json.Marshal(se)
	}
	return jsonError(b)
}

type jsonError []byte

func (e jsonError) Error() string { return string(e) }

// call runs f on the current services (waiting for the core, counting the
// call) and answers its result with the error as the bindings' JSON text.
// Every adapter method is one call.
func call[T any](a *App, f func(*service.Services, context.Context) (T, error)) (T, error) {
	svc, err := a.services()
	if err != nil {
		var zero T
		return zero, err
	}
	v, err := f(svc, a.callCtx())
	return v, bindError(err)
}

// Simulate sends a simulated event; see service.TestEvents.Simulate.
func (s *TestEventsService) Simulate(e domain.Event) (domain.Event, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (domain.Event, error) {
		return v.TestEvents.Simulate(ctx, e)
	})
}

// List answers the profiles; see service.Profiles.List.
func (s *ProfilesService) List() ([]store.ProfileInfo, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]store.ProfileInfo, error) {
		return v.Profiles.List(ctx)
	})
}

// Switch opens req.Name; see service.Profiles.Switch.
func (s *ProfilesService) Switch(req service.SwitchRequest) (service.SwitchResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.SwitchResult, error) {
		return v.Profiles.Switch(ctx, req)
	})
}

// callCtx is the context bound calls run under (the window's, once started).
func (a *App) callCtx() context.Context {
	if a.ctx != nil {
		return a.ctx
	}
	return context.Background()
}

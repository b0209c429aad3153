// Package service is the one service layer both transports call: every
// capability is a Go type with typed methods (typed request and response
// structs, no `any` envelopes). The REST handlers and the desktop's Wails
// bindings reach the same methods, and errors carry the shared error codes
// (Code) to both.
//
// Where a service lives: a capability that is one module owns its service
// type in its own package (leaderboard.Service…), next to the REST handlers
// that call it; the few that span the composition root (test events,
// profiles) live here. Services gathers them for one open
// profile (core rebuilds it on a profile switch); each capability's file
// here declares its routes (declare), so Routes is the one mapping from a
// method ("Field.Method") to its REST route, and OneSided lists the methods
// deliberately reachable on one transport only, with the reason.
package service

import (
	"context"
	"errors"

	"github.com/ltth/ltth/backend/alert"
	"github.com/ltth/ltth/backend/apitoken"
	tikfinity "github.com/ltth/ltth/backend/compat/tikfinity"
	"github.com/ltth/ltth/backend/crash"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/flow"
	"github.com/ltth/ltth/backend/goal"
	"github.com/ltth/ltth/backend/history"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/leaderboard"
	"github.com/ltth/ltth/backend/obs"
	"github.com/ltth/ltth/backend/osc"
	"github.com/ltth/ltth/backend/overlay"
	"github.com/ltth/ltth/backend/plugin"
	"github.com/ltth/ltth/backend/plugin/external"
	"github.com/ltth/ltth/backend/store"
	"github.com/ltth/ltth/backend/tiktok/connector"
	"github.com/ltth/ltth/backend/update"
)

// Backend is what the services need from the composition root (core.Core).
type Backend interface {
	Profiles() ([]store.ProfileInfo, error)
	SwitchProfile(ctx context.Context, name string) error
	SimulateEvent(e domain.Event) (domain.Event, error)
	HealthReport() HealthReport
	GetInternal(ctx context.Context, path string) (int, []byte)
	ProfileBackend
	SettingsBackend
}

// Services are the capabilities of one running core and its open profile.
// A field's name is the service's name on both transports: the desktop
// binds <Name>Service (package main), and Routes keys are "<Name>.<Method>".
type Services struct {
	Health          *Health
	FieldOptions    *FieldOptions
	TestEvents      *TestEvents
	Connection      *connector.Service
	Profiles        *Profiles
	Leaderboards    *leaderboard.Service
	Flows           *flow.Service
	Plugins         *plugin.Service   // the plugin host (backend/plugin)
	ExternalPlugins *external.Service // external plugins' status (backend/plugin/external)
	Alerts          *alert.Service
	Goals           *goal.Service
	OverlayPresets  *overlay.PresetService
	History         *history.Service
	Settings        *Settings
	Updates         *update.Service
	CrashReports    *crash.Service
	APITokens       *apitoken.Service
	TikFinity       *tikfinity.Service
	OBS             *obs.Service
	OSC             *osc.Service
}

// New builds the services of the composition root over b; core fills in
// the open profile's module services (Scoped).
func New(b Backend, m Scoped) *Services {
	return &Services{
		Health:          &Health{b},
		FieldOptions:    &FieldOptions{b},
		TestEvents:      &TestEvents{b},
		Connection:      m.Connection,
		Profiles:        &Profiles{b},
		Leaderboards:    m.Leaderboards,
		Flows:           m.Flows,
		Plugins:         m.Plugins,
		ExternalPlugins: m.ExternalPlugins,
		Alerts:          m.Alerts,
		Goals:           m.Goals,
		OverlayPresets:  m.OverlayPresets,
		History:         m.History,
		Settings:        &Settings{b},
		Updates:         m.Updates,
		CrashReports:    m.CrashReports,
		APITokens:       m.APITokens,
		TikFinity:       m.TikFinity,
		OBS:             m.OBS,
		OSC:             m.OSC,
	}
}

// Scoped are the services owned by the open profile's modules.
type Scoped struct {
	Leaderboards    *leaderboard.Service
	Flows           *flow.Service
	Plugins         *plugin.Service
	ExternalPlugins *external.Service
	Alerts          *alert.Service
	Goals           *goal.Service
	OverlayPresets  *overlay.PresetService
	Connection      *connector.Service
	History         *history.Service
	OBS             *obs.Service
	OSC             *osc.Service
	// The app's own (profile-independent) ones, the same in every scope
	// (core/appservices.go).
	Updates      *update.Service
	CrashReports *crash.Service
	APITokens    *apitoken.Service
	TikFinity    *tikfinity.Service
}

// Error is what a service method fails with: a stable code from the shared
// vocabulary (or a connection source's own code) and a message. It wraps
// the cause, so httpapi.Status still maps it to the same HTTP status.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"error"`
	cause   error
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.cause }

// Code is the stable error code of err ("internal" when it matches none):
// httpapi.Code, the one mapping both transports use.
func Code(err error) string { return httpapi.Code(err) }

// wrap turns err into an *Error (nil stays nil); kind is the vocabulary
// error assumed when err matches none.
func wrap(err, kind error) error {
	if err == nil {
		return nil
	}
	var se *Error
	if errors.As(err, &se) {
		return se
	}
	if Code(err) == "internal" && kind != nil {
		err = &kinded{err, kind}
	}
	return &Error{Code: Code(err), Message: httpapi.TrimPaths(err.Error()), cause: err}
}

// kinded gives an error without a vocabulary kind the one its method
// answers with.
type kinded struct {
	err  error
	kind error
}

func (k *kinded) Error() string { return k.err.Error() }
func (k *kinded) Unwrap() []error {
	return []error{k.err, k.kind}
}

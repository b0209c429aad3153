// Package service is the one service layer both transports call: every
// capability is a Go type with typed methods (typed request and response
// structs, no `any` envelopes). The REST handlers and the desktop's Wails
// bindings reach the same methods, and errors carry the shared error codes
// (Code) to both.
//
// Migrated so far: TestEvents, Connection, Profiles. Routes (routes.go) is
// the one declared mapping from a method to its REST route; OneSided lists
// the methods deliberately reachable on one transport only.
package service

import (
	"context"
	"errors"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/store"
	"github.com/ltth/ltth/backend/tiktok/connector"
	"github.com/ltth/ltth/backend/tiktok/source"
)

// Backend is what the services need from the composition root (core.Core).
type Backend interface {
	Connection() connector.Status
	ConnectTo(ctx context.Context, target string) error
	Disconnect(ctx context.Context) error
	Profiles() ([]store.ProfileInfo, error)
	SwitchProfile(ctx context.Context, name string) error
	SimulateEvent(e domain.Event) (domain.Event, error)
}

// Services are the migrated capabilities of one running core.
type Services struct {
	TestEvents *TestEvents
	Connection *Connection
	Profiles   *Profiles
}

// New builds the services over b.
func New(b Backend) *Services {
	return &Services{TestEvents: &TestEvents{b}, Connection: &Connection{b}, Profiles: &Profiles{b}}
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

var codes = []struct {
	kind error
	code string
}{
	{httpapi.ErrNotFound, "not_found"},
	{httpapi.ErrInvalid, "invalid"},
	{httpapi.ErrConflict, "conflict"},
	{httpapi.ErrUnprocessable, "unprocessable"},
	{httpapi.ErrTooLarge, "too_large"},
	{httpapi.ErrUnavailable, "unavailable"},
}

// Code is the stable error code of err ("internal" when it matches none).
func Code(err error) string {
	if e := source.AsError(err); e != nil {
		return string(e.Code)
	}
	for _, c := range codes {
		if errors.Is(err, c.kind) {
			return c.code
		}
	}
	return "internal"
}

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

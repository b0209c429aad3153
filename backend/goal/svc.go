package goal

import (
	"context"
	"fmt"

	"github.com/ltth/ltth/backend/httpapi"
)

// Service is the goals capability as both transports reach it: the REST
// handlers (http.go) and the desktop's bindings call these methods
// (core/service gathers it as Services.Goals).
type Service struct{ m *Module }

// Service answers the module's service.
func (m *Module) Service() *Service { return &Service{m} }

// Input is the fields of a create or update request: those given are set,
// absent (nil) ones keep their value (a new goal needs at least kind and
// target). Setting Target without StartTarget sets both.
type Input struct {
	// ID is accepted for REST clients that send a goal back as they read
	// it, and ignored: the goal's id is the request's.
	ID          *string `json:"id,omitempty"`
	Name        *string `json:"name,omitempty"`
	Kind        *string `json:"kind,omitempty"`
	Target      *int64  `json:"target,omitempty"`
	StartTarget *int64  `json:"startTarget,omitempty"`
	OnReach     *string `json:"onReach,omitempty"`
	Increment   *int64  `json:"increment,omitempty"`
	Style       *string `json:"style,omitempty"`
	Color       *string `json:"color,omitempty"`
	Hidden      *bool   `json:"hidden,omitempty"`
}

// apply answers g with the fields of in set.
func (in Input) apply(g Goal) Goal {
	set(&g.Name, in.Name)
	set(&g.Kind, in.Kind)
	set(&g.Target, in.Target)
	set(&g.StartTarget, in.StartTarget)
	set(&g.OnReach, in.OnReach)
	set(&g.Increment, in.Increment)
	set(&g.Style, in.Style)
	set(&g.Color, in.Color)
	set(&g.Hidden, in.Hidden)
	if in.Target != nil && in.StartTarget == nil {
		g.StartTarget = g.Target
	}
	return g
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// DecodeInput decodes a create/update body strictly (unknown fields are an
// error, as is anything but one JSON object).
func DecodeInput(b []byte) (Input, error) {
	var in Input
	if err := httpapi.Strict(b, &in); err != nil {
		return Input{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return in, nil
}

// GoalRequest names one goal.
type GoalRequest struct {
	ID string `json:"id"`
}

// PutRequest creates goal ID or updates it with the fields of Goal.
type PutRequest struct {
	ID   string `json:"id"`
	Goal Input  `json:"goal"`
}

// AdjustRequest changes goal ID's value by hand: Op "add" (Amount may be
// negative), "set" (to Amount) or "reset".
type AdjustRequest struct {
	ID     string `json:"id"`
	Op     string `json:"op"`
	Amount int64  `json:"amount"`
}

// Deleted is what a delete removed.
type Deleted struct {
	ID      string `json:"id"`
	Deleted bool   `json:"deleted"`
}

// List answers every goal, sorted by name then id.
func (s *Service) List(context.Context) ([]View, error) { return s.m.List(), nil }

// Get answers one goal.
func (s *Service) Get(_ context.Context, req GoalRequest) (View, error) { return s.m.Get(req.ID) }

// Create creates a goal with a generated id.
func (s *Service) Create(_ context.Context, in Input) (View, error) { return s.m.Update(newID(), in) }

// Put creates or updates goal req.ID.
func (s *Service) Put(_ context.Context, req PutRequest) (View, error) {
	return s.m.Update(req.ID, req.Goal)
}

// Delete removes a goal and clears its overlay state.
func (s *Service) Delete(_ context.Context, req GoalRequest) (Deleted, error) {
	if err := s.m.Delete(req.ID); err != nil {
		return Deleted{}, err
	}
	return Deleted{ID: req.ID, Deleted: true}, nil
}

// Adjust changes a goal's value by hand.
func (s *Service) Adjust(_ context.Context, req AdjustRequest) (View, error) {
	return s.m.Adjust(req.ID, req.Op, req.Amount)
}

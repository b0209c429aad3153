package flow

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// Service is the flow engine as both transports reach it: the REST handlers
// (http.go) and the desktop's bindings call these methods (core/service
// gathers it as Services.Flows). Every flow it answers has its secrets
// masked (secrets.go); a flow sent back with the mask keeps the stored
// values. The incoming webhook is no service method: outside tools call it.
type Service struct{ e *Engine }

// Service answers the engine's service.
func (e *Engine) Service() *Service { return &Service{e} }

// FlowRef names one flow.
type FlowRef struct {
	ID string `json:"id"`
}

// Deleted says which flow a delete removed.
type Deleted struct {
	ID string `json:"id"`
}

// EnableRequest switches flow ID on or off; Enabled is required.
type EnableRequest struct {
	ID      string `json:"id"`
	Enabled *bool  `json:"enabled"`
}

// RunRequest starts flow ID by hand with an optional event and arguments.
type RunRequest struct {
	ID    string            `json:"id"`
	Event *domain.Event     `json:"event,omitempty"`
	Args  map[string]string `json:"args,omitempty"`
}

// TestFlowRequest dry-runs flow ID (or the unsaved TestRequest.Flow).
type TestFlowRequest struct {
	ID string `json:"id"`
	TestRequest
}

// ImportRequest holds the flows of an import file (REST takes the file
// itself: one flow object or an array).
type ImportRequest struct {
	Flows []Flow `json:"flows"`
}

// ExportRequest picks the flows to export (all when IDs is empty); Secrets
// includes the webhook header values instead of the mask.
type ExportRequest struct {
	IDs     []string `json:"ids"`
	Secrets bool     `json:"secrets"`
}

// VariablesPatch sets variables by name: each value is any JSON value
// (text, number, boolean, list, object), and a JSON null deletes the
// variable. An alias, so the generated bindings need no model of their own.
type VariablesPatch = map[string]action.Value

// List answers every flow, sorted by name then id.
func (s *Service) List(context.Context) ([]View, error) {
	return maskedViews(s.e.Flows()), nil
}

// Get answers one flow.
func (s *Service) Get(_ context.Context, req FlowRef) (View, error) {
	v, err := s.e.Get(req.ID)
	if err != nil {
		return View{}, err
	}
	v.Flow = maskedFlow(v.Flow)
	return v, nil
}

// Put creates or replaces flow f.ID; masked secrets keep their stored
// values. A flow that does not validate is refused with the reasons.
func (s *Service) Put(_ context.Context, f Flow) (View, error) {
	keepSecrets(&f, s.e.stored(f.ID))
	v, err := s.e.Save(&f)
	if err != nil {
		return View{}, err
	}
	v.Flow = maskedFlow(v.Flow)
	return v, nil
}

// Delete removes a flow, its recent runs and its log.
func (s *Service) Delete(_ context.Context, req FlowRef) (Deleted, error) {
	if err := s.e.Delete(req.ID); err != nil {
		return Deleted{}, err
	}
	return Deleted{ID: req.ID}, nil
}

// Enable switches a flow on or off; enabling an invalid flow fails with
// its reason.
func (s *Service) Enable(_ context.Context, req EnableRequest) (View, error) {
	if req.Enabled == nil {
		return View{}, fmt.Errorf(`%w: body must be {"enabled": true|false}`, ErrInvalid)
	}
	v, err := s.e.SetEnabled(req.ID, *req.Enabled)
	if err != nil {
		return View{}, err
	}
	v.Flow = maskedFlow(v.Flow)
	return v, nil
}

// Run starts a flow by hand: its conditions and mode apply, and a disabled
// but valid flow runs too.
func (s *Service) Run(_ context.Context, req RunRequest) (Fired, error) {
	if err := checkEvent(req.Event); err != nil {
		return Fired{}, err
	}
	return s.e.Run(req.ID, req.Event, req.Args)
}

// Test dry-runs a flow against a sample and answers the trace; nothing is
// published, stored, sent or counted.
func (s *Service) Test(_ context.Context, req TestFlowRequest) (*Trace, error) {
	if err := checkEvent(req.Event); err != nil {
		return nil, err
	}
	return s.e.Test(req.ID, req.TestRequest)
}

// Runs answers a flow's recent run traces, newest first.
func (s *Service) Runs(_ context.Context, req FlowRef) ([]*Trace, error) {
	return s.e.Runs(req.ID)
}

// Import stores flows: one without a usable id gets a new one, an existing
// id is replaced, and one that does not validate is stored switched off
// with the reason.
func (s *Service) Import(_ context.Context, req ImportRequest) ([]ImportResult, error) {
	fs := make([]*Flow, len(req.Flows))
	for i := range req.Flows {
		fs[i] = &req.Flows[i]
	}
	return s.e.importFlows(fs)
}

// Export answers the flows picked (all when none), ready for Import.
func (s *Service) Export(_ context.Context, req ExportRequest) ([]Flow, error) {
	out := s.e.exportFlows(req.IDs)
	if !req.Secrets {
		for i := range out {
			out[i] = maskedFlow(out[i])
		}
	}
	return out, nil
}

// Registry answers the triggers, conditions and actions the editor offers,
// with their field schemas.
func (s *Service) Registry(context.Context) (action.Schema, error) {
	return s.e.reg.Schema(), nil
}

// Variables answers every flow variable.
func (s *Service) Variables(context.Context) (map[string]action.Value, error) {
	return s.e.Variables(), nil
}

// SetVariables sets (null: deletes) variables and answers them all.
func (s *Service) SetVariables(_ context.Context, req VariablesPatch) (map[string]action.Value, error) {
	raw := make(map[string]json.RawMessage, len(req))
	for name, v := range req {
		b, err := v.MarshalJSON()
		if err != nil {
			return nil, fmt.Errorf("%w: variable %s: %w", ErrInvalid, name, err)
		}
		raw[name] = b
	}
	if err := s.e.SetVariables(raw); err != nil {
		return nil, err
	}
	return s.e.Variables(), nil
}

// checkEvent refuses an event of no known type (REST decodes strictly; a
// bound call arrives decoded).
func checkEvent(ev *domain.Event) error {
	if ev != nil && !ev.Type.Valid() {
		return fmt.Errorf("%w: unknown event type %q", ErrInvalid, ev.Type)
	}
	return nil
}

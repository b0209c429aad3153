// Package flow is LTTH's automation engine: flows of triggers, conditions
// and actions (Home Assistant's shape, with an explicit "type" on every
// element and its "config" beside it), matched against bus messages through
// an index by message type, run under per-flow modes and shared named
// queues, traced, and stored in the profile. The building blocks come from
// an action.Registry that other modules extend.
package flow

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Mode decides what happens when a flow triggers while it is still running.
type Mode string

// Run modes.
const (
	ModeSingle   Mode = "single"   // ignore the new trigger (the default)
	ModeRestart  Mode = "restart"  // cancel the running run, start the new one
	ModeQueued   Mode = "queued"   // run one after another (up to Max waiting)
	ModeParallel Mode = "parallel" // run side by side (up to Max at once)
)

// DefaultMax is the default Max of queued and parallel flows.
const DefaultMax = 10

// Flow is the stored JSON document of one automation.
type Flow struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Group       string `json:"group,omitempty"` // a folder in the dashboard
	Enabled     bool   `json:"enabled"`
	Mode        Mode   `json:"mode,omitempty"`
	// Max is the queue length (queued) or concurrent runs (parallel).
	Max int `json:"max,omitempty"`
	// Queue names a queue shared across flows: runs of every flow naming the
	// same queue execute one at a time, in order (alerts that fight over
	// the same overlay, OBS scene changes...).
	Queue string `json:"queue,omitempty"`
	// MaxRunsPerSecond trips the flow's circuit breaker (0: engine default,
	// negative: no breaker).
	MaxRunsPerSecond int             `json:"maxRunsPerSecond,omitempty"`
	Triggers         []Element       `json:"triggers"`
	Conditions       []Element       `json:"conditions,omitempty"`
	Actions          []Element       `json:"actions"`
	UI               json.RawMessage `json:"ui,omitempty"` // editor metadata, kept as is
	UpdatedAt        time.Time       `json:"updatedAt,omitzero"`
}

// Element is one trigger, condition or action: its registered type, its
// config (checked against the type's field schema) and the fields every
// element shares.
type Element struct {
	Type            string          `json:"type"`
	Alias           string          `json:"alias,omitempty"`
	Enabled         *bool           `json:"enabled,omitempty"` // nil = true
	ContinueOnError bool            `json:"continueOnError,omitempty"`
	Config          json.RawMessage `json:"config,omitempty"`
}

// On reports whether the element is enabled.
func (el *Element) On() bool { return el.Enabled == nil || *el.Enabled }

// Decode parses one flow document. Unknown top-level fields are ignored
// (documents from newer versions still load); configs are checked later,
// against the registry.
func Decode(b []byte) (*Flow, error) {
	var f Flow
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("invalid flow JSON: %w", err)
	}
	return &f, nil
}

// DecodeMany parses a JSON array of flows or a single flow object.
func DecodeMany(b []byte) ([]*Flow, error) {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var raws []json.RawMessage
		if err := json.Unmarshal(b, &raws); err != nil {
			return nil, fmt.Errorf("invalid flow list JSON: %w", err)
		}
		out := make([]*Flow, 0, len(raws))
		for i, r := range raws {
			f, err := Decode(r)
			if err != nil {
				return nil, fmt.Errorf("flow %d: %w", i, err)
			}
			out = append(out, f)
		}
		return out, nil
	}
	f, err := Decode(b)
	if err != nil {
		return nil, err
	}
	return []*Flow{f}, nil
}

// Encode returns the flow's JSON document.
func (f *Flow) Encode() []byte {
	b, err := json.Marshal(f)
	if err != nil { // only json.RawMessage fields can fail, and they were decoded
		panic(err)
	}
	return b
}

// normalize fills defaults; it does not validate.
func (f *Flow) normalize() {
	if f.Mode == "" {
		f.Mode = ModeSingle
	}
	if f.Max <= 0 && (f.Mode == ModeQueued || f.Mode == ModeParallel) {
		f.Max = DefaultMax
	}
	if f.Name == "" {
		f.Name = f.ID
	}
}

// checkShape validates what does not need the registry.
func (f *Flow) checkShape() error {
	var errs []error
	if !ValidID(f.ID) {
		errs = append(errs, fmt.Errorf("invalid id %q (1-64 letters, digits, - or _; not webhook/import/export)", f.ID))
	}
	switch f.Mode {
	case ModeSingle, ModeRestart, ModeQueued, ModeParallel:
	default:
		errs = append(errs, fmt.Errorf("unknown mode %q (single, restart, queued, parallel)", f.Mode))
	}
	if f.Max > 1000 {
		errs = append(errs, fmt.Errorf("max %d is above 1000", f.Max))
	}
	if len(f.Triggers) == 0 {
		errs = append(errs, errors.New("a flow needs at least one trigger"))
	}
	if len(f.Actions) == 0 {
		errs = append(errs, errors.New("a flow needs at least one action"))
	}
	if len(f.Queue) > 64 {
		errs = append(errs, errors.New("queue name longer than 64 characters"))
	}
	return errors.Join(errs...)
}

// ValidID reports whether id can name a flow (it also names the flow's log
// file, so only letters, digits, '-' and '_').
func ValidID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	switch id {
	case "webhook", "import", "export":
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// NewID returns a random flow id.
func NewID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "f" + hex.EncodeToString(b[:])
}

// Package actiontest is test support for packages that own flow blocks: it
// compiles a module's trigger from a config and matches bus messages
// against it, and executes a module's action the way the flow engine does,
// recording what the action published and noted. Only tests import it.
package actiontest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// Registry returns a registry holding exactly b (the test fails when b
// does not register).
func Registry(t testing.TB, b action.Blocks) *action.Registry {
	t.Helper()
	reg := action.NewRegistry()
	if err := reg.AddBlocks(b); err != nil {
		t.Fatalf("AddBlocks: %v", err)
	}
	return reg
}

// Trigger compiles trigger typ of reg with the JSON config cfg.
func Trigger(t testing.TB, reg *action.Registry, typ, cfg string) action.Matcher {
	t.Helper()
	def, ok := reg.Trigger(typ)
	if !ok {
		t.Fatalf("no trigger %s", typ)
	}
	m, err := def.Compile(config(t, typ, cfg, def.Fields))
	if err != nil {
		t.Fatalf("%s compile: %v", typ, err)
	}
	return m
}

// State is the input of a state (non-event) bus message typ with data.
func State(typ string, data any) *action.Input {
	return &action.Input{Key: typ, Msg: &domain.Message{Type: typ, Data: data}, Now: time.Now()}
}

// Matches reports whether m matches in.
func Matches(m action.Matcher, in *action.Input) bool {
	_, ok := m.Match(in)
	return ok
}

// Host records what actions do.
type Host struct {
	mu        sync.Mutex
	Published []domain.Message
	Notes     []string
}

// Publish implements action.Host.
func (h *Host) Publish(m domain.Message) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.Published = append(h.Published, m)
}

// SetVar implements action.Host (variables are not kept).
func (h *Host) SetVar(string, action.Value) error { return nil }

// Log implements action.Host (flow log lines are noted).
func (h *Host) Log(level, msg string) { h.Note(level + ": " + msg) }

// Note implements action.Host.
func (h *Host) Note(msg string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.Notes = append(h.Notes, msg)
}

// Exec runs action typ of reg once with the JSON config cfg for event e (may
// be nil) in flow flowID and returns what it published and its error.
func Exec(t testing.TB, reg *action.Registry, typ, cfg string, e *domain.Event, flowID string) ([]domain.Message, error) {
	t.Helper()
	def, ok := reg.Action(typ)
	if !ok {
		t.Fatalf("no action %s", typ)
	}
	c := config(t, typ, cfg, def.Fields)
	if def.Validate != nil {
		if err := def.Validate(c); err != nil {
			return nil, err
		}
	}
	h := &Host{}
	run := action.NewRun(h, action.Scope{Event: e, FlowID: flowID, Now: time.Now()}, false, 0)
	run.SetConfig(c)
	err := def.Execute(context.Background(), run)
	return h.Published, err
}

// config checks the JSON config cfg of block typ against its fields.
func config(t testing.TB, typ, cfg string, fields []action.FieldSpec) *action.Config {
	t.Helper()
	c, err := action.NewConfig([]byte(cfg), fields)
	if err != nil {
		t.Fatalf("%s config: %v", typ, err)
	}
	return c
}

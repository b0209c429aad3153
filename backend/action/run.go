package action

import (
	"errors"
	"fmt"

	"github.com/ltth/ltth/backend/domain"
)

// ErrStop ends a run early without an error (the "stop" action returns it).
var ErrStop = errors.New("stopped")

// Host is the engine side of a run: actions reach the bus, the variables,
// the flow log and the trace through it, so dry runs and tests can swap it.
type Host interface {
	// Publish puts m on the bus (never called in a dry run).
	Publish(m domain.Message)
	// SetVar stores a variable (in a dry run: only for the rest of the run).
	SetVar(name string, v Value) error
	// Log appends a line to the flow's log; level is "info", "warn" or "error".
	Log(level, msg string)
	// Note adds a line to the current step's trace.
	Note(msg string)
}

// Run is one execution of a flow, as the actions see it. The engine creates
// it; actions read the event, arguments and variables through its Scope and
// act through its methods.
type Run struct {
	Scope
	DryRun bool
	Depth  int // 0 for a run started by a trigger; +1 per run-flow hop

	host Host
	cfg  *Config
}

// NewRun creates a run over host. Engines and action tests use it.
func NewRun(host Host, scope Scope, dryRun bool, depth int) *Run {
	return &Run{Scope: scope, DryRun: dryRun, Depth: depth, host: host}
}

// Host returns the engine side of the run.
func (r *Run) Host() Host { return r.host }

// Config is the current step's config.
func (r *Run) Config() *Config {
	if r.cfg == nil {
		r.cfg = &Config{}
	}
	return r.cfg
}

// SetConfig sets the current step's config (the engine does this before
// each step).
func (r *Run) SetConfig(c *Config) { r.cfg = c }

// Text renders template field name as plain text.
func (r *Run) Text(name string) string { return r.Config().Template(name).RenderText(&r.Scope) }

// HTML renders template field name for an HTML target (values escaped).
func (r *Run) HTML(name string) string { return r.Config().Template(name).RenderHTML(&r.Scope) }

// JSON renders template field name as a JSON document (values escaped as
// JSON string content).
func (r *Run) JSON(name string) string { return r.Config().Template(name).RenderJSON(&r.Scope) }

// URL renders template field name as a URL (values query-escaped).
func (r *Run) URL(name string) string { return r.Config().Template(name).RenderURL(&r.Scope) }

// Publish puts m on the bus; in a dry run it only notes what it would send.
func (r *Run) Publish(m domain.Message) {
	if r.DryRun {
		r.Notef("would publish %q", m.Type)
		return
	}
	r.host.Publish(m)
}

// Var reads a variable as this run sees it.
func (r *Run) Var(name string) (Value, bool) {
	if r.Vars == nil {
		return Value{}, false
	}
	return r.Vars.Var(name)
}

// SetVar stores a variable (dry run: for the rest of this run only).
func (r *Run) SetVar(name string, v Value) error { return r.host.SetVar(name, v) }

// Notef adds a line to the current step's trace.
func (r *Run) Notef(format string, args ...any) { r.host.Note(fmt.Sprintf(format, args...)) }

// Logf appends a line to the flow's log (level "info", "warn", "error").
func (r *Run) Logf(level, format string, args ...any) {
	r.host.Log(level, fmt.Sprintf(format, args...))
}

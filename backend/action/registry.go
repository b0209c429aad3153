// Package action holds the registries of flow building blocks — triggers,
// conditions and actions — plus what they work with: configs checked against
// field schemas, precompiled templates with safe escaping, and the run a
// step executes in. Modules (sound, TTS, OBS, OSC, plugins) add their own
// blocks to a Registry the composition root creates and hands to the flow
// engine; there is no global registry.
package action

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
)

// Info describes a block for the dashboard: its type id (e.g. "sound.play"),
// display name, category (a group in the picker) and config fields.
type Info struct {
	Type        string      `json:"type"`
	Name        string      `json:"name"`
	Category    string      `json:"category"`
	Description string      `json:"description,omitempty"`
	Fields      []FieldSpec `json:"fields"`
}

// Action is something a flow does.
type Action struct {
	Info
	// DryRunSafe says Execute honours Run.DryRun (performs no side effect
	// and reports what it would do with Run.Notef). When false, dry runs do
	// not call Execute; the engine reports the rendered config instead.
	DryRunSafe bool
	// Validate checks a config beyond its field schema (optional).
	Validate func(cfg *Config) error
	// Execute performs the action. Run.Config is this step's config.
	Execute func(ctx context.Context, run *Run) error
}

// Trigger starts flows.
type Trigger struct {
	Info
	// Compile validates a config and returns its matcher. Regexes and other
	// costly preparation happen here, once, not per event.
	Compile func(cfg *Config) (Matcher, error)
}

// Condition gates a run after a trigger matched.
type Condition struct {
	Info
	// Compile validates a config and returns its check. c compiles nested
	// conditions (for groups).
	Compile func(cfg *Config, c Compiler) (Check, error)
}

// Compiler compiles a nested list of conditions.
type Compiler interface {
	CompileConditions(raw []byte) (Group, error)
}

// Registry holds the blocks flows are made of. It is safe for concurrent use.
type Registry struct {
	mu         sync.RWMutex
	actions    map[string]Action
	triggers   map[string]Trigger
	conditions map[string]Condition
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{actions: map[string]Action{}, triggers: map[string]Trigger{},
		conditions: map[string]Condition{}}
}

// ErrDuplicate is returned when a type id is registered twice.
var ErrDuplicate = errors.New("type already registered")

func (in *Info) check() error {
	if !validTypeID(in.Type) {
		return fmt.Errorf("invalid type id %q", in.Type)
	}
	if in.Name == "" {
		return fmt.Errorf("%s: display name missing", in.Type)
	}
	seen := map[string]bool{}
	for _, f := range in.Fields {
		if f.Name == "" || seen[f.Name] {
			return fmt.Errorf("%s: field name empty or repeated: %q", in.Type, f.Name)
		}
		seen[f.Name] = true
	}
	return nil
}

// validTypeID accepts ids like "alert.show", "obs.setScene", "plugin:x:y".
func validTypeID(s string) bool {
	if s == "" || len(s) > 64 || !(s[0] >= 'a' && s[0] <= 'z') {
		return false
	}
	return validRefName(s)
}

// AddAction registers an action.
func (r *Registry) AddAction(a Action) error {
	if err := a.check(); err != nil {
		return err
	}
	if a.Execute == nil {
		return fmt.Errorf("%s: Execute missing", a.Type)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.actions[a.Type]; ok {
		return fmt.Errorf("action %s: %w", a.Type, ErrDuplicate)
	}
	r.actions[a.Type] = a
	return nil
}

// AddTrigger registers a trigger.
func (r *Registry) AddTrigger(t Trigger) error {
	if err := t.check(); err != nil {
		return err
	}
	if t.Compile == nil {
		return fmt.Errorf("%s: Compile missing", t.Type)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.triggers[t.Type]; ok {
		return fmt.Errorf("trigger %s: %w", t.Type, ErrDuplicate)
	}
	r.triggers[t.Type] = t
	return nil
}

// AddCondition registers a condition.
func (r *Registry) AddCondition(c Condition) error {
	if err := c.check(); err != nil {
		return err
	}
	if c.Compile == nil {
		return fmt.Errorf("%s: Compile missing", c.Type)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.conditions[c.Type]; ok {
		return fmt.Errorf("condition %s: %w", c.Type, ErrDuplicate)
	}
	r.conditions[c.Type] = c
	return nil
}

// Action looks up an action by type id.
func (r *Registry) Action(typ string) (Action, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	a, ok := r.actions[typ]
	return a, ok
}

// Trigger looks up a trigger by type id.
func (r *Registry) Trigger(typ string) (Trigger, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	t, ok := r.triggers[typ]
	return t, ok
}

// Condition looks up a condition by type id.
func (r *Registry) Condition(typ string) (Condition, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	c, ok := r.conditions[typ]
	return c, ok
}

// ActionInfo is an action's Info plus its dry-run flag, for the dashboard.
type ActionInfo struct {
	Info
	DryRunSafe bool `json:"dryRunSafe"`
}

// Schema is every registered block's Info, sorted by category then type,
// for the dashboard's form editor.
type Schema struct {
	Triggers   []Info       `json:"triggers"`
	Conditions []Info       `json:"conditions"`
	Actions    []ActionInfo `json:"actions"`
	Fields     []string     `json:"eventFields"` // event fields usable in templates and comparisons
}

// Schema describes everything registered.
func (r *Registry) Schema() Schema {
	r.mu.RLock()
	defer r.mu.RUnlock()
	s := Schema{Fields: EventFieldNames()}
	for _, t := range r.triggers {
		s.Triggers = append(s.Triggers, t.Info)
	}
	for _, c := range r.conditions {
		s.Conditions = append(s.Conditions, c.Info)
	}
	for _, a := range r.actions {
		s.Actions = append(s.Actions, ActionInfo{Info: a.Info, DryRunSafe: a.DryRunSafe})
	}
	sortInfos(s.Triggers)
	sortInfos(s.Conditions)
	sort.Slice(s.Actions, func(i, j int) bool { return less(&s.Actions[i].Info, &s.Actions[j].Info) })
	return s
}

func sortInfos(xs []Info) { sort.Slice(xs, func(i, j int) bool { return less(&xs[i], &xs[j]) }) }

func less(a, b *Info) bool {
	if a.Category != b.Category {
		return a.Category < b.Category
	}
	return a.Type < b.Type
}

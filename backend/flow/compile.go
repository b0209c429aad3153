package flow

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ltth/ltth/backend/action"
)

// compiled is a flow checked against the registry and ready to match and
// run: configs decoded, regexes and templates precompiled, per-flow state
// (cooldowns, rate limits, thresholds) created.
type compiled struct {
	def      *Flow
	triggers []trigger
	conds    action.Group
	actions  []step
}

type trigger struct {
	index int
	typ   string
	alias string
	m     action.Matcher
}

type step struct {
	index int
	el    Element
	act   action.Action
	cfg   *action.Config
}

// maxNesting bounds nested condition groups.
const maxNesting = 16

// compile checks f (already normalized) against reg. The error lists every
// problem found, each naming the element.
func compile(reg *action.Registry, f *Flow) (*compiled, error) {
	c := &compiled{def: f}
	var errs []error
	if err := f.checkShape(); err != nil {
		errs = append(errs, err)
	}
	for i := range f.Triggers {
		t, err := compileTrigger(reg, i, &f.Triggers[i])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if t != nil {
			c.triggers = append(c.triggers, *t)
		}
	}
	cc := &condCompiler{reg: reg}
	g, err := cc.compileList(f.Conditions, "conditions")
	if err != nil {
		errs = append(errs, err)
	}
	c.conds = g
	for i := range f.Actions {
		s, err := compileStep(reg, i, &f.Actions[i])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c.actions = append(c.actions, s)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

func compileTrigger(reg *action.Registry, i int, el *Element) (*trigger, error) {
	def, ok := reg.Trigger(el.Type)
	if !ok {
		return nil, fmt.Errorf("triggers[%d]: unknown trigger type %q", i, el.Type)
	}
	cfg, err := action.NewConfig(el.Config, def.Fields)
	if err != nil {
		return nil, fmt.Errorf("triggers[%d] (%s): %w", i, el.Type, err)
	}
	m, err := def.Compile(cfg)
	if err != nil {
		return nil, fmt.Errorf("triggers[%d] (%s): %w", i, el.Type, err)
	}
	if !el.On() {
		return nil, nil
	}
	return &trigger{index: i, typ: el.Type, alias: el.Alias, m: m}, nil
}

func compileStep(reg *action.Registry, i int, el *Element) (step, error) {
	def, ok := reg.Action(el.Type)
	if !ok {
		return step{}, fmt.Errorf("actions[%d]: unknown action type %q", i, el.Type)
	}
	cfg, err := action.NewConfig(el.Config, def.Fields)
	if err == nil && def.Validate != nil {
		err = def.Validate(cfg)
	}
	if err != nil {
		return step{}, fmt.Errorf("actions[%d] (%s): %w", i, el.Type, err)
	}
	return step{index: i, el: *el, act: def, cfg: cfg}, nil
}

// condCompiler compiles condition lists, nested groups included.
type condCompiler struct {
	reg   *action.Registry
	depth int
}

// CompileConditions implements action.Compiler for group conditions.
func (cc *condCompiler) CompileConditions(raw []byte) (action.Group, error) {
	var els []Element
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &els); err != nil {
			return nil, fmt.Errorf("conditions must be a list of {type, config}: %w", err)
		}
	}
	return cc.compileList(els, "conditions")
}

func (cc *condCompiler) compileList(els []Element, path string) (action.Group, error) {
	if cc.depth >= maxNesting {
		return nil, fmt.Errorf("%s: nested deeper than %d", path, maxNesting)
	}
	cc.depth++
	defer func() { cc.depth-- }()
	g := make(action.Group, 0, len(els))
	var errs []error
	for i := range els {
		el := &els[i]
		def, ok := cc.reg.Condition(el.Type)
		if !ok {
			errs = append(errs, fmt.Errorf("%s[%d]: unknown condition type %q", path, i, el.Type))
			continue
		}
		cfg, err := action.NewConfig(el.Config, def.Fields)
		var chk action.Check
		if err == nil {
			chk, err = def.Compile(cfg, cc)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s[%d] (%s): %w", path, i, el.Type, err))
			continue
		}
		g = append(g, action.Compiled{Type: el.Type, Alias: el.Alias, Enabled: el.On(), Check: chk})
	}
	return g, errors.Join(errs...)
}

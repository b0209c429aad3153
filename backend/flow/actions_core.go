package flow

import (
	"context"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/action"
)

const catFlow = "Flow"

func nameField() action.FieldSpec {
	return action.FieldSpec{Name: "name", Label: "Variable", Kind: action.FieldText, Required: true}
}

func validateVarName(cfg *action.Config) error { return checkVarName(cfg.String("name")) }

// toValue converts rendered text to a variable value: "auto" makes numbers
// and true/false typed, everything else text.
func toValue(s, typ string) (action.Value, error) {
	switch typ {
	case "string":
		return action.StringValue(s), nil
	case "number":
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return action.Value{}, fmt.Errorf("%q is not a number", s)
		}
		return action.NumberValue(f), nil
	case "bool":
		return action.BoolValue(action.StringValue(s).Truthy()), nil
	}
	t := strings.TrimSpace(s)
	if looksNumeric(t) {
		f, _ := strconv.ParseFloat(t, 64)
		return action.NumberValue(f), nil
	}
	if t == "true" || t == "false" {
		return action.BoolValue(t == "true"), nil
	}
	return action.StringValue(s), nil
}

// looksNumeric accepts plain decimal numbers ("-12", "3.5") but not "007",
// "1e5" or "Inf", which stay text.
func looksNumeric(t string) bool {
	d := strings.TrimPrefix(t, "-")
	if d == "" || len(d) > 1 && d[0] == '0' && d[1] != '.' {
		return false
	}
	dots := 0
	for i := 0; i < len(d); i++ {
		switch {
		case d[i] == '.':
			dots++
		case d[i] < '0' || d[i] > '9':
			return false
		}
	}
	return dots <= 1 && d[0] != '.' && d[len(d)-1] != '.'
}

func setVarAction() action.Action {
	types := []action.Option{{Value: "auto", Label: "Automatic"}, {Value: "string", Label: "Text"},
		{Value: "number", Label: "Number"}, {Value: "bool", Label: "True/false"}}
	return action.Action{
		Info: action.Info{Type: "variable.set", Name: "Set variable", Category: catVars,
			Description: "Stores a value in the profile; read it as {var.name}.",
			Fields: []action.FieldSpec{nameField(), {Name: "value", Label: "Value", Kind: action.FieldTemplate},
				{Name: "type", Label: "Type", Kind: action.FieldSelect, Options: types, Default: "auto"}}},
		DryRunSafe: true,
		Validate:   validateVarName,
		Execute: func(_ context.Context, run *action.Run) error {
			c := run.Config()
			v, err := toValue(run.Text("value"), c.String("type"))
			if err != nil {
				return err
			}
			run.Notef("%s = %s", c.String("name"), v.Text())
			return run.SetVar(c.String("name"), v)
		},
	}
}

func (e *Engine) incrementAction() action.Action {
	return action.Action{
		Info: action.Info{Type: "variable.increment", Name: "Increase variable", Category: catVars,
			Description: "Adds to a numeric variable (a negative amount subtracts).",
			Fields: []action.FieldSpec{nameField(),
				{Name: "by", Label: "By", Kind: action.FieldTemplate, Default: "1", Help: "a number or e.g. {coins}"}}},
		DryRunSafe: true,
		Validate:   validateVarName,
		Execute: func(_ context.Context, run *action.Run) error {
			name := run.Config().String("name")
			by, err := strconv.ParseFloat(strings.TrimSpace(run.Text("by")), 64)
			if err != nil {
				return fmt.Errorf("amount %q is not a number", run.Text("by"))
			}
			if run.DryRun {
				cur, _ := run.Var(name)
				f, _ := cur.Float()
				return run.SetVar(name, action.NumberValue(f+by))
			}
			v, err := e.vars.add(name, by)
			if err == nil {
				run.Notef("%s = %s", name, v.Text())
			}
			return err
		},
	}
}

// maxDelay bounds one delay action.
const maxDelay = time.Hour

func delayAction() action.Action {
	return action.Action{
		Info: action.Info{Type: "delay", Name: "Wait", Category: catFlow,
			Fields: []action.FieldSpec{{Name: "ms", Label: "Milliseconds", Kind: action.FieldNumber, Required: true}}},
		DryRunSafe: true,
		Validate: func(cfg *action.Config) error {
			if d := cfg.Number("ms"); d < 0 || time.Duration(d)*time.Millisecond > maxDelay {
				return fmt.Errorf("ms must be between 0 and %d", maxDelay.Milliseconds())
			}
			return nil
		},
		Execute: func(ctx context.Context, run *action.Run) error {
			d := time.Duration(run.Config().Number("ms") * float64(time.Millisecond))
			if run.DryRun {
				run.Notef("would wait %s", d)
				return nil
			}
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-t.C:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		},
	}
}

func stopAction() action.Action {
	return action.Action{
		Info: action.Info{Type: "flow.stop", Name: "Stop this run", Category: catFlow,
			Fields: []action.FieldSpec{{Name: "reason", Label: "Reason", Kind: action.FieldTemplate}}},
		DryRunSafe: true,
		Execute: func(_ context.Context, run *action.Run) error {
			if r := run.Text("reason"); r != "" {
				run.Notef("stopped: %s", r)
			}
			return action.ErrStop
		},
	}
}

func logAction() action.Action {
	levels := []action.Option{{Value: "info", Label: "Info"}, {Value: "warn", Label: "Warning"}, {Value: "error", Label: "Error"}}
	return action.Action{
		Info: action.Info{Type: "log.write", Name: "Write to log", Category: catFlow,
			Description: "Appends a line to the flow's log file.",
			Fields: []action.FieldSpec{{Name: "message", Label: "Message", Kind: action.FieldTemplate, Required: true},
				{Name: "level", Label: "Level", Kind: action.FieldSelect, Options: levels, Default: "info"}}},
		DryRunSafe: true,
		Execute: func(_ context.Context, run *action.Run) error {
			run.Logf(run.Config().String("level"), "%s", run.Text("message"))
			return nil
		},
	}
}

// runFlowAction starts another flow: in its own run (its mode and queue
// apply), or inline, as steps of this run. Either way the chain is bounded
// by the loop guard.
func (e *Engine) runFlowAction() action.Action {
	return action.Action{
		Info: action.Info{Type: "flow.run", Name: "Run another flow", Category: catFlow,
			Description: "Inline: the flow's actions run as part of this run, sharing its event and arguments.",
			Fields: []action.FieldSpec{{Name: "flowId", Label: "Flow", Kind: action.FieldText, Required: true},
				{Name: "inline", Label: "Inline (wait for it)", Kind: action.FieldBool, Default: false}}},
		DryRunSafe: true,
		Execute:    e.execRunFlow,
	}
}

func (e *Engine) execRunFlow(_ context.Context, run *action.Run) error {
	rs, ok := run.Host().(*runState)
	if !ok {
		return fmt.Errorf("flow.run works inside the flow engine only")
	}
	id := run.Config().String("flowId")
	e.mu.RLock()
	en, r := e.flows[id], e.runners[id]
	e.mu.RUnlock()
	if en == nil || en.c == nil {
		return fmt.Errorf("flow %q does not exist or is invalid", id)
	}
	depth := run.Depth + 1
	if depth > e.opts.MaxDepth {
		return fmt.Errorf("loop guard: run depth %d exceeds %d", depth, e.opts.MaxDepth)
	}
	if run.Config().Bool("inline") {
		return e.inline(rs, en.c)
	}
	if run.DryRun {
		run.Notef("would start flow %q", id)
		return nil
	}
	tt := TriggerTrace{Type: "flow.run", Index: -1, Key: "flow", Matched: true,
		Reason: "started by run " + run.RunID + " of flow " + run.FlowID}
	in := action.Input{Key: "flow", Event: run.Event, Now: e.now(), Live: e.live.Load(), Roles: e.opts.Roles}
	res := e.fire(en, r, tt, &in, maps.Clone(run.Args), depth, rs)
	run.Notef("flow %q: %s %s %s", id, res.RunID, res.Status, res.Reason)
	return nil
}

// inline runs another flow's conditions and actions as part of rs.
func (e *Engine) inline(rs *runState, c *compiled) error {
	ev := &action.Eval{Scope: &rs.run.Scope, Now: e.now(), Rand: e.opts.Rand, Roles: e.opts.Roles, DryRun: rs.dry}
	ok, traces := ev.All(c.conds)
	for _, t := range traces {
		rs.Note("condition " + t.Type + ": " + t.Reason)
	}
	if !ok {
		rs.Note("conditions of flow " + strconv.Quote(c.def.ID) + " not met: skipped")
		return nil
	}
	ev.Commit()
	rs.run.Depth++
	defer func() { rs.run.Depth-- }()
	at := rs.step
	switch e.runSteps(rs, c.actions, &at.Children) {
	case StatusFailed:
		return fmt.Errorf("flow %q failed", c.def.ID)
	case StatusCanceled:
		return context.Canceled
	}
	return nil
}

package flow

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// runState is one run on the engine side; it is the action.Host of its
// action.Run and the variable source of its templates.
type runState struct {
	e      *Engine
	c      *compiled
	runner *runner
	trace  *Trace
	run    *action.Run
	ctx    context.Context
	cancel context.CancelFunc
	dry    bool
	t0     time.Time // when execution began (monotonic)

	overlay map[string]action.Value // dry-run variable writes
	step    *ActionTrace            // the step executing now
}

func (e *Engine) newRun(c *compiled, r *runner, tt TriggerTrace, in *action.Input,
	args map[string]string, depth int, dry bool) *runState {
	if in.Now.IsZero() {
		in.Now = e.now()
	}
	ctx, cancel := context.WithCancel(e.ctx)
	rs := &runState{e: e, c: c, runner: r, ctx: ctx, cancel: cancel, dry: dry}
	n := e.seq.Add(1)
	rs.trace = &Trace{seq: n, RunID: e.prefix + "-" + strconv.FormatUint(n, 36), FlowID: c.def.ID, FlowName: c.def.Name, DryRun: dry,
		Depth: depth, Started: in.Now, Status: StatusRunning, Trigger: tt, Event: in.Event, Args: args}
	scope := action.Scope{Event: in.Event, Args: args, Vars: rs, FlowID: c.def.ID,
		FlowName: c.def.Name, RunID: rs.trace.RunID, Trigger: tt.Type, Now: in.Now}
	rs.run = action.NewRun(rs, scope, dry, depth)
	return rs
}

// eval prepares the evaluation of the flow's conditions for this run.
func (rs *runState) eval() *action.Eval {
	e := rs.e
	return &action.Eval{Scope: &rs.run.Scope, Now: rs.trace.Started, Rand: e.opts.Rand,
		Roles: e.opts.Roles, DryRun: rs.dry}
}

// execute runs the flow's actions and finishes the run.
func (e *Engine) execute(rs *runState) {
	defer e.finish(rs)
	rs.t0 = time.Now()
	rs.trace.Status = e.runSteps(rs, rs.c.actions, &rs.trace.Actions)
}

// runSteps executes steps in order and returns the run status.
func (e *Engine) runSteps(rs *runState, steps []step, out *[]ActionTrace) string {
	status := StatusCompleted
	for i := range steps {
		s := &steps[i]
		at := ActionTrace{Index: s.index, Type: s.el.Type, Alias: s.el.Alias}
		switch {
		case status != StatusCompleted:
			at.Status = "skipped"
		case !s.el.On():
			at.Status = "disabled"
		case rs.ctx.Err() != nil:
			at.Status, status = "canceled", StatusCanceled
		default:
			status = rs.step1(s, &at)
		}
		*out = append(*out, at)
	}
	return status
}

// step1 executes one step into at and returns the run status after it.
func (rs *runState) step1(s *step, at *ActionTrace) string {
	prevStep, prevCfg := rs.step, rs.run.Config()
	rs.step = at
	rs.run.SetConfig(s.cfg)
	defer func() { rs.step = prevStep; rs.run.SetConfig(prevCfg) }()
	start := time.Now()
	if !rs.t0.IsZero() {
		at.StartMs = ms(start.Sub(rs.t0))
	}
	var err error
	if rs.dry && !s.act.DryRunSafe {
		rs.Note("would run " + describe(s, rs.run))
	} else {
		err = safeExecute(rs.ctx, s.act, rs.run)
	}
	at.DurationMs = ms(time.Since(start))
	switch {
	case err == nil:
		at.Status = "ok"
		if rs.dry {
			at.Status = "dryRun"
		}
		return StatusCompleted
	case errors.Is(err, action.ErrStop):
		at.Status = "stopped"
		return StatusStopped
	case rs.ctx.Err() != nil:
		at.Status, at.Error = "canceled", err.Error()
		return StatusCanceled
	}
	at.Status, at.Error = "error", err.Error()
	rs.trace.Errors = append(rs.trace.Errors, fmt.Sprintf("actions[%d] (%s): %v", s.index, s.el.Type, err))
	if s.el.ContinueOnError {
		return StatusCompleted
	}
	return StatusFailed
}

// safeExecute runs an action, turning a panic into an error.
func safeExecute(ctx context.Context, a action.Action, run *action.Run) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("action %s panicked: %v", a.Type, p)
		}
	}()
	return a.Execute(ctx, run)
}

// describe renders a step's config for a dry run of an action that cannot
// dry-run itself.
func describe(s *step, run *action.Run) string {
	var b strings.Builder
	b.WriteString(s.el.Type)
	sep := " ("
	for _, f := range s.act.Fields {
		if !s.cfg.Has(f.Name) {
			continue
		}
		b.WriteString(sep)
		sep = ", "
		b.WriteString(f.Name)
		b.WriteByte('=')
		if f.Kind == action.FieldTemplate {
			b.WriteString(strconv.Quote(s.cfg.Template(f.Name).RenderText(&run.Scope)))
			continue
		}
		v, _ := json.Marshal(configValue(s.cfg, f))
		b.Write(v)
	}
	if sep == ", " {
		b.WriteByte(')')
	}
	return b.String()
}

func configValue(c *action.Config, f action.FieldSpec) any {
	switch f.Kind {
	case action.FieldNumber:
		return c.Number(f.Name)
	case action.FieldBool:
		return c.Bool(f.Name)
	case action.FieldList:
		return c.Strings(f.Name)
	case action.FieldJSON, action.FieldConditions:
		return c.Raw(f.Name)
	}
	return c.String(f.Name)
}

// finish completes a run: trace, flow log, mode bookkeeping.
func (e *Engine) finish(rs *runState) {
	rs.trace.Finished = e.now()
	if !rs.t0.IsZero() {
		rs.trace.DurationMs = ms(time.Since(rs.t0))
	}
	rs.trace.Variables = rs.snapshot()
	rs.cancel()
	if rs.dry {
		return
	}
	e.record(rs)
	if next := rs.runner.release(rs); next != nil {
		e.start(next)
	}
	e.runs.Done()
}

// record keeps a finished (or refused) run's trace and logs it.
func (e *Engine) record(rs *runState) {
	if rs.dry {
		return
	}
	t := rs.trace
	e.traces.add(t)
	if t.Status == StatusRejected {
		return // conditions not met: in memory only, or chat would flood the log
	}
	line := "run " + t.RunID + " " + t.Status + " trigger=" + t.Trigger.Type +
		" durationMs=" + strconv.FormatFloat(t.DurationMs, 'f', 1, 64)
	if t.Reason != "" {
		line += " reason=" + strconv.Quote(t.Reason)
	}
	for _, err := range t.Errors {
		line += " error=" + strconv.Quote(err)
	}
	level := "info"
	if t.Status == StatusFailed || len(t.Errors) > 0 {
		level = "error"
	}
	e.logs.write(t.FlowID, level, line)
}

// maxSnapshot bounds the variables copied into a trace.
const maxSnapshot = 100

func (rs *runState) snapshot() map[string]action.Value {
	out := rs.e.vars.snapshot(maxSnapshot)
	for k, v := range rs.overlay {
		out[k] = v
	}
	return out
}

// Publish implements action.Host.
func (rs *runState) Publish(m domain.Message) {
	if rs.dry {
		rs.Note("would publish " + strconv.Quote(m.Type))
		return
	}
	if m.TS == 0 {
		m.TS = time.Now().UnixMilli()
	}
	if rs.e.wants(&m) { // only what can trigger a flow can loop
		rs.e.origins.note(&m, rs.run.Depth, time.Now())
	}
	rs.e.bus.Publish(m)
}

// SetVar implements action.Host.
func (rs *runState) SetVar(name string, v action.Value) error {
	if err := checkVarName(name); err != nil {
		return err
	}
	if rs.dry {
		if rs.overlay == nil {
			rs.overlay = map[string]action.Value{}
		}
		rs.overlay[name] = v
		rs.Note("would set variable " + name + " = " + v.Text())
		return nil
	}
	return rs.e.vars.set(name, v)
}

// Var implements action.VarSource: this run's view of the variables.
func (rs *runState) Var(name string) (action.Value, bool) {
	if v, ok := rs.overlay[name]; ok {
		return v, true
	}
	return rs.e.vars.get(name)
}

// Log implements action.Host.
func (rs *runState) Log(level, msg string) {
	if rs.dry {
		rs.Note("would log (" + level + "): " + msg)
		return
	}
	rs.e.logs.write(rs.trace.FlowID, level, "run "+rs.trace.RunID+": "+msg)
	rs.Note("logged: " + msg)
}

// Note implements action.Host.
func (rs *runState) Note(msg string) {
	if rs.step != nil {
		rs.step.Notes = append(rs.step.Notes, msg)
	}
}

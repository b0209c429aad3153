package action

import (
	"time"
)

// Check is a compiled condition.
type Check func(ev *Eval) Result

// Result is a condition's outcome with a human-readable reason for the run
// trace ("coins 5 >= 100: false"), and the outcomes of nested conditions.
type Result struct {
	OK       bool
	Reason   string
	Children []CondTrace
}

// Pass and Fail build Results.
func Pass(reason string) Result { return Result{OK: true, Reason: reason} }

// Fail builds a failing Result.
func Fail(reason string) Result { return Result{Reason: reason} }

// CondTrace records one evaluated (or skipped) condition.
type CondTrace struct {
	Type     string      `json:"type"`
	Alias    string      `json:"alias,omitempty"`
	Result   bool        `json:"result"`
	Reason   string      `json:"reason,omitempty"`
	Skipped  bool        `json:"skipped,omitempty"`
	Children []CondTrace `json:"children,omitempty"`
}

// Compiled is one compiled condition of a list.
type Compiled struct {
	Type    string
	Alias   string
	Enabled bool
	Check   Check
}

// Group is a compiled list of conditions.
type Group []Compiled

// Eval is the state one evaluation of a flow's conditions works with.
type Eval struct {
	Scope  *Scope
	Now    time.Time
	Rand   func() float64 // [0,1)
	Roles  RoleLookup     // may be nil
	DryRun bool

	commits []func()
	buf     [2]func() // backs commits for the usual one or two limits
}

// OnPass registers f to run if every condition passes and the run is
// admitted (cooldowns and rate limits record their use this way). In a dry
// run f is never called.
func (ev *Eval) OnPass(f func()) {
	if ev.DryRun {
		return
	}
	if ev.commits == nil {
		ev.commits = ev.buf[:0]
	}
	ev.commits = append(ev.commits, f)
}

// Commit runs and forgets the OnPass callbacks.
func (ev *Eval) Commit() {
	for _, f := range ev.commits {
		f()
	}
	ev.commits = nil
}

// Discard forgets the OnPass callbacks.
func (ev *Eval) Discard() { ev.commits = nil }

// Mark and Rollback let a group forget the OnPass callbacks of a branch that
// did not decide the outcome (e.g. the inside of a "not").
func (ev *Eval) Mark() int { return len(ev.commits) }

// Rollback forgets the OnPass callbacks registered since mark.
func (ev *Eval) Rollback(mark int) {
	if mark < len(ev.commits) {
		ev.commits = ev.commits[:mark]
	}
}

// All evaluates g as AND: it stops at the first failure and records the
// rest as skipped.
func (ev *Eval) All(g Group) (bool, []CondTrace) {
	traces := make([]CondTrace, 0, len(g))
	ok := true
	mark := ev.Mark()
	for i := range g {
		c := &g[i]
		if !c.Enabled {
			continue
		}
		if !ok {
			traces = append(traces, CondTrace{Type: c.Type, Alias: c.Alias, Skipped: true})
			continue
		}
		r := c.Check(ev)
		traces = append(traces, CondTrace{Type: c.Type, Alias: c.Alias, Result: r.OK, Reason: r.Reason, Children: r.Children})
		ok = r.OK
	}
	if !ok {
		ev.Rollback(mark)
	}
	return ok, traces
}

// Any evaluates g as OR: it stops at the first success. An empty group is
// false.
func (ev *Eval) Any(g Group) (bool, []CondTrace) {
	traces := make([]CondTrace, 0, len(g))
	ok := false
	for i := range g {
		c := &g[i]
		if !c.Enabled {
			continue
		}
		if ok {
			traces = append(traces, CondTrace{Type: c.Type, Alias: c.Alias, Skipped: true})
			continue
		}
		mark := ev.Mark()
		r := c.Check(ev)
		if !r.OK {
			ev.Rollback(mark)
		}
		traces = append(traces, CondTrace{Type: c.Type, Alias: c.Alias, Result: r.OK, Reason: r.Reason, Children: r.Children})
		ok = r.OK
	}
	return ok, traces
}

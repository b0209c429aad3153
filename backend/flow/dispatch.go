package flow

import (
	"sort"
	"strconv"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// index maps a message key to the triggers of enabled flows listening to
// it, so one message only evaluates candidate flows. It is rebuilt on every
// change and read without locks.
type index struct {
	byKey map[string][]cand
}

type cand struct {
	en *entry
	r  *runner
	t  *trigger
}

// rebuildLocked rebuilds the index and drops runners of deleted flows.
// Caller holds e.mu.
func (e *Engine) rebuildLocked() {
	ids := make([]string, 0, len(e.flows))
	for id := range e.flows {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	idx := &index{byKey: map[string][]cand{}}
	for _, id := range ids {
		en := e.flows[id]
		r := e.runners[id]
		if r == nil {
			r = newRunner()
			e.runners[id] = r
		}
		if !en.active() {
			continue
		}
		for i := range en.c.triggers {
			t := &en.c.triggers[i]
			for _, k := range t.m.Keys {
				idx.byKey[k] = append(idx.byKey[k], cand{en: en, r: r, t: t})
			}
		}
	}
	for id := range e.runners {
		if e.flows[id] == nil {
			delete(e.runners, id)
		}
	}
	e.idx.Store(idx)
}

// Fired reports one flow a message started (or tried to start).
type Fired struct {
	FlowID string `json:"flowId"`
	RunID  string `json:"runId"`
	Status string `json:"status"` // running, queued, rejected, ignored
	Reason string `json:"reason,omitempty"`
}

// handle matches one bus message.
func (e *Engine) handle(m domain.Message) {
	e.observe(&m)
	depth := e.origins.depthOf(&m, e.now())
	in := action.Input{Key: m.Type, Msg: &m, Event: m.Event, Now: e.now(),
		Live: e.live.Load(), Roles: e.opts.Roles}
	e.dispatch(&in, depth)
}

// observe tracks whether the stream is connected (for "only when live"
// timers).
func (e *Engine) observe(m *domain.Message) {
	if m.Event != nil {
		switch m.Event.Type {
		case domain.EventConnected:
			e.live.Store(true)
		case domain.EventDisconnected, domain.EventStreamEnd:
			e.live.Store(false)
		}
		return
	}
	if m.Type == domain.MsgConnection {
		in := action.Input{Msg: m}
		if s, ok := in.Data()["state"].(string); ok {
			e.live.Store(s == domain.ConnConnected)
		}
	}
}

// Tick fires timer triggers as of now (the engine's ticker calls it every
// TickInterval; tests call it directly).
func (e *Engine) Tick(now time.Time) {
	in := action.Input{Key: action.KeyTimer, Now: now, Live: e.live.Load(), Roles: e.opts.Roles}
	e.dispatch(&in, 0)
}

// match calls fn for every enabled flow one of whose triggers matches in
// (once per flow, first matching trigger). It is the hot path: an index
// lookup, then only the candidates' matchers, without allocation when
// nothing matches.
func (e *Engine) match(in *action.Input, fn func(cd *cand, args map[string]string)) int {
	list := e.idx.Load().byKey[in.Key]
	var last *entry
	n := 0
	for i := range list {
		cd := &list[i]
		if cd.en == last {
			continue
		}
		args, ok := cd.t.m.Match(in)
		if !ok {
			continue
		}
		last = cd.en
		n++
		fn(cd, args)
	}
	return n
}

// dispatch matches in and fires every matching flow.
func (e *Engine) dispatch(in *action.Input, depth int) []Fired {
	var out []Fired
	e.match(in, func(cd *cand, args map[string]string) {
		tt := TriggerTrace{Type: cd.t.typ, Index: cd.t.index, Alias: cd.t.alias, Key: in.Key, Matched: true}
		out = append(out, e.fire(cd.en, cd.r, tt, in, args, depth, nil))
	})
	return out
}

// fire evaluates the conditions of a flow whose trigger matched and, when
// they pass and its mode admits it, starts the run. parent is the run that
// started it through a run-flow action (nil otherwise).
func (e *Engine) fire(en *entry, r *runner, tt TriggerTrace, in *action.Input,
	args map[string]string, depth int, parent *runState) Fired {
	rs := e.newRun(en.c, r, tt, in, args, depth, false)
	if parent != nil {
		rs.trace.Parent = parent.trace.RunID
	}
	res := Fired{FlowID: en.rec.ID, RunID: rs.trace.RunID}
	if depth > e.opts.MaxDepth {
		return e.reject(rs, res, StatusIgnored, "loop guard: run depth "+strconv.Itoa(depth)+
			" exceeds "+strconv.Itoa(e.opts.MaxDepth))
	}
	ev := rs.eval()
	ok, traces := ev.All(en.c.conds)
	rs.trace.Conditions = traces
	if !ok {
		return e.reject(rs, res, StatusRejected, "conditions not met")
	}
	if !e.track() {
		return e.reject(rs, res, StatusIgnored, "the flow engine is stopping")
	}
	start, reason := e.admit(rs)
	if reason != "" {
		e.runs.Done()
		ev.Discard()
		return e.reject(rs, res, StatusIgnored, reason)
	}
	ev.Commit()
	if !start {
		res.Status = "queued"
		return res
	}
	e.start(rs)
	res.Status = "running"
	return res
}

// reject records a run that did not start.
func (e *Engine) reject(rs *runState, res Fired, status, reason string) Fired {
	rs.trace.Status, rs.trace.Reason = status, reason
	rs.trace.Finished = rs.trace.Started
	e.record(rs)
	rs.cancel()
	res.Status, res.Reason = status, reason
	return res
}

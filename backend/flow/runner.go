package flow

import (
	"context"
	"strconv"
	"sync"
	"time"
)

// runner is the per-flow bookkeeping of run modes and the circuit breaker.
// It survives edits of the flow (keyed by flow id).
type runner struct {
	mu      sync.Mutex
	active  map[*runState]struct{} // admitted and not finished (incl. in a named queue)
	waiting []*runState            // queued mode: admitted, not started yet

	winStart  time.Time
	winCount  int
	openUntil time.Time
}

func newRunner() *runner { return &runner{active: map[*runState]struct{}{}} }

// counts returns how many runs are active and waiting.
func (r *runner) counts() (active, waiting int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.active), len(r.waiting)
}

// breakerOpen reports whether the breaker is open at now.
func (r *runner) breakerOpen(now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return now.Before(r.openUntil)
}

// tripped counts one admission and reports whether the breaker is (now)
// open. Caller holds r.mu.
func (r *runner) tripped(now time.Time, limit int, cooldown time.Duration) (bool, bool) {
	if now.Before(r.openUntil) {
		return true, false
	}
	if limit < 0 {
		return false, false
	}
	if now.Sub(r.winStart) >= time.Second || now.Before(r.winStart) {
		r.winStart, r.winCount = now, 0
	}
	r.winCount++
	if r.winCount > limit {
		r.openUntil = now.Add(cooldown)
		r.winCount = 0
		return true, true
	}
	return false, false
}

// admit applies the breaker and the flow's mode to a run whose conditions
// passed. start says to start it now; reason is why it was not admitted
// ("" when it was, started or waiting).
//
// The breaker guards loops, not the audience: a run caused directly by an
// external event (a TikTok, replayed or simulated event, depth 0) neither
// counts nor is stopped by it, so a 4,000-gift flood runs a "gift → goal"
// flow 4,000 times. Runs caused by flows (depth > 0), by state messages,
// timers or manual starts are counted and stopped.
func (e *Engine) admit(rs *runState) (start bool, reason string) {
	f, r := rs.c.def, rs.runner
	if rs.dry {
		return true, ""
	}
	if rs.trace.Event != nil && rs.trace.Depth == 0 {
		r.mu.Lock()
		defer r.mu.Unlock()
		return e.admitMode(rs)
	}
	limit := f.MaxRunsPerSecond
	if limit == 0 {
		limit = e.opts.MaxRunsPerSecond
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	open, justTripped := r.tripped(rs.trace.Started, limit, e.opts.BreakerCooldown)
	if justTripped {
		e.log.Warn().Str("flow", f.ID).Int("limit", limit).Msg("flow circuit breaker tripped")
		e.logs.write(f.ID, "warn", "circuit breaker tripped: more than "+strconv.Itoa(limit)+" runs in one second")
	}
	if open {
		return false, "circuit breaker open: more than " + strconv.Itoa(limit) + " runs per second"
	}
	return e.admitMode(rs)
}

// admitMode applies the flow's run mode. Caller holds rs.runner.mu.
func (e *Engine) admitMode(rs *runState) (start bool, reason string) {
	f, r := rs.c.def, rs.runner
	switch f.Mode {
	case ModeSingle:
		if len(r.active) > 0 {
			return false, "already running (mode single)"
		}
	case ModeRestart:
		for other := range r.active {
			other.cancel()
		}
	case ModeQueued:
		if len(r.active) > 0 {
			if len(r.waiting) >= f.Max {
				return false, "queue full (mode queued, max " + strconv.Itoa(f.Max) + ")"
			}
			r.waiting = append(r.waiting, rs)
			return false, ""
		}
	case ModeParallel:
		if len(r.active) >= f.Max {
			return false, "too many runs (mode parallel, max " + strconv.Itoa(f.Max) + ")"
		}
	}
	r.active[rs] = struct{}{}
	return true, ""
}

// start executes an admitted run: in its flow's named queue, or in its own
// goroutine. The caller has counted it in e.runs.
func (e *Engine) start(rs *runState) {
	if q := rs.c.def.Queue; q != "" {
		if !e.queues.push(q, rs) {
			rs.trace.Status, rs.trace.Reason = StatusIgnored, "named queue "+strconv.Quote(q)+" is full"
			e.finish(rs)
		}
		return
	}
	go e.execute(rs)
}

// release removes a finished run from its runner and returns the next
// waiting run of a queued flow, if any.
func (r *runner) release(rs *runState) *runState {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.active[rs]; !ok {
		return nil
	}
	delete(r.active, rs)
	if len(r.waiting) == 0 || len(r.active) > 0 {
		return nil
	}
	next := r.waiting[0]
	r.waiting = r.waiting[1:]
	r.active[next] = struct{}{}
	return next
}

// queues are the named queues shared across flows: one worker each,
// executing runs one at a time in arrival order.
type queues struct {
	ctx  context.Context
	size int
	exec func(*runState)

	mu sync.Mutex
	m  map[string]chan *runState
	wg sync.WaitGroup
}

func newQueues(ctx context.Context, size int, exec func(*runState)) *queues {
	return &queues{ctx: ctx, size: size, exec: exec, m: map[string]chan *runState{}}
}

// push appends rs to queue name (creating it); false when it is full or
// the engine stopped.
func (q *queues) push(name string, rs *runState) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.ctx.Err() != nil {
		return false
	}
	ch := q.m[name]
	if ch == nil {
		ch = make(chan *runState, q.size)
		q.m[name] = ch
		q.wg.Add(1)
		go q.work(ch)
	}
	select {
	case ch <- rs:
		return true
	default:
		return false
	}
}

func (q *queues) work(ch chan *runState) {
	defer q.wg.Done()
	for {
		select {
		case rs := <-ch:
			q.exec(rs)
		case <-q.ctx.Done():
			q.drain(ch)
			return
		}
	}
}

// drain finishes what is left after Stop; the runs' contexts are canceled,
// so each ends at once as canceled. Taking the lock first waits out a push
// in progress; later pushes fail because the context is done.
func (q *queues) drain(ch chan *runState) {
	q.mu.Lock()
	q.mu.Unlock() //nolint:staticcheck // a barrier, see above
	for {
		select {
		case rs := <-ch:
			q.exec(rs)
		default:
			return
		}
	}
}

// wait waits for every queue worker to end (after the engine's context is
// canceled).
func (q *queues) wait() { q.wg.Wait() }

// lengths lists the queues and how many runs wait in each.
func (q *queues) lengths() map[string]int {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make(map[string]int, len(q.m))
	for n, ch := range q.m {
		out[n] = len(ch)
	}
	return out
}

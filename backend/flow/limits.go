package flow

import (
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/action"
)

func scopeField() action.FieldSpec {
	return action.FieldSpec{Name: "scope", Label: "Per", Kind: action.FieldSelect, Default: "global",
		Options: []action.Option{{Value: "global", Label: "Whole flow"}, {Value: "user", Label: "Each viewer"}}}
}

// userKey identifies the run's viewer for per-user limits ("" without one).
func userKey(ev *action.Eval) string {
	e := ev.Scope.Event
	if e == nil {
		return ""
	}
	if e.UserID != "" {
		return e.UserID
	}
	return e.UniqueID
}

// maxTracked bounds per-user limit state; beyond it stale entries are swept.
const maxTracked = 10000

// cooldownCondition passes when the flow (or this viewer) has not run for
// the given time. The cooldown starts when a run is admitted, not when the
// condition is merely evaluated.
func cooldownCondition() action.Condition {
	return action.Condition{
		Info: action.Info{Type: "cooldown", Name: "Cooldown", Category: catLimits,
			Description: "Only if the flow (or this viewer) has not run for the given time.",
			Fields: []action.FieldSpec{{Name: "seconds", Label: "Seconds", Kind: action.FieldNumber, Required: true},
				scopeField()}},
		Compile: func(cfg *action.Config, _ action.Compiler) (action.Check, error) {
			secs := cfg.Number("seconds")
			if secs <= 0 {
				return nil, fmt.Errorf("seconds must be positive")
			}
			cd := &cooldown{d: time.Duration(secs * float64(time.Second)), perUser: cfg.String("scope") == "user",
				last: map[string]time.Time{}}
			return cd.check, nil
		}}
}

type cooldown struct {
	d       time.Duration
	perUser bool
	mu      sync.Mutex
	last    map[string]time.Time
}

func (cd *cooldown) check(ev *action.Eval) action.Result {
	key, who, free := "", "flow", "flow not cooling down"
	if cd.perUser {
		key, who, free = userKey(ev), "viewer", "viewer not cooling down"
	}
	now := ev.Now
	cd.mu.Lock()
	last, seen := cd.last[key]
	cd.mu.Unlock()
	if seen && now.Sub(last) < cd.d {
		left := cd.d - now.Sub(last)
		return action.Fail(who + " cooling down, " + strconv.FormatFloat(left.Seconds(), 'f', 1, 64) + "s left")
	}
	ev.OnPass(func() {
		cd.mu.Lock()
		defer cd.mu.Unlock()
		if len(cd.last) >= maxTracked {
			for k, t := range cd.last {
				if now.Sub(t) >= cd.d {
					delete(cd.last, k)
				}
			}
		}
		cd.last[key] = now
	})
	return action.Pass(free)
}

// rateLimitCondition passes while fewer than count runs happened in the
// last window (for the flow, or per viewer).
func rateLimitCondition() action.Condition {
	return action.Condition{
		Info: action.Info{Type: "rateLimit", Name: "Rate limit", Category: catLimits,
			Description: "At most N runs per time window.",
			Fields: []action.FieldSpec{{Name: "count", Label: "Runs", Kind: action.FieldNumber, Required: true},
				{Name: "windowSeconds", Label: "Per seconds", Kind: action.FieldNumber, Required: true}, scopeField()}},
		Compile: func(cfg *action.Config, _ action.Compiler) (action.Check, error) {
			n, w := cfg.Int("count"), cfg.Number("windowSeconds")
			if n < 1 || w <= 0 {
				return nil, fmt.Errorf("count must be at least 1 and windowSeconds positive")
			}
			rl := &rateLimit{n: int(n), w: time.Duration(w * float64(time.Second)),
				perUser: cfg.String("scope") == "user", hits: map[string][]time.Time{}}
			return rl.check, nil
		}}
}

type rateLimit struct {
	n       int
	w       time.Duration
	perUser bool
	mu      sync.Mutex
	hits    map[string][]time.Time
}

func (rl *rateLimit) check(ev *action.Eval) action.Result {
	key := ""
	if rl.perUser {
		key = userKey(ev)
	}
	now := ev.Now
	rl.mu.Lock()
	recent := rl.prune(key, now)
	rl.mu.Unlock()
	limit := strconv.Itoa(rl.n) + " per " + strconv.FormatFloat(rl.w.Seconds(), 'f', -1, 64) + "s"
	if recent >= rl.n {
		return action.Fail("rate limit " + limit + " reached")
	}
	ev.OnPass(func() {
		rl.mu.Lock()
		defer rl.mu.Unlock()
		if len(rl.hits) >= maxTracked {
			for k := range rl.hits {
				rl.prune(k, now)
			}
		}
		rl.hits[key] = append(rl.hits[key], now)
	})
	return action.Pass(strconv.Itoa(recent) + " of " + limit)
}

// prune drops hits older than the window and returns how many remain.
// Caller holds rl.mu.
func (rl *rateLimit) prune(key string, now time.Time) int {
	hs := rl.hits[key]
	i := 0
	for i < len(hs) && now.Sub(hs[i]) >= rl.w {
		i++
	}
	if i == len(hs) {
		delete(rl.hits, key)
		return 0
	}
	if i > 0 {
		rl.hits[key] = append(hs[:0], hs[i:]...)
	}
	return len(hs) - i
}

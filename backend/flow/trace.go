package flow

import (
	"sort"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// Run statuses.
const (
	StatusRunning   = "running"
	StatusCompleted = "completed"
	StatusStopped   = "stopped"  // a stop action ended it
	StatusFailed    = "failed"   // an action failed
	StatusCanceled  = "canceled" // restart mode, engine stop
	StatusRejected  = "rejected" // conditions not met
	StatusIgnored   = "ignored"  // mode, queue, breaker or loop guard said no
)

// Trace records one run for the "why did (or didn't) it fire" panel.
type Trace struct {
	seq        uint64                  // start order
	RunID      string                  `json:"runId"`
	FlowID     string                  `json:"flowId"`
	FlowName   string                  `json:"flowName"`
	Parent     string                  `json:"parentRunId,omitempty"`
	DryRun     bool                    `json:"dryRun,omitempty"`
	Depth      int                     `json:"depth,omitempty"`
	Started    time.Time               `json:"started"`
	Finished   time.Time               `json:"finished"`
	DurationMs float64                 `json:"durationMs"`
	Status     string                  `json:"status"`
	Reason     string                  `json:"reason,omitempty"`
	Trigger    TriggerTrace            `json:"trigger"`
	Event      *domain.Event           `json:"event,omitempty"`
	Args       map[string]string       `json:"args,omitempty"`
	Conditions []action.CondTrace      `json:"conditions"`
	Actions    []ActionTrace           `json:"actions"`
	Variables  map[string]action.Value `json:"variables,omitempty"`
	Errors     []string                `json:"errors,omitempty"`
}

// TriggerTrace says which trigger started the run and why.
type TriggerTrace struct {
	Type    string `json:"type"`
	Index   int    `json:"index"` // position in the flow's triggers; -1 for manual/test runs
	Alias   string `json:"alias,omitempty"`
	Key     string `json:"key,omitempty"` // the message type matched
	Matched bool   `json:"matched"`
	Reason  string `json:"reason,omitempty"`
}

// ActionTrace records one action of a run.
type ActionTrace struct {
	Index      int           `json:"index"`
	Type       string        `json:"type"`
	Alias      string        `json:"alias,omitempty"`
	Status     string        `json:"status"`  // ok, error, skipped, disabled, dryRun, stopped, canceled
	StartMs    float64       `json:"startMs"` // since the run started
	DurationMs float64       `json:"durationMs"`
	Notes      []string      `json:"notes,omitempty"`
	Error      string        `json:"error,omitempty"`
	Children   []ActionTrace `json:"children,omitempty"` // an inline run-flow's actions
}

// ring keeps the last n traces of one flow.
type ring struct {
	buf  []*Trace
	next int
	full bool
}

func (r *ring) push(t *Trace) {
	r.buf[r.next] = t
	r.next = (r.next + 1) % len(r.buf)
	if r.next == 0 {
		r.full = true
	}
}

// list returns the traces, most recently started first.
func (r *ring) list() []*Trace {
	n := r.next
	if r.full {
		n = len(r.buf)
	}
	out := make([]*Trace, 0, n)
	for i := 1; i <= n; i++ {
		out = append(out, r.buf[(r.next-i+len(r.buf))%len(r.buf)])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].seq > out[j].seq })
	return out
}

// TraceStore keeps recent run traces per flow, in memory. Give the engines
// of one profile the same TraceStore (Options.TraceStore): a profile switch
// rebuilds the engine, and the run history must survive it.
type TraceStore struct{ s *traceStore }

// NewTraceStore keeps perFlow runs per flow (50 when perFlow <= 0).
func NewTraceStore(perFlow int) *TraceStore {
	if perFlow <= 0 {
		perFlow = 50
	}
	return &TraceStore{s: newTraceStore(perFlow)}
}

// traceStore keeps recent traces per flow, in memory.
type traceStore struct {
	n  int
	mu sync.Mutex
	m  map[string]*ring
}

func newTraceStore(n int) *traceStore { return &traceStore{n: n, m: map[string]*ring{}} }

func (s *traceStore) add(t *Trace) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.m[t.FlowID]
	if r == nil {
		r = &ring{buf: make([]*Trace, s.n)}
		s.m[t.FlowID] = r
	}
	r.push(t)
}

func (s *traceStore) list(flowID string) []*Trace {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.m[flowID]; r != nil {
		return r.list()
	}
	return []*Trace{}
}

func (s *traceStore) forget(flowID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, flowID)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

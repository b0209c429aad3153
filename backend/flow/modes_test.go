package flow

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// gate is a test action that blocks until released, recording concurrency.
type gate struct {
	mu        sync.Mutex
	active    int
	maxActive int
	order     []string
	started   chan string
	release   chan struct{}
}

func newGate() *gate {
	return &gate{started: make(chan string, 100), release: make(chan struct{}, 100)}
}

func (g *gate) action() action.Action {
	return action.Action{
		Info: action.Info{Type: "test.gate", Name: "Gate", Category: "Test"},
		Execute: func(ctx context.Context, run *action.Run) error {
			g.mu.Lock()
			g.active++
			g.maxActive = max(g.maxActive, g.active)
			g.order = append(g.order, run.FlowID)
			g.mu.Unlock()
			defer func() { g.mu.Lock(); g.active--; g.mu.Unlock() }()
			g.started <- run.FlowID
			select {
			case <-g.release:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		},
	}
}

func (g *gate) waitStarted(t *testing.T, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		select {
		case <-g.started:
		case <-time.After(3 * time.Second):
			t.Fatalf("only %d of %d runs started", i, n)
		}
	}
}

func (g *gate) open(n int) {
	for i := 0; i < n; i++ {
		g.release <- struct{}{}
	}
}

func gateHarness(t *testing.T, g *gate, tweak ...func(*Options)) *harness {
	reg := action.NewRegistry()
	if err := reg.AddAction(g.action()); err != nil {
		t.Fatal(err)
	}
	return newHarness(t, append([]func(*Options){func(o *Options) { o.Registry = reg }}, tweak...)...)
}

func gateFlow(id, mode string, extra string) string {
	return `{"id":"` + id + `","name":"` + id + `","enabled":true,"mode":"` + mode + `"` + extra +
		`,"triggers":[{"type":"tiktok.gift"}],"actions":[{"type":"test.gate"}]}`
}

func TestModeSingle(t *testing.T) {
	g := newGate()
	h := gateHarness(t, g)
	h.save(gateFlow("f", "single", ""))
	h.publish(gift("a", 1, 1))
	g.waitStarted(t, 1)
	h.publish(gift("b", 1, 1))
	g.open(1)
	ts := h.runs("f", 2)
	if statuses(ts) != "completed,ignored" || !strings.Contains(ts[1].Reason, "already running") {
		t.Fatalf("%s %q", statuses(ts), ts[1].Reason)
	}
}

func TestModeRestart(t *testing.T) {
	g := newGate()
	h := gateHarness(t, g)
	h.save(gateFlow("f", "restart", ""))
	h.publish(gift("a", 1, 1))
	g.waitStarted(t, 1)
	h.publish(gift("b", 1, 1))
	g.waitStarted(t, 1)
	h.runs("f", 1)
	g.open(1)
	ts := h.runs("f", 2)
	if statuses(ts) != "canceled,completed" {
		t.Fatalf("%s", statuses(ts))
	}
}

func TestModeQueued(t *testing.T) {
	g := newGate()
	h := gateHarness(t, g)
	h.save(gateFlow("f", "queued", `,"max":2`))
	for i := 0; i < 4; i++ {
		h.publish(gift("a", 1, 1))
	}
	g.waitStarted(t, 1)
	if ts := h.runs("f", 1); ts[0].Status != StatusIgnored || !strings.Contains(ts[0].Reason, "queue full") {
		t.Fatalf("4th run: %s %q", ts[0].Status, ts[0].Reason)
	}
	for i := 0; i < 3; i++ {
		if i > 0 {
			g.waitStarted(t, 1)
		}
		g.open(1)
	}
	if got := statuses(h.runs("f", 4)); got != "completed,completed,completed,ignored" {
		t.Fatalf("%s", got)
	}
	if g.maxActive != 1 {
		t.Fatalf("queued runs overlapped: %d at once", g.maxActive)
	}
}

func TestModeParallel(t *testing.T) {
	g := newGate()
	h := gateHarness(t, g)
	h.save(gateFlow("f", "parallel", `,"max":2`))
	for i := 0; i < 3; i++ {
		h.publish(gift("a", 1, 1))
	}
	g.waitStarted(t, 2)
	g.open(2)
	if got := statuses(h.runs("f", 3)); got != "completed,completed,ignored" {
		t.Fatalf("%s", got)
	}
	if g.maxActive != 2 {
		t.Fatalf("max active %d, want 2", g.maxActive)
	}
}

func TestNamedQueueSharedAcrossFlows(t *testing.T) {
	g := newGate()
	h := gateHarness(t, g)
	h.save(gateFlow("a", "parallel", `,"queue":"alerts"`))
	h.save(`{"id":"b","name":"b","enabled":true,"mode":"parallel","queue":"alerts",
		"triggers":[{"type":"tiktok.follow"}],"actions":[{"type":"test.gate"}]}`)
	follow := &domain.Event{Type: domain.EventFollow, User: domain.User{UniqueID: "x"}}
	h.publish(gift("u", 1, 1))
	h.publish(follow)
	h.publish(gift("u", 1, 1))
	for i := 0; i < 3; i++ {
		g.waitStarted(t, 1)
		g.open(1)
	}
	h.runs("a", 2)
	h.runs("b", 1)
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.maxActive != 1 || strings.Join(g.order, ",") != "a,b,a" {
		t.Fatalf("queue: max %d order %v", g.maxActive, g.order)
	}
	if n := h.e.queues.lengths()["alerts"]; n != 0 {
		t.Fatalf("queue left %d", n)
	}
}

func TestLoopGuardRunFlowChain(t *testing.T) {
	h := newHarness(t)
	h.save(`{"id":"ping","name":"ping","enabled":true,"mode":"parallel","triggers":[{"type":"manual"}],
		"actions":[{"type":"flow.run","config":{"flowId":"pong"}}]}`)
	h.save(`{"id":"pong","name":"pong","enabled":true,"mode":"parallel","triggers":[{"type":"manual"}],
		"actions":[{"type":"flow.run","config":{"flowId":"ping"}}]}`)
	if _, err := h.e.Run("ping", nil, nil); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for {
		ping, _ := h.e.Runs("ping")
		pong, _ := h.e.Runs("pong")
		if len(ping) == 5 && len(pong) == 4 {
			if ping[0].Status != StatusFailed || !strings.Contains(ping[0].Errors[0], "loop guard") || ping[0].Depth != 8 {
				t.Fatalf("last run: %+v", ping[0])
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("ping %d pong %d runs", len(ping), len(pong))
		}
		time.Sleep(5 * time.Millisecond)
	}
	h.noMoreRuns("ping", 5)
}

func TestLoopGuardInline(t *testing.T) {
	h := newHarness(t)
	h.save(`{"id":"self","name":"self","enabled":true,"triggers":[{"type":"manual"}],
		"actions":[{"type":"flow.run","config":{"flowId":"self","inline":true}}]}`)
	h.e.Run("self", nil, nil)
	tr := h.runs("self", 1)[0]
	depth, a := 0, tr.Actions[0]
	for len(a.Children) > 0 {
		depth++
		a = a.Children[0]
	}
	if tr.Status != StatusFailed || depth != 8 || !strings.Contains(a.Error, "loop guard") {
		t.Fatalf("status %s depth %d error %q", tr.Status, depth, a.Error)
	}
}

// emitAction publishes a plugin message through the run (event re-entry).
func emitAction() action.Action {
	return action.Action{
		Info: action.Info{Type: "test.emit", Name: "Emit", Category: "Test"},
		Execute: func(_ context.Context, run *action.Run) error {
			run.Publish(domain.Message{Type: "plugin:test:ping", Data: map[string]any{"n": run.Depth}})
			return nil
		},
	}
}

func TestLoopGuardEventReentry(t *testing.T) {
	reg := action.NewRegistry()
	reg.AddAction(emitAction())
	h := newHarness(t, func(o *Options) { o.Registry = reg })
	h.save(`{"id":"echo","name":"echo","enabled":true,"mode":"parallel",
		"triggers":[{"type":"plugin.event","config":{"plugin":"test","event":"ping"}},{"type":"manual"}],
		"actions":[{"type":"test.emit"}]}`)
	h.e.Run("echo", nil, nil)
	ts := h.runs("echo", 10)
	last := ts[len(ts)-1]
	if last.Status != StatusIgnored || !strings.Contains(last.Reason, "loop guard") || last.Depth != 9 {
		t.Fatalf("last: %s %q depth %d", last.Status, last.Reason, last.Depth)
	}
	h.noMoreRuns("echo", 10)
}

func TestCircuitBreaker(t *testing.T) {
	h := newHarness(t)
	h.save(`{"id":"hot","name":"hot","enabled":true,"mode":"parallel","maxRunsPerSecond":3,
		"triggers":[{"type":"manual"}],"actions":[{"type":"log.write","config":{"message":"x"}}]}`)
	for i := 0; i < 5; i++ {
		h.e.Run("hot", nil, nil)
	}
	ts := h.runs("hot", 5)
	if got := statuses(ts); got != "completed,completed,completed,ignored,ignored" || !strings.Contains(ts[3].Reason, "circuit breaker") {
		t.Fatalf("%s %q", got, ts[3].Reason)
	}
	if v, _ := h.e.Get("hot"); !v.Status.BreakerOpen || v.Status.Active {
		t.Fatalf("status %+v", v.Status)
	}
	h.clock.Advance(5 * time.Second)
	h.e.Run("hot", nil, nil)
	h.clock.Advance(6 * time.Second)
	h.e.Run("hot", nil, nil)
	if got := statuses(h.runs("hot", 7)); !strings.HasSuffix(got, "ignored,completed") {
		t.Fatalf("after cooldown: %s", got)
	}
}

// A flood of external events is the audience, not a loop: every gift runs
// the flow, however many arrive in one second.
func TestBreakerIgnoresExternalEvents(t *testing.T) {
	h := newHarness(t)
	h.save(`{"id":"gifts","name":"gifts","enabled":true,"mode":"parallel","max":1000,"maxRunsPerSecond":3,
		"triggers":[{"type":"tiktok.gift"}],"actions":[{"type":"log.write","config":{"message":"x"}}]}`)
	const n = 50 // the traces kept per flow
	for i := 0; i < n; i++ {
		h.publish(gift("a", 1, 1))
	}
	ts := h.runs("gifts", n)
	for _, tr := range ts {
		if tr.Status != StatusCompleted {
			t.Fatalf("run %s: %s %q", tr.RunID, tr.Status, tr.Reason)
		}
	}
	if v, _ := h.e.Get("gifts"); v.Status.BreakerOpen {
		t.Fatalf("breaker open after external events: %+v", v.Status)
	}
}

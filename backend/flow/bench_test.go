package flow

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// benchTriggers is a realistic mix of what streamers build: mostly gift
// flows, then chat, commands, likes and the rest.
func benchTrigger(i int) (trigger, conditions string) {
	cond := fmt.Sprintf(`[{"type":"compare","config":{"field":"nickname","op":"notIn","value":["bot%d","spam"]}},
		{"type":"cooldown","config":{"seconds":%d,"scope":"user"}}]`, i, 1+i%30)
	switch i % 20 {
	case 0, 1, 2, 3, 4, 5, 6, 7:
		return fmt.Sprintf(`{"type":"tiktok.gift","config":{"minCoins":%d,"giftId":%d}}`, i%500, 1000+i), cond
	case 8, 9, 10:
		return fmt.Sprintf(`{"type":"tiktok.chat","config":{"match":"contains","text":"word%d"}}`, i), cond
	case 11:
		return fmt.Sprintf(`{"type":"tiktok.chat","config":{"match":"regex","text":"^!?(hi|hello)%d\\b"}}`, i), cond
	case 12, 13, 14:
		return fmt.Sprintf(`{"type":"tiktok.command","config":{"command":"!cmd%d","aliases":["!c%d"]}}`, i, i), cond
	case 15, 16:
		return fmt.Sprintf(`{"type":"tiktok.like","config":{"minLikes":%d}}`, i%15), cond
	case 17:
		return `{"type":"tiktok.follow"}`, cond
	case 18:
		return `{"type":"plugin.event","config":{"plugin":"p","event":"e"}}`, cond
	}
	return `{"type":"timer.interval","config":{"seconds":60}}`, cond
}

// loadBenchFlows installs n flows directly (no SQLite round trip per flow).
func loadBenchFlows(tb testing.TB, e *Engine, n int, gen func(int) (string, string)) {
	tb.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := 0; i < n; i++ {
		trig, cond := gen(i)
		id := fmt.Sprintf("f%04d", i)
		doc := flowDoc(id, trig, cond, `[{"type":"log.write","config":{"message":"{nickname} sent {giftName}"}}]`)
		en := e.build(FlowRecord{ID: id, Name: id, Enabled: true, Definition: json.RawMessage(doc)})
		if en.err != nil {
			tb.Fatalf("%s: %v", id, en.err)
		}
		e.flows[id] = en
	}
	e.rebuildLocked()
}

// matchOnce is the engine's decision for one event: the index lookup, the
// candidates' trigger matchers, and the conditions of the flows whose
// trigger matched (without starting runs).
func matchOnce(e *Engine, in *action.Input) (matched, passed int) {
	e.match(in, func(cd *cand, args map[string]string) {
		matched++
		ev := action.Eval{Scope: &action.Scope{Event: in.Event, Args: args}, Now: in.Now, Rand: e.opts.Rand, DryRun: true}
		if ok, _ := ev.All(cd.en.c.conds); ok {
			passed++
		}
	})
	return matched, passed
}

func benchEvent() *action.Input {
	ev := gift("viewer1", 1005, 120)
	m := domain.EventMessage(ev)
	return &action.Input{Key: m.Type, Msg: &m, Event: ev, Now: time.Now()}
}

// BenchmarkMatch1000Flows matches one gift against 1,000 enabled flows
// (budget: 100 µs per event).
func BenchmarkMatch1000Flows(b *testing.B) {
	b.Run("mixed", func(b *testing.B) {
		h := newHarness(b)
		loadBenchFlows(b, h.e, 1000, benchTrigger)
		benchMatch(b, h.e)
	})
	allGift := func(i int) (string, string) {
		_, cond := benchTrigger(i)
		return `{"type":"tiktok.gift","config":{"minCoins":10}}`, cond
	}
	// Worst case: every flow listens to gifts and every trigger matches.
	b.Run("allGiftTriggersOnly", func(b *testing.B) {
		h := newHarness(b)
		loadBenchFlows(b, h.e, 1000, allGift)
		in := benchEvent()
		b.ReportAllocs()
		for b.Loop() {
			h.e.match(in, func(*cand, map[string]string) {})
		}
	})
	b.Run("allGiftWithConditions", func(b *testing.B) {
		h := newHarness(b)
		loadBenchFlows(b, h.e, 1000, allGift)
		benchMatch(b, h.e)
	})
}

func benchMatch(b *testing.B, e *Engine) {
	in := benchEvent()
	matched, passed := matchOnce(e, in)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		matchOnce(e, in)
	}
	b.ReportMetric(float64(matched), "matched/op")
	b.ReportMetric(float64(passed), "passed/op")
}

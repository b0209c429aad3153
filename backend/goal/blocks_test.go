package goal

import (
	"testing"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/action/actiontest"
	"github.com/ltth/ltth/backend/domain"
)

func TestUpdateAction(t *testing.T) {
	reg := actiontest.Registry(t, (&Module{}).Blocks())
	e := &domain.Event{Type: domain.EventGift, Coins: 150, Comment: "not a number"}
	for _, c := range []struct {
		cfg  string
		want Command
	}{{`{"goalId":"coins","amount":"{coins}"}`, Command{"coins", OpAdd, 150}},
		{`{"goalId":"coins","op":"set","amount":7}`, Command{"coins", OpSet, 7}},
		{`{"goalId":"likes","op":"reset"}`, Command{"likes", OpReset, 0}}} {
		msgs, err := actiontest.Exec(t, reg, "goal.update", c.cfg, e, "f")
		if err != nil || len(msgs) != 1 || msgs[0].Type != TypeCommand || msgs[0].Data.(Command) != c.want {
			t.Fatalf("%s: %v %+v", c.cfg, err, msgs)
		}
	}
	if _, err := actiontest.Exec(t, reg, "goal.update", `{"goalId":"g","amount":"{comment}"}`, e, "f"); err == nil {
		t.Fatal("a non-number amount must fail the step")
	}
}

// TestReachedTriggerFollowsGoalReached drives goal.reached from the
// module's own goalReached message (not by re-deriving it from the state).
func TestReachedTriggerFollowsGoalReached(t *testing.T) {
	h := newHarness(t, newStore(t))
	reg := actiontest.Registry(t, h.m.Blocks())
	m := actiontest.Trigger(t, reg, "goal.reached", `{"goalId":"likes"}`)
	anyGoal := actiontest.Trigger(t, reg, "goal.reached", `{}`)
	if len(m.Keys) != 1 || m.Keys[0] != TypeReached {
		t.Fatalf("keys %v", m.Keys)
	}
	h.put("likes", `{"name":"Likes","kind":"likes","target":100,"onReach":"add","increment":100}`)
	h.put("coins", `{"kind":"coins","target":10}`)
	if _, err := h.m.Adjust("coins", OpAdd, 10); err != nil {
		t.Fatal(err)
	}
	coins := actiontest.State(TypeReached, h.next(TypeReached).Data)
	if actiontest.Matches(m, coins) || !actiontest.Matches(anyGoal, coins) {
		t.Fatal("goalId filter")
	}
	for i := 0; i < 2; i++ { // "add": reached at 100, then again at 200
		if _, err := h.m.Adjust("likes", OpAdd, 100); err != nil {
			t.Fatal(err)
		}
		args, ok := m.Match(actiontest.State(TypeReached, h.next(TypeReached).Data))
		want := []string{"100", "200"}[i]
		if !ok || args["goalName"] != "Likes" || args["goalKind"] != KindLikes || args["value"] != want ||
			args["target"] != want || args["percent"] != "100" {
			t.Fatalf("reach %d: %v %v", i, ok, args)
		}
	}
}

func TestProgressTrigger(t *testing.T) {
	reg := actiontest.Registry(t, (&Module{}).Blocks())
	p := actiontest.Trigger(t, reg, "goal.progress", `{"minPercent":50}`)
	st := func(v int64, target int64) *action.Input {
		return actiontest.State(TypeGoal, State{ID: "g", Value: v, Target: target})
	}
	for i, s := range []struct {
		v    int64
		want bool
	}{{40, false}, {60, true}, {70, false}} {
		if got := actiontest.Matches(p, st(s.v, 100)); got != s.want {
			t.Fatalf("progress step %d = %v", i, got)
		}
	}
	every := actiontest.Trigger(t, reg, "goal.progress", `{}`)
	if !actiontest.Matches(every, st(1, 10)) || actiontest.Matches(every, st(1, 10)) || !actiontest.Matches(every, st(2, 10)) {
		t.Fatal("progress on every change")
	}
}

package goal

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

func TestCountingPerKind(t *testing.T) {
	h := newHarness(t, newStore(t))
	for _, k := range []string{KindLikes, KindCoins, KindFollows, KindSubscriptions, KindShares, KindCustom} {
		h.put(k, `{"kind":"`+k+`","target":1000}`)
	}
	like := ev(domain.EventLike)
	like.LikeCount, like.TotalLikeCount = 15, 900
	gift := ev(domain.EventGift)
	gift.RepeatCount, gift.DiamondCount, gift.Coins = 5, 2, 10
	streak := ev(domain.EventGiftStreak)
	streak.RepeatCount, streak.DiamondCount, streak.Coins = 3, 2, 6
	for _, e := range []*domain.Event{like, gift, streak, ev(domain.EventFollow), ev(domain.EventFollow),
		ev(domain.EventShare), ev(domain.EventSubscribe), ev(domain.EventChat), ev(domain.EventJoin), like} {
		h.bus.PublishEvent(e)
	}
	h.waitState(KindLikes, 30) // the last event: everything before it is counted
	want := map[string]int64{KindLikes: 30, KindCoins: 10, KindFollows: 2, KindSubscriptions: 1, KindShares: 1, KindCustom: 0}
	for id, v := range want {
		if got := h.value(id); got != v {
			t.Errorf("%s = %d, want %d", id, got, v)
		}
	}
}

func TestOnReachBehaviours(t *testing.T) {
	h := newHarness(t, newStore(t))
	cases := []struct {
		onReach          string
		add              int64
		value, target    int64
		times            int64
		visible, reached bool
	}{
		{ReachNone, 120, 120, 100, 1, true, true},
		{ReachAdd, 250, 250, 325, 3, true, false}, // increment 75: 100+3*75 is the first target above 250
		{ReachDouble, 250, 250, 400, 2, true, false},
		{ReachReset, 250, 50, 100, 2, true, false}, // the excess carries over
		{ReachHide, 100, 100, 100, 1, false, true},
	}
	for _, c := range cases {
		h.put(c.onReach, `{"kind":"custom","target":100,"increment":75,"onReach":"`+c.onReach+`"}`)
		if _, err := h.m.Adjust(c.onReach, OpAdd, 99); err != nil {
			t.Fatal(err)
		}
		v, err := h.m.Adjust(c.onReach, OpAdd, c.add-99)
		if err != nil {
			t.Fatal(err)
		}
		r := h.next(TypeReached).Data.(Reached)
		if r.GoalID != c.onReach || r.Value != c.add || r.Target != 100 || r.Times != c.times {
			t.Errorf("%s: reached %+v", c.onReach, r)
		}
		if v.Value != c.value || v.Target != c.target || v.Hidden == c.visible || v.Reached != c.reached {
			t.Errorf("%s: view %+v", c.onReach, v)
		}
	}
	// Reaching again: "none" does not re-fire; reset restores the start target.
	h.m.Adjust(ReachNone, OpAdd, 5)
	h.m.Adjust(ReachAdd, OpReset, 0)
	if v, _ := h.m.Get(ReachAdd); v.Value != 0 || v.Target != 100 || v.Hidden {
		t.Errorf("after reset %+v", v)
	}
	h.m.Adjust(ReachHide, OpReset, 0)
	if v, _ := h.m.Get(ReachHide); v.Hidden || v.Value != 0 {
		t.Errorf("hide after reset %+v", v)
	}
	h.m.Adjust(ReachDouble, OpSet, 400)
	if r := h.next(TypeReached).Data.(Reached); r.GoalID != ReachDouble || r.Target != 400 {
		t.Errorf("unexpected reach %+v (none must not fire twice)", r)
	}
}

func TestGoalCommand(t *testing.T) {
	h := newHarness(t, newStore(t))
	h.put("c", `{"kind":"custom","target":50}`)
	h.bus.Publish(domain.Message{Type: TypeCommand, Data: map[string]any{"goalId": "c", "op": "add", "amount": 7}})
	h.waitState("c", 7)
	h.bus.Publish(domain.Message{Type: TypeCommand, Data: Command{GoalID: "c", Op: "set", Amount: 40}})
	h.waitState("c", 40)
	h.bus.Publish(domain.Message{Type: TypeCommand, Data: struct {
		GoalID string `json:"goalId"`
		Op     string `json:"op"`
	}{"c", "reset"}})
	h.waitState("c", 0)
	h.bus.Publish(domain.Message{Type: TypeCommand, Data: map[string]any{"goalId": "nope", "op": "add", "amount": 1}})
	h.bus.Publish(domain.Message{Type: TypeCommand, Data: []byte(`{"goalId":"c","op":"add","amount":3}`)})
	h.waitState("c", 3)
}

func TestSnapshotOnStartAndPersistence(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, dir)
	h := newHarness(t, st)
	h.put("likes", `{"name":"Like goal","kind":"likes","target":500,"style":"circle","color":"#0af"}`)
	like := ev(domain.EventLike)
	like.LikeCount = 42
	h.bus.PublishEvent(like)
	h.waitState("likes", 42)
	h.stop() // flushes the counted value
	st.Close()

	st = openStore(t, dir) // a restart: the same database file, reopened
	h2 := newHarness(t, st)
	msg := h2.next(TypeGoal)
	s := msg.Data.(State)
	if msg.Key != "goal:likes" || s.Value != 42 || s.Target != 500 || s.Name != "Like goal" || s.Style != "circle" || !s.Visible {
		t.Fatalf("snapshot %+v %+v", msg, s)
	}
	// Counted values reach the store without a stop too (periodic flush).
	like.LikeCount = 8
	h2.bus.PublishEvent(like)
	h2.waitState("likes", 50)
	deadline := time.Now().Add(2 * time.Second)
	for {
		recs, _ := st.ListGoals()
		if len(recs) == 1 && recs[0].Value == 50 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("value not flushed: %+v", recs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestDeleteClearsState(t *testing.T) {
	h := newHarness(t, newStore(t))
	h.put("x", `{"kind":"follows","target":5}`)
	if err := h.m.Delete("x"); err != nil {
		t.Fatal(err)
	}
	for {
		msg := h.next(TypeGoal)
		if msg.Clear {
			if msg.Key != "goal:x" {
				t.Fatalf("clear %+v", msg)
			}
			break
		}
	}
	if err := h.m.Delete("x"); err == nil {
		t.Fatal("second delete succeeded")
	}
	h.bus.PublishEvent(ev(domain.EventFollow)) // no goal left: nothing breaks
	if len(h.m.List()) != 0 {
		t.Fatal("goal still listed")
	}
}

func TestValidation(t *testing.T) {
	h := newHarness(t, newStore(t))
	bad := map[string]string{
		"a b": `{"kind":"likes","target":5}`,
		"k":   `{"kind":"views","target":5}`,
		"t":   `{"kind":"likes","target":0}`,
		"o":   `{"kind":"likes","target":5,"onReach":"explode"}`,
		"s":   `{"kind":"likes","target":5,"style":"3d"}`,
		"c":   `{"kind":"likes","target":5,"color":"red;background:url(x)"}`,
		"j":   `[1]`,
	}
	for id, body := range bad {
		if _, err := h.m.Patch(id, []byte(body)); err == nil {
			t.Errorf("%s %s accepted", id, body)
		}
	}
	if _, err := h.m.Adjust("missing", OpAdd, 1); err == nil {
		t.Error("adjust of a missing goal succeeded")
	}
	h.put("ok", `{"kind":"likes","target":5}`)
	if _, err := h.m.Adjust("ok", "multiply", 1); err == nil {
		t.Error("unknown op accepted")
	}
	if v, _ := h.m.Adjust("ok", OpAdd, -10); v.Value != 0 {
		t.Errorf("value went below zero: %+v", v)
	}
	v := h.put("ok", `{"name":"Renamed"}`) // merge keeps kind and target
	if v.Kind != KindLikes || v.Target != 5 || v.Name != "Renamed" || v.OverlayURL != "/overlay/goal.html?id=ok" {
		t.Errorf("patched %+v", v)
	}
}

func TestRolloverPublishesFullStateFirst(t *testing.T) {
	h := newHarness(t, newStore(t))
	h.put("r", `{"kind":"custom","target":10,"onReach":"reset"}`)
	h.waitState("r", 0)
	if _, err := h.m.Adjust("r", OpAdd, 12); err != nil {
		t.Fatal(err)
	}
	var got []string
	for len(got) < 3 {
		msg := h.next2(TypeGoal, TypeReached)
		switch d := msg.Data.(type) {
		case State:
			got = append(got, fmt.Sprintf("goal %d/%d %v key=%s", d.Value, d.Target, d.Reached, msg.Key))
		case Reached:
			got = append(got, fmt.Sprintf("reached %d/%d", d.Value, d.Target))
		}
	}
	want := []string{"goal 12/10 true key=goal:r", "reached 12/10", "goal 2/10 false key=goal:r"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestStopWithdrawsRetainedGoals: stopping the module (a profile switch)
// clears its goals from the retained state, so the next profile's
// dashboard and overlays do not show them.
func TestStopWithdrawsRetainedGoals(t *testing.T) {
	h := newHarness(t, newStore(t))
	h.put("x", `{"kind":"follows","target":5}`)
	h.stop()
	for {
		msg := h.next(TypeGoal)
		if msg.Clear {
			if msg.Key != "goal:x" {
				t.Fatalf("clear %+v", msg)
			}
			return
		}
	}
}

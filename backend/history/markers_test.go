package history

import (
	"reflect"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// goalReached is what the goal module publishes (goal.Reached's JSON).
type goalReached struct {
	GoalID string `json:"goalId"`
	Name   string `json:"name"`
	Target int64  `json:"target"`
}

func TestMarkersBigGiftGoalAndGap(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, 20*time.Millisecond)
	g := newGen(11, 1_700_000_000_000, 10, "room-m")
	r.publish(g.connected())
	for i := 0; i < 50; i++ {
		r.publish(g.next())
	}
	big := g.base(domain.EventGift)
	big.User = g.user()
	big.GiftID, big.GiftName, big.DiamondCount, big.RepeatCount, big.Coins = 5655, "Universe", 5000, 1, 5000
	big.TS -= 5000 // arrives late: the goal marker is at the gift, not at the newest event
	r.publish(big)
	r.bus.Publish(domain.Message{Type: domain.MsgGoalReached, Data: goalReached{GoalID: "g1", Name: "Coins", Target: 5000}})
	lost := g.base(domain.EventDisconnected)
	lost.RoomID, lost.Reason = "room-m", "network down"
	r.publish(lost)
	back := g.connected() // same room: the stream continues, the gap closes
	r.publish(back)
	for i := 0; i < 20; i++ {
		r.publish(g.next())
	}
	r.settle()
	waitFor(t, func() bool {
		d, err := r.m.Stream(1)
		return err == nil && len(d.Markers) == 3
	})
	d, err := r.m.Stream(1)
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[string]Marker{}
	for _, mk := range d.Markers {
		byKind[mk.Kind] = mk
	}
	if mk := byKind[MarkBigGift]; mk.T != big.TS || mk.Label != "Universe ×1 from @"+big.User.UniqueID+" (5000 coins)" {
		t.Errorf("big gift marker %+v", mk)
	}
	if mk := byKind[MarkGoal]; mk.T != big.TS || mk.Label != `goal "Coins" reached (5000)` {
		t.Errorf("goal marker %+v (want at the gift's time %d)", mk, big.TS)
	}
	if mk := byKind[MarkGap]; mk.T != lost.TS || mk.End == nil || *mk.End != back.TS || mk.Label != "connection lost: network down" {
		t.Errorf("gap marker %+v, want %d..%d", mk, lost.TS, back.TS)
	}
	if n := len(byKind); n != 3 {
		t.Errorf("marker kinds %v", byKind)
	}

	// A crash and the repair from the journal keep the markers as they were
	// (gaps and big gifts are recounted, the goal stays as written).
	r.crash()
	r2 := newRig(t, db, 20*time.Millisecond)
	defer r2.stop()
	d2, err := r2.m.Stream(1)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d2.Markers, d.Markers) {
		t.Errorf("after repair markers\n %+v\nwant\n %+v", d2.Markers, d.Markers)
	}
}

func TestOpenGapClosesWithTheStream(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, 20*time.Millisecond)
	defer r.stop()
	g := newGen(12, 1_700_000_000_000, 5, "room-a")
	r.publish(g.connected(), g.next())
	lost := g.base(domain.EventDisconnected)
	r.publish(lost)
	r.settle()
	d, err := r.m.Stream(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Markers) != 1 || d.Markers[0].End != nil {
		t.Fatalf("open gap %+v", d.Markers)
	}
	end := g.end()
	r.publish(end)
	r.settle()
	if d, err = r.m.Stream(1); err != nil {
		t.Fatal(err)
	}
	if len(d.Markers) != 1 || d.Markers[0].End == nil || *d.Markers[0].End != end.TS {
		t.Fatalf("gap after the stream ended %+v, want end %d", d.Markers, end.TS)
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 10s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

package normalize

import (
	"testing"
)

// Out-of-range counts from the wire are clamped (never negative coins) and
// counted in Stats.Clamped, so they are visible rather than silent.
func TestNegativeCountsAreClampedAndCounted(t *testing.T) {
	n := New(Options{})
	bad := giftDef{9999, "Broken", -50, 2}
	evs := feed(t, n, recv0,
		giftMsg(t, 1, t0, alice, bad, 0, 3, false),
		likeMsg(t, 2, t0, alice, -7, 100),
	)
	if len(evs) != 2 {
		t.Fatalf("got %v", types(evs))
	}
	if g := evs[0]; g.DiamondCount != 0 || g.Coins != 0 || g.RepeatCount != 3 {
		t.Fatalf("gift %+v", g)
	}
	if l := evs[1]; l.LikeCount != 0 {
		t.Fatalf("like count %d", l.LikeCount)
	}
	if s := n.Stats(); s.Clamped != 2 {
		t.Fatalf("clamped = %d, want 2", s.Clamped)
	}
}

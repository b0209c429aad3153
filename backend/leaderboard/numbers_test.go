package leaderboard

import (
	"math"
	"slices"
	"testing"
)

// A like total at MaxInt64 saturates, keeps the board readable (no scan
// error) and the other viewers keep counting.
func TestLikeTotalsSaturate(t *testing.T) {
	h := newHarness(t, openStore(t, t.TempDir()))
	h.bus.PublishEvent(like("max", math.MaxInt64))
	h.bus.PublishEvent(like("max", math.MaxInt64))
	h.bus.PublishEvent(like("bob", 7))
	if v := h.top(BoardLikers, PeriodStream, "max", "bob"); !slices.Equal(v, []int64{math.MaxInt64, 7}) {
		t.Fatalf("likers %v", v)
	}
	h.bus.PublishEvent(like("max", 5))
	h.bus.PublishEvent(like("bob", 1))
	h.wait(BoardLikers, PeriodAll, func(s State) bool {
		return len(s.Entries) == 2 && s.Entries[0].Value == math.MaxInt64 && s.Entries[1].Value == 8
	})
}

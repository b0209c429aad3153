package goal

import (
	"math"
	"testing"

	"github.com/ltth/ltth/backend/domain"
)

// Adding MaxInt64 saturates at the largest value a goal holds instead of
// wrapping around to a negative number (shown as 0).
func TestAdjustAddSaturates(t *testing.T) {
	h := newHarness(t, openStore(t, t.TempDir()))
	h.put("c", `{"name":"Coins","kind":"coins","target":1000}`)
	if _, err := h.m.Adjust("c", OpAdd, 5); err != nil {
		t.Fatal(err)
	}
	v, err := h.m.Adjust("c", OpAdd, math.MaxInt64)
	if err != nil {
		t.Fatal(err)
	}
	if v.Value != MaxTarget*1000 {
		t.Fatalf("value %d, want %d", v.Value, int64(MaxTarget*1000))
	}
	g := ev(domain.EventGift)
	g.Coins = math.MaxInt64
	h.bus.PublishEvent(g)
	h.waitState("c", MaxTarget*1000)
	if got := h.value("c"); got != MaxTarget*1000 {
		t.Fatalf("after a MaxInt64 gift: %d", got)
	}
}

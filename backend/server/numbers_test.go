package server

import (
	"math"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/domain"
)

// Counts are checked at the boundary: negative counts are a 400 naming the
// field; diamondCount × repeatCount saturates instead of wrapping (it used
// to give coins = 2 for 6148914691236517206 × 3).
func TestSimulateValidatesCounts(t *testing.T) {
	var got domain.Event
	s, _ := startServer(t, Config{}, Deps{Simulate: func(e domain.Event) error {
		got = e
		return nil
	}})
	for _, c := range []struct{ body, field string }{
		{`{"type":"gift","diamondCount":-5,"repeatCount":1}`, "diamondCount"},
		{`{"type":"gift","diamondCount":1,"repeatCount":-3}`, "repeatCount"},
		{`{"type":"gift","diamondCount":1,"coins":-1}`, "coins"},
		{`{"type":"like","likeCount":-10}`, "likeCount"},
	} {
		r := do(t, s, "POST", "/api/simulate", "", testToken, []byte(c.body))
		msg, _ := r.json(t)["error"].(string)
		if r.status != 400 || !strings.Contains(msg, c.field) {
			t.Errorf("%s: %d %q, want 400 naming %s", c.body, r.status, msg, c.field)
		}
	}
	r := do(t, s, "POST", "/api/simulate", "", testToken,
		[]byte(`{"type":"gift","giftId":1,"diamondCount":6148914691236517206,"repeatCount":3}`))
	if r.status != 202 || got.Coins != math.MaxInt64 {
		t.Fatalf("%d %s: coins %d, want MaxInt64", r.status, r.body, got.Coins)
	}
}

package domain

import (
	"math"
	"strings"
	"testing"
)

func TestSaturatingArithmetic(t *testing.T) {
	cases := []struct{ got, want int64 }{
		{SatAdd(math.MaxInt64, 1), math.MaxInt64},
		{SatAdd(math.MaxInt64-5, 10), math.MaxInt64},
		{SatAdd(math.MinInt64, -1), math.MinInt64},
		{SatAdd(40, 2), 42},
		{SatMul(1<<62, 4), math.MaxInt64},
		{SatMul(math.MaxInt64, math.MaxInt64), math.MaxInt64},
		{SatMul(-3, 5), 0},
		{SatMul(6, 7), 42},
		{GiftCoins(4294967296, 4294967296), math.MaxInt64}, // 2^64 wraps to 0 with *
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %d, want %d", i, c.got, c.want)
		}
	}
}

func TestCheckCountsNamesTheField(t *testing.T) {
	e := &Event{Type: EventGift, DiamondCount: -5, RepeatCount: 1}
	if err := e.CheckCounts(); err == nil || !strings.Contains(err.Error(), "diamondCount") {
		t.Fatalf("err = %v", err)
	}
	e = &Event{Type: EventLike, LikeCount: 3, TotalLikeCount: math.MaxInt64}
	if err := e.CheckCounts(); err != nil {
		t.Fatal(err)
	}
}

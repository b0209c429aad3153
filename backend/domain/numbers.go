package domain

import (
	"fmt"
	"math"
)

// SatAdd returns a+b, saturating at MaxInt64 and MinInt64 instead of
// wrapping around.
func SatAdd(a, b int64) int64 {
	switch {
	case b > 0 && a > math.MaxInt64-b:
		return math.MaxInt64
	case b < 0 && a < math.MinInt64-b:
		return math.MinInt64
	}
	return a + b
}

// SatMul returns a×b for non-negative counts, saturating at MaxInt64 (a
// negative factor counts as 0).
func SatMul(a, b int64) int64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > math.MaxInt64/b {
		return math.MaxInt64
	}
	return a * b
}

// GiftCoins is diamondCount × repeatCount, saturating.
func GiftCoins(diamonds, repeat int64) int64 { return SatMul(diamonds, repeat) }

// CheckCounts rejects counts no source can produce: negative diamond,
// repeat, coin, like, viewer and subscription-month counts. It names the
// first offending field.
func (e *Event) CheckCounts() error {
	for _, f := range []struct {
		name string
		v    int64
	}{
		{"diamondCount", e.DiamondCount}, {"repeatCount", e.RepeatCount}, {"coins", e.Coins},
		{"likeCount", e.LikeCount}, {"totalLikeCount", e.TotalLikeCount},
		{"viewerCount", e.ViewerCount}, {"subMonth", e.SubMonth},
	} {
		if f.v < 0 {
			return fmt.Errorf("%s must not be negative (got %d)", f.name, f.v)
		}
	}
	return nil
}

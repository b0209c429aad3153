package history

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/ltth/ltth/backend/httpapi"
)

// Comparison is two streams side by side: B minus A for every figure, and
// each stream's series on its own minutes since start (Minute), so the
// charts align on the time into the stream.
type Comparison struct {
	A     Detail  `json:"a"`
	B     Detail  `json:"b"`
	Delta Figures `json:"delta"` // b - a
	// DurationDelta is b's duration minus a's, in ms (open streams up to
	// their newest event).
	DurationDelta int64 `json:"durationDelta"`
}

// Compare loads two streams and their differences.
func (m *Module) Compare(a, b int64) (Comparison, error) {
	da, err := m.Stream(a)
	if err != nil {
		return Comparison{}, err
	}
	db, err := m.Stream(b)
	if err != nil {
		return Comparison{}, err
	}
	fa, fb := da.Figures, db.Figures
	d := Figures{Coins: fb.Coins - fa.Coins, Gifts: fb.Gifts - fa.Gifts, Likes: fb.Likes - fa.Likes,
		Follows: fb.Follows - fa.Follows, Shares: fb.Shares - fa.Shares, Subscribes: fb.Subscribes - fa.Subscribes,
		ChatMessages: fb.ChatMessages - fa.ChatMessages, UniqueChatters: fb.UniqueChatters - fa.UniqueChatters,
		UniqueGifters: fb.UniqueGifters - fa.UniqueGifters, PeakViewers: fb.PeakViewers - fa.PeakViewers,
		AvgViewers: fb.AvgViewers - fa.AvgViewers, BiggestStreak: fb.BiggestStreak - fa.BiggestStreak}
	return Comparison{A: da, B: db, Delta: d, DurationDelta: duration(db.Stream) - duration(da.Stream)}, nil
}

func duration(s Stream) int64 {
	end := s.LastTS
	if s.EndedAt != nil {
		end = *s.EndedAt
	}
	return max(end-s.StartedAt, 0)
}

func (m *Module) getCompare(w http.ResponseWriter, r *http.Request) {
	var ids [2]int64
	for i, name := range []string{"a", "b"} {
		id, err := strconv.ParseInt(r.URL.Query().Get(name), 10, 64)
		if err != nil || id <= 0 {
			httpapi.Reply(w, http.StatusOK, nil, fmt.Errorf("%w: %s must be a stream id (a positive number)", ErrInvalid, name))
			return
		}
		ids[i] = id
	}
	c, err := m.Service().Compare(r.Context(), CompareRequest{A: ids[0], B: ids[1]})
	httpapi.Reply(w, http.StatusOK, c, err)
}

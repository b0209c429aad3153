package history

import (
	"database/sql"
	"testing"
)

// recount computes a stream's figures from scratch from the journal with
// plain SQL (independent of the module's incremental counting).
func recount(t testing.TB, db *sql.DB, s Stream) Figures {
	t.Helper()
	end := s.LastTS
	if s.EndedAt != nil {
		end = *s.EndedAt
	}
	sim := "coalesce(json_extract(json, '$.simulated'), 0) = 0 AND coalesce(json_extract(json, '$.source'), '') NOT IN ('replay', 'simulator')"
	if s.Simulated {
		sim = "NOT (" + sim + ")"
	}
	var f Figures
	var avg sql.NullFloat64
	err := db.QueryRow(`SELECT
		coalesce(sum(CASE type WHEN 'gift' THEN json_extract(json, '$.coins') END), 0),
		coalesce(sum(CASE type WHEN 'gift' THEN max(json_extract(json, '$.repeatCount'), 1) END), 0),
		coalesce(sum(CASE type WHEN 'like' THEN json_extract(json, '$.likeCount') END), 0),
		count(CASE type WHEN 'follow' THEN 1 END),
		count(CASE type WHEN 'share' THEN 1 END),
		count(CASE type WHEN 'subscribe' THEN 1 END),
		count(CASE type WHEN 'chat' THEN 1 END),
		count(DISTINCT CASE type WHEN 'chat' THEN user_id END),
		count(DISTINCT CASE type WHEN 'gift' THEN user_id END),
		coalesce(max(CASE type WHEN 'viewers' THEN json_extract(json, '$.viewerCount') END), 0),
		avg(CASE type WHEN 'viewers' THEN json_extract(json, '$.viewerCount') END),
		coalesce(max(CASE type WHEN 'gift' THEN json_extract(json, '$.coins') END), 0)
		FROM events WHERE ts >= ? AND ts <= ? AND `+sim, s.StartedAt, end).Scan(
		&f.Coins, &f.Gifts, &f.Likes, &f.Follows, &f.Shares, &f.Subscribes, &f.ChatMessages,
		&f.UniqueChatters, &f.UniqueGifters, &f.PeakViewers, &avg, &f.BiggestStreak)
	if err != nil {
		t.Fatal(err)
	}
	f.AvgViewers = int64(avg.Float64) // integer division in the module: compare loosely
	return f
}

func sameFigures(t testing.TB, what string, got, want Figures) {
	t.Helper()
	if d := got.AvgViewers - want.AvgViewers; d < -1 || d > 1 {
		t.Errorf("%s: avgViewers %d, recount %d", what, got.AvgViewers, want.AvgViewers)
	}
	got.AvgViewers, want.AvgViewers = 0, 0
	if got != want {
		t.Errorf("%s:\n got     %+v\n recount %+v", what, got, want)
	}
}

// viewerTotals recounts one user's totals of real streams from the journal.
func viewerTotals(t testing.TB, db *sql.DB, user string) (coins, messages, likes int64) {
	t.Helper()
	err := db.QueryRow(`SELECT
		coalesce(sum(CASE type WHEN 'gift' THEN json_extract(json, '$.coins') END), 0),
		count(CASE type WHEN 'chat' THEN 1 END),
		coalesce(sum(CASE type WHEN 'like' THEN json_extract(json, '$.likeCount') END), 0)
		FROM events WHERE user_id = ? AND coalesce(json_extract(json, '$.simulated'), 0) = 0`, user).Scan(&coins, &messages, &likes)
	if err != nil {
		t.Fatal(err)
	}
	return
}

package store

import (
	"math"
	"testing"

	"github.com/ltth/ltth/backend/domain"
)

// A like total at MaxInt64 saturates instead of turning into a REAL that
// breaks every later read of the board.
func TestScoresSaturate(t *testing.T) {
	_, db := openDefault(t)
	u := domain.User{UserID: "1", UniqueID: "big", Nickname: "Big"}
	mustNil(t, db.AddScore("likers", "stream", u, math.MaxInt64, 1))
	mustNil(t, db.AddScore("likers", "stream", u, 15, 2))
	mustNil(t, db.AddScore("likers", "stream", domain.User{UserID: "2", Nickname: "Small"}, 3, 3))
	top, err := db.TopScores("likers", "stream", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(top) != 2 || top[0].Value != math.MaxInt64 || top[1].Value != 3 {
		t.Fatalf("top = %+v", top)
	}
}

// Rows already damaged (a REAL value from an old overflow, a text value,
// a non-numeric value) are read, converted, and do not break the board.
func TestOneBadRowNeverBreaksABoard(t *testing.T) {
	_, db := openDefault(t)
	mustNil(t, db.AddScore("likers", "all", domain.User{UserID: "ok", Nickname: "Fine"}, 42, 1))
	for _, q := range []string{
		`INSERT INTO scores (board, period, user_id, unique_id, nickname, avatar_url, value, last_ts)
			VALUES ('likers', 'all', 'real', 'r', 'R', '', 9.3e18, 2)`,
		`INSERT INTO scores (board, period, user_id, unique_id, nickname, avatar_url, value, last_ts)
			VALUES ('likers', 'all', 'text', '', '', '', 'lots', 3)`,
	} {
		if _, err := db.sql.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	top, err := db.TopScores("likers", "all", 0)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]int64{}
	for _, e := range top {
		byID[e.UserID] = e.Value
	}
	if byID["real"] != math.MaxInt64 || byID["ok"] != 42 || len(top) != 3 {
		t.Fatalf("top = %+v", top)
	}
	mustNil(t, db.AddScore("likers", "all", domain.User{UserID: "real"}, 1, 4))
	if top, err = db.TopScores("likers", "all", 1); err != nil || top[0].Value != math.MaxInt64 {
		t.Fatalf("after adding to the damaged row: %+v %v", top, err)
	}
}

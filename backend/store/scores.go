package store

import (
	"database/sql"
	"fmt"

	"github.com/ltth/ltth/backend/domain"
)

// ScoreEntry is one leaderboard row.
type ScoreEntry struct {
	domain.User
	Value  int64 `json:"value"`
	LastTS int64 `json:"lastTs"` // unix ms of the last contribution
}

// AddScore adds delta to the user's score on board/period (e.g. "gifters",
// "stream"), creating the row; the user's handle, nickname and avatar are
// refreshed when given.
func (db *DB) AddScore(board, period string, u domain.User, delta int64, ts int64) error {
	return db.AddScores(1, func(int) (string, string, domain.User, int64, int64) { return board, period, u, delta, ts })
}

const addScore = `INSERT INTO scores (board, period, user_id, unique_id, nickname, avatar_url, value, last_ts)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (board, period, user_id) DO UPDATE SET
			value = ` + satAddValue + `,
			last_ts = max(last_ts, excluded.last_ts),` + refreshUser

// AddScores adds n contributions (as AddScore) in one transaction: all or
// none. item(i) returns the i-th contribution.
func (db *DB) AddScores(n int, item func(i int) (board, period string, u domain.User, delta, ts int64)) error {
	type row struct {
		board, period string
		u             domain.User
		delta, ts     int64
	}
	rows := make([]row, n)
	for i := range rows {
		r := &rows[i]
		r.board, r.period, r.u, r.delta, r.ts = item(i)
		if r.board == "" || r.period == "" {
			return fmt.Errorf("%w: board and period are required", ErrInvalid)
		}
		if err := requireID("user", r.u.UserID); err != nil {
			return err
		}
	}
	if n == 0 {
		return nil
	}
	err := db.inTx(func(tx *sql.Tx) error {
		st, err := tx.Prepare(addScore)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, r := range rows {
			if _, err := st.Exec(r.board, r.period, r.u.UserID, r.u.UniqueID, r.u.Nickname, r.u.AvatarURL, r.delta, r.ts); err != nil {
				return err
			}
		}
		return nil
	})
	db.writes.note(err)
	return classify(db.path, err)
}

// inTx runs fn in a transaction, committing when it returns nil.
func (db *DB) inTx(fn func(*sql.Tx) error) error {
	tx, err := db.sql.Begin()
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// satAddValue adds the new delta to the stored value, saturating at the
// int64 limits: SQLite turns an overflowing integer sum into a REAL, which
// used to break every later read of the board.
const satAddValue = `CASE
		WHEN excluded.value > 0 AND value > 9223372036854775807 - excluded.value THEN 9223372036854775807
		WHEN excluded.value < 0 AND value < -9223372036854775808 - excluded.value THEN -9223372036854775808
		ELSE value + excluded.value END`

// refreshUser keeps the stored user fields unless the new ones are non-empty.
const refreshUser = `
	unique_id = coalesce(nullif(excluded.unique_id, ''), unique_id),
	nickname = coalesce(nullif(excluded.nickname, ''), nickname),
	avatar_url = coalesce(nullif(excluded.avatar_url, ''), avatar_url)`

// TopScores returns the best scores of board/period, highest first (ties:
// who got there first). limit <= 0 returns all.
func (db *DB) TopScores(board, period string, limit int) ([]ScoreEntry, error) {
	return db.scoreRows(db.sql.Query(`SELECT `+scoreColumns+`
		FROM scores WHERE board = ? AND period = ?
		ORDER BY CAST(value AS INTEGER) DESC, last_ts, user_id LIMIT ?`, board, period, sqlLimit(limit)))
}

// ResetScores clears board/period; an empty board clears every board of
// the period (e.g. all "stream" boards when a new stream starts).
func (db *DB) ResetScores(board, period string) error {
	if period == "" {
		return fmt.Errorf("%w: period is required", ErrInvalid)
	}
	_, err := db.exec(`DELETE FROM scores WHERE (? = '' OR board = ?) AND period = ?`, board, board, period)
	return err
}

// TopGifters returns the all-time top gifters by coins (Value), highest
// first: the "gifters" board of period "all". limit <= 0 returns all.
func (db *DB) TopGifters(limit int) ([]ScoreEntry, error) {
	return db.TopScores("gifters", "all", limit)
}

// scoreColumns reads a score row whatever its stored types: a value stored
// as REAL (an old overflow) or text, or NULL user fields, are converted
// (CAST saturates REALs at the int64 limits), so one odd row never breaks a
// board.
const scoreColumns = `CAST(user_id AS TEXT), coalesce(CAST(unique_id AS TEXT), ''),
		coalesce(CAST(nickname AS TEXT), ''), coalesce(CAST(avatar_url AS TEXT), ''),
		coalesce(CAST(value AS INTEGER), 0), coalesce(CAST(last_ts AS INTEGER), 0)`

// scoreRows reads score rows; a row that still cannot be read is skipped
// (and counted in the error only if no row could be read at all).
func (db *DB) scoreRows(rows *sql.Rows, err error) ([]ScoreEntry, error) {
	if err != nil {
		return nil, classify(db.path, err)
	}
	defer rows.Close()
	out := []ScoreEntry{}
	var bad error
	for rows.Next() {
		var e ScoreEntry
		var id sql.NullString
		if err := rows.Scan(&id, &e.UniqueID, &e.Nickname, &e.AvatarURL, &e.Value, &e.LastTS); err != nil || !id.Valid {
			bad = cmpFirst(bad, fmt.Errorf("unreadable score row: %v", err))
			continue
		}
		e.UserID = id.String
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return out, err
	}
	if len(out) == 0 && bad != nil {
		return out, bad
	}
	return out, nil
}

func cmpFirst(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// sqlLimit maps "no limit" (<= 0) to SQLite's -1.
func sqlLimit(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

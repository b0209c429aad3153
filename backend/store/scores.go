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
	if board == "" || period == "" {
		return fmt.Errorf("%w: board and period are required", ErrInvalid)
	}
	if err := requireID("user", u.UserID); err != nil {
		return err
	}
	_, err := db.exec(`INSERT INTO scores (board, period, user_id, unique_id, nickname, avatar_url, value, last_ts)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (board, period, user_id) DO UPDATE SET
			value = value + excluded.value,
			last_ts = max(last_ts, excluded.last_ts),`+refreshUser,
		board, period, u.UserID, u.UniqueID, u.Nickname, u.AvatarURL, delta, ts)
	return err
}

// refreshUser keeps the stored user fields unless the new ones are non-empty.
const refreshUser = `
	unique_id = coalesce(nullif(excluded.unique_id, ''), unique_id),
	nickname = coalesce(nullif(excluded.nickname, ''), nickname),
	avatar_url = coalesce(nullif(excluded.avatar_url, ''), avatar_url)`

// TopScores returns the best scores of board/period, highest first (ties:
// who got there first). limit <= 0 returns all.
func (db *DB) TopScores(board, period string, limit int) ([]ScoreEntry, error) {
	return db.scoreRows(db.sql.Query(`SELECT user_id, unique_id, nickname, avatar_url, value, last_ts
		FROM scores WHERE board = ? AND period = ?
		ORDER BY value DESC, last_ts, user_id LIMIT ?`, board, period, sqlLimit(limit)))
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

func (db *DB) scoreRows(rows *sql.Rows, err error) ([]ScoreEntry, error) {
	if err != nil {
		return nil, classify(db.path, err)
	}
	defer rows.Close()
	out := []ScoreEntry{}
	for rows.Next() {
		var e ScoreEntry
		if err := rows.Scan(&e.UserID, &e.UniqueID, &e.Nickname, &e.AvatarURL, &e.Value, &e.LastTS); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// sqlLimit maps "no limit" (<= 0) to SQLite's -1.
func sqlLimit(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

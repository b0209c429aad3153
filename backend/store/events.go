package store

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/ltth/ltth/backend/domain"
)

// DefaultRecentEvents is what RecentEvents returns when limit <= 0.
const DefaultRecentEvents = 100

// RecentEvents returns the newest journaled events, newest first.
func (db *DB) RecentEvents(limit int) ([]domain.Event, error) {
	if limit <= 0 {
		limit = DefaultRecentEvents
	}
	rows, err := db.sql.Query(`SELECT seq, CAST(json AS BLOB) FROM events ORDER BY seq DESC LIMIT ?`, limit)
	if err != nil {
		return nil, classify(db.path, err)
	}
	defer rows.Close()
	out := make([]domain.Event, 0, limit)
	var buf sql.RawBytes
	for rows.Next() {
		var seq int64
		if err := rows.Scan(&seq, &buf); err != nil {
			return nil, err
		}
		var e domain.Event
		if err := json.Unmarshal(buf, &e); err != nil {
			return nil, fmt.Errorf("journal event %d: %w", seq, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// CountEvents returns how many events the journal holds.
func (db *DB) CountEvents() (int64, error) {
	var n int64
	err := db.sql.QueryRow(`SELECT count(*) FROM events`).Scan(&n)
	return n, classify(db.path, err)
}

// PruneEvents deletes journaled events older than beforeTS (unix ms) and
// returns how many were removed (journal retention).
func (db *DB) PruneEvents(beforeTS int64) (int64, error) {
	res, err := db.exec(`DELETE FROM events WHERE ts < ?`, beforeTS)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

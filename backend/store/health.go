package store

import (
	"errors"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
)

// writeHealth remembers whether the last store write failed for a storage
// reason (disk full, I/O error, read-only or vanished file, corruption).
type writeHealth struct {
	mu     sync.Mutex
	reason string
	since  time.Time
}

func (w *writeHealth) note(err error) {
	storage := storageError(err)
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case storage && w.reason == "":
		w.reason, w.since = err.Error(), time.Now()
	case storage:
		w.reason = err.Error()
	case err == nil:
		w.reason = ""
	}
}

// storageError reports whether err says the database file cannot be written.
func storageError(err error) bool {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code {
	case sqlite3.ErrFull, sqlite3.ErrIoErr, sqlite3.ErrReadonly, sqlite3.ErrCantOpen, sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return true
	}
	return false
}

// Degraded returns why writes to this database fail ("" when the last
// write succeeded): the profile's settings, goals and scores are then not
// being saved.
func (db *DB) Degraded() string {
	db.writes.mu.Lock()
	defer db.writes.mu.Unlock()
	if db.writes.reason == "" {
		return ""
	}
	return "profile database cannot be written (" + db.writes.reason + ") since " + db.writes.since.Format(time.RFC3339)
}

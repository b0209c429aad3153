package store

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// busyTimeoutMS is how long a connection waits for a lock held by another
// connection (the journal's batch, another process) before SQLITE_BUSY.
const busyTimeoutMS = 5000

const sqliteMagic = "SQLite format 3\x00"

// connector opens go-sqlite3 connections without registering a driver name
// globally, so every connection gets our hook (trusted_schema=OFF: a profile
// imported from someone else cannot make its views or triggers call
// functions with side effects).
type connector struct {
	drv *sqlite3.SQLiteDriver
	dsn string
}

func (c *connector) Connect(context.Context) (driver.Conn, error) { return c.drv.Open(c.dsn) }
func (c *connector) Driver() driver.Driver                        { return c.drv }

func newConnector(dsn string) *connector {
	hook := func(conn *sqlite3.SQLiteConn) error {
		_, err := conn.Exec("PRAGMA trusted_schema = OFF", nil)
		return err
	}
	return &connector{drv: &sqlite3.SQLiteDriver{ConnectHook: hook}, dsn: dsn}
}

// fileURI turns a filesystem path into a SQLite URI filename, escaping every
// character SQLite or go-sqlite3 would otherwise interpret ('?', '#', '%', ' ').
func fileURI(path string, params url.Values) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x -> /C:/x
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: params.Encode()}
	return u.String()
}

// openRW opens a database for normal use: WAL, foreign keys, busy timeout,
// synchronous=NORMAL, immediate write transactions (no lock upgrades, so
// busy_timeout always applies).
func openRW(path string) *sql.DB {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "1")
	q.Set("_busy_timeout", fmt.Sprint(busyTimeoutMS))
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	db := sql.OpenDB(newConnector(fileURI(path, q)))
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(4)
	return db
}

// openRO opens a database read-only without any pragma that writes, for
// checking a file before anything may modify it.
func openRO(path string) *sql.DB {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("_busy_timeout", fmt.Sprint(busyTimeoutMS))
	db := sql.OpenDB(newConnector(fileURI(path, q)))
	db.SetMaxOpenConns(1)
	return db
}

// checkHeader reports whether path is absent (a fresh database may be
// created there) or holds something that must look like SQLite.
func checkHeader(path string) (fresh bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && (err == io.EOF):
		// Never silently start over on an existing file: an empty one is
		// damage (a failed copy, a full disk), not a new profile.
		return false, &CorruptError{Path: path, Detail: "the file is empty (0 bytes)"}
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return false, err
	case n < len(head) || !bytes.Equal(head[:16], []byte(sqliteMagic)):
		return false, &CorruptError{Path: path, Detail: "not a SQLite database (bad file header)"}
	}
	return false, nil
}

// sqliteCorrupt reports whether err is SQLite saying the file is damaged.
func sqliteCorrupt(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB
	}
	return false
}

// transient reports whether a write failure may go away by itself (disk
// full, I/O error, lock contention), so the data should be kept and retried.
func transient(err error) bool {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return true // not SQLite's verdict (context, driver): do not give up
	}
	switch se.Code {
	case sqlite3.ErrFull, sqlite3.ErrIoErr, sqlite3.ErrBusy, sqlite3.ErrLocked,
		sqlite3.ErrCantOpen, sqlite3.ErrReadonly, sqlite3.ErrNomem, sqlite3.ErrProtocol:
		return true
	}
	return false
}

// classify wraps SQLite's corruption codes into a CorruptError for path.
func classify(path string, err error) error {
	if err != nil && sqliteCorrupt(err) {
		return &CorruptError{Path: path, Detail: err.Error()}
	}
	return err
}

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"
)

// DB is one profile's database (WAL, foreign keys on). Its methods are safe
// for concurrent use. Other subsystems declare small interfaces of the
// methods they need; *DB satisfies them.
type DB struct {
	sql     *sql.DB
	name    string
	path    string
	version int
	release func()
	once    sync.Once
	closed  chan struct{}

	mu       sync.Mutex
	journals map[*Journal]struct{} // closed (drained) before the database

	backupErr error // the daily backup taken at open failed
	writes    writeHealth
}

// BackupError reports a failure of the daily backup taken when this handle
// was opened (nil when it was taken, or was not due).
func (db *DB) BackupError() error { return db.backupErr }

func newDB(sdb *sql.DB, name, path string, version int, release func()) *DB {
	return &DB{sql: sdb, name: name, path: path, version: version, release: release,
		closed: make(chan struct{}), journals: map[*Journal]struct{}{}}
}

func (db *DB) attach(j *Journal) {
	db.mu.Lock()
	db.journals[j] = struct{}{}
	db.mu.Unlock()
}

func (db *DB) detach(j *Journal) {
	db.mu.Lock()
	delete(db.journals, j)
	db.mu.Unlock()
}

// Close closes the database, after closing (and so draining) any Journal
// still writing to it.
func (db *DB) Close() error {
	db.mu.Lock()
	var js []*Journal
	for j := range db.journals {
		js = append(js, j)
	}
	db.mu.Unlock()
	for _, j := range js {
		_ = j.Close() // logs what it could not write
	}
	err := ErrClosed
	db.once.Do(func() {
		close(db.closed)
		_, _ = db.sql.Exec(`PRAGMA optimize`)
		err = db.sql.Close()
		if db.release != nil {
			db.release()
		}
	})
	return err
}

// SchemaVersion is the database's schema version (PRAGMA user_version).
func (db *DB) SchemaVersion() int { return db.version }

// Name is the profile name.
func (db *DB) Name() string { return db.name }

// Path is the database file.
func (db *DB) Path() string { return db.path }

// SQL gives direct access for packages that own tables of their own
// (migrations 010-029); prefer the repository methods. Transactions begun
// on it are BEGIN IMMEDIATE (they take the write lock at once, so the busy
// timeout applies); keep them short, the journal shares the lock.
func (db *DB) SQL() *sql.DB { return db.sql }

// Check runs a full PRAGMA integrity_check; problems are a CorruptError.
func (db *DB) Check() error {
	return integrity(context.Background(), db.sql, db.path, fullCheck)
}

func nowMS() int64 { return time.Now().UnixMilli() }

func fromMS(ms int64) time.Time { return time.UnixMilli(ms) }

func (db *DB) exec(query string, args ...any) (sql.Result, error) {
	res, err := db.sql.Exec(query, args...)
	db.writes.note(err)
	return res, classify(db.path, err)
}

// execOne runs a statement that must touch a row; none is ErrNotFound.
func (db *DB) execOne(what, id string, query string, args ...any) error {
	res, err := db.exec(query, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return fmt.Errorf("%s %q: %w", what, id, ErrNotFound)
	}
	return nil
}

func requireID(what, id string) error {
	if id == "" {
		return fmt.Errorf("%w: %s id is empty", ErrInvalid, what)
	}
	return nil
}

func requireJSON(what string, doc []byte) error {
	if !json.Valid(doc) {
		return fmt.Errorf("%w: %s is not valid JSON", ErrInvalid, what)
	}
	return nil
}

// scanMap reads two-column (text, value) rows into a map.
func scanMap[V any](rows *sql.Rows, err error) (map[string]V, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]V{}
	for rows.Next() {
		var k string
		var v V
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}

// --- settings ---

// GetSetting returns a setting and whether it exists.
func (db *DB) GetSetting(key string) (string, bool, error) {
	var v string
	err := db.sql.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return v, err == nil, classify(db.path, err)
}

// SetSetting creates or replaces a setting.
func (db *DB) SetSetting(key, value string) error {
	if err := requireID("setting", key); err != nil {
		return err
	}
	_, err := db.exec(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		key, value, nowMS())
	return err
}

// Settings returns every setting.
func (db *DB) Settings() (map[string]string, error) {
	return scanMap[string](db.sql.Query(`SELECT key, value FROM settings`))
}

// DeleteSetting removes a setting (ErrNotFound if absent).
func (db *DB) DeleteSetting(key string) error {
	return db.execOne("setting", key, `DELETE FROM settings WHERE key = ?`, key)
}

// --- variables ---

// Variables returns every variable's JSON value.
func (db *DB) Variables() (map[string][]byte, error) {
	return scanMap[[]byte](db.sql.Query(`SELECT name, CAST(value AS BLOB) FROM variables`))
}

// SetVariable creates or replaces a variable; value must be JSON.
func (db *DB) SetVariable(name string, value []byte) error {
	if err := requireID("variable", name); err != nil {
		return err
	}
	if err := requireJSON("variable "+name, value); err != nil {
		return err
	}
	_, err := db.exec(`INSERT INTO variables (name, value, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		name, string(value), nowMS())
	return err
}

// DeleteVariable removes a variable (ErrNotFound if absent).
func (db *DB) DeleteVariable(name string) error {
	return db.execOne("variable", name, `DELETE FROM variables WHERE name = ?`, name)
}

// --- alert configs ---

// AlertConfigs returns the JSON alert configuration per event type.
func (db *DB) AlertConfigs() (map[string][]byte, error) {
	return scanMap[[]byte](db.sql.Query(`SELECT event_type, CAST(config AS BLOB) FROM alert_configs`))
}

// PutAlertConfig creates or replaces the configuration of one event type.
func (db *DB) PutAlertConfig(eventType string, config []byte) error {
	if err := requireID("alert config event type", eventType); err != nil {
		return err
	}
	if err := requireJSON("alert config "+eventType, config); err != nil {
		return err
	}
	_, err := db.exec(`INSERT INTO alert_configs (event_type, config, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (event_type) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
		eventType, string(config), nowMS())
	return err
}

// DeleteAlertConfig removes one event type's configuration (ErrNotFound if absent).
func (db *DB) DeleteAlertConfig(eventType string) error {
	return db.execOne("alert config", eventType, `DELETE FROM alert_configs WHERE event_type = ?`, eventType)
}

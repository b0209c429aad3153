package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// migrationFiles holds the schema migrations, NNN_description.sql, applied
// in numeric order. 010-019 are reserved for the flow engine, 020-029 for
// alerts/goals; any embedded file is picked up.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations is the ordered list of known migrations.
type migrations []migration

func (ms migrations) latest() int {
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

func (ms migrations) known(v int) bool {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].version >= v })
	return i < len(ms) && ms[i].version == v
}

// loadMigrations reads and orders the embedded migrations.
func loadMigrations(fsys fs.FS, dir string) (migrations, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms migrations
	seen := map[int]string{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %q: name must be NNN_description.sql", e.Name())
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("migrations %q and %q share version %d", prev, e.Name(), v)
		}
		seen[v] = e.Name()
		body, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY NOT NULL,
	name       TEXT NOT NULL,
	applied_at INTEGER NOT NULL
)`

// appliedVersions lists the migrations recorded in the database (none when
// the tracking table does not exist yet).
func appliedVersions(ctx context.Context, q queryer) (map[int]bool, error) {
	var n int
	err := q.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n)
	if err != nil || n == 0 {
		return map[int]bool{}, err
	}
	rows, err := q.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out[v] = true
	}
	return out, rows.Err()
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func userVersion(ctx context.Context, q queryer) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	return v, err
}

// migrate applies every known migration the database lacks, each in its own
// transaction that also records it and raises PRAGMA user_version. Tracking
// applied versions (not just the highest) means a migration added later in a
// reserved lower range (e.g. 011 after 020 shipped) is still applied.
func (ms migrations) migrate(ctx context.Context, db *sql.DB) (int, error) {
	for _, m := range ms {
		if err := ms.apply(ctx, db, m); err != nil {
			return 0, fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return userVersion(ctx, db)
}

func (ms migrations) apply(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil) // BEGIN IMMEDIATE (see openRW)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	applied, err := appliedVersions(ctx, tx)
	if err != nil || applied[m.version] {
		return err
	}
	cur, err := userVersion(ctx, tx)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, createMigrationsTable); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, time.Now().UnixMilli()); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, max(cur, m.version))); err != nil {
		return err
	}
	return tx.Commit()
}

// checkVersion refuses a database written by a newer schema, and a SQLite
// file that is not an LTTH profile at all (tables but no migration records).
func (ms migrations) checkVersion(ctx context.Context, q queryer, path string) (int, error) {
	v, err := userVersion(ctx, q)
	if err != nil {
		return 0, err
	}
	if v > ms.latest() {
		return v, &SchemaError{Path: path, Version: v, Known: ms.latest()}
	}
	applied, err := appliedVersions(ctx, q)
	if err != nil {
		return v, err
	}
	if len(applied) == 0 {
		return v, checkEmpty(ctx, q, path, v)
	}
	for a := range applied {
		if !ms.known(a) {
			return v, &SchemaError{Path: path, Version: v, Known: ms.latest(),
				Detail: fmt.Sprintf("migration %03d is not known to this binary", a)}
		}
	}
	return v, nil
}

// checkEmpty accepts a database without migration records only if it is
// empty (a new profile); anything else is some other program's database.
func checkEmpty(ctx context.Context, q queryer, path string, version int) error {
	var tables int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&tables)
	if err != nil {
		return err
	}
	if tables > 0 || version != 0 {
		return &CorruptError{Path: path, Detail: fmt.Sprintf(
			"not an LTTH profile database (%d schema objects, user_version %d, no migration records)", tables, version)}
	}
	return nil
}

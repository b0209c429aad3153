package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// integrityLevel chooses how hard a file is checked before it is opened.
type integrityLevel int

const (
	// quickCheck runs PRAGMA quick_check on every table but the event
	// journal (which grows to hundreds of MB and would cost a second at
	// every start; damage there surfaces as ErrCorrupt when it is read or
	// written, and DB.Check finds it). Used on open, duplicate, export.
	quickCheck integrityLevel = iota
	// fullCheck runs PRAGMA integrity_check on everything: imports, DB.Check.
	fullCheck
)

// checkedOnOpen reports whether quickCheck covers a table.
func checkedOnOpen(table string) bool { return table != "events" }

// inspect checks an existing file without modifying it: SQLite header, schema
// version not newer than ours, integrity. fresh is true when there is no
// file (or an empty one) and a new database may be created there.
func (ms migrations) inspect(ctx context.Context, path string, level integrityLevel) (fresh bool, err error) {
	fresh, err = checkHeader(path)
	if err != nil || fresh {
		return fresh, err
	}
	ro := openRO(path)
	defer ro.Close()
	if _, err := ms.checkVersion(ctx, ro, path); err != nil {
		return false, classify(path, err)
	}
	return false, integrity(ctx, ro, path, level)
}

// integrity runs the checks of level and turns anything but "ok" into a
// CorruptError.
func integrity(ctx context.Context, q queryer, path string, level integrityLevel) error {
	if level == fullCheck {
		return checkPragma(ctx, q, path, "PRAGMA integrity_check(20)")
	}
	tables, err := tableNames(ctx, q)
	if err != nil {
		return classify(path, err)
	}
	for _, t := range tables {
		if !checkedOnOpen(t) {
			continue
		}
		if err := checkPragma(ctx, q, path, "PRAGMA quick_check('"+strings.ReplaceAll(t, "'", "''")+"')"); err != nil {
			return err
		}
	}
	return nil
}

func checkPragma(ctx context.Context, q queryer, path, pragma string) error {
	rows, err := q.QueryContext(ctx, pragma)
	if err != nil {
		return classify(path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return classify(path, err)
		}
		problems = append(problems, s)
	}
	if err := rows.Err(); err != nil {
		return classify(path, err)
	}
	if len(problems) == 1 && problems[0] == "ok" {
		return nil
	}
	return &CorruptError{Path: path, Detail: "integrity check: " + strings.Join(problems, "; ")}
}

func tableNames(ctx context.Context, q queryer) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// openMigrated inspects path and, only if it is sound, opens it read-write
// (creating it when absent) and applies pending migrations.
func (ms migrations) openMigrated(ctx context.Context, path string, level integrityLevel) (*sql.DB, int, error) {
	if _, err := ms.inspect(ctx, path, level); err != nil {
		return nil, 0, err
	}
	db := openRW(path)
	v, err := ms.migrate(ctx, db)
	if err != nil {
		db.Close()
		return nil, 0, classify(path, fmt.Errorf("open %s: %w", path, err))
	}
	return db, v, nil
}

// verifySchema checks that every table and column the migrations create
// exists in db (an imported file may claim a version without the tables).
func (ms migrations) verifySchema(ctx context.Context, db *sql.DB, path string) error {
	ref := sql.OpenDB(newConnector("file:ltth-schema-ref?mode=memory"))
	defer ref.Close()
	ref.SetMaxOpenConns(1) // one in-memory database
	if _, err := ms.migrate(ctx, ref); err != nil {
		return fmt.Errorf("reference schema: %w", err)
	}
	want, err := tableColumns(ctx, ref)
	if err != nil {
		return err
	}
	have, err := tableColumns(ctx, db)
	if err != nil {
		return classify(path, err)
	}
	for table, cols := range want {
		got, ok := have[table]
		if !ok {
			return &CorruptError{Path: path, Detail: fmt.Sprintf("schema mismatch: table %s missing", table)}
		}
		for c := range cols {
			if !got[c] {
				return &CorruptError{Path: path, Detail: fmt.Sprintf("schema mismatch: column %s.%s missing", table, c)}
			}
		}
	}
	return nil
}

func tableColumns(ctx context.Context, db *sql.DB) (map[string]map[string]bool, error) {
	rows, err := db.QueryContext(ctx, `SELECT m.name, p.name FROM sqlite_master m
		JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[string]bool{}
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			return nil, err
		}
		if out[t] == nil {
			out[t] = map[string]bool{}
		}
		out[t][c] = true
	}
	return out, rows.Err()
}

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
	// quickCheck runs PRAGMA quick_check on the whole file (the journal
	// included, so a page damaged while running is found at the next open).
	// Used on open, duplicate, export.
	quickCheck integrityLevel = iota
	// fullCheck runs PRAGMA integrity_check on everything: imports, DB.Check.
	fullCheck
)

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
	return checkPragma(ctx, q, path, "PRAGMA quick_check(20)")
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

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// uploadName stands for the uploaded file in errors (never a server path).
const uploadName = "uploaded file"

// importSkip are our own tables that an upload never fills: the migration
// records are this database's, and the quarantine is written by import.
var importSkip = map[string]bool{"schema_migrations": true, "pending_review": true}

// importSkipPrefix are the shadow tables of our full-text indexes (FTS
// internals an upload could craft): never imported; the owner rebuilds
// the index from the imported rows.
var importSkipPrefix = []string{"history_chat_fts_"}

func skipImport(table string) bool {
	for _, p := range importSkipPrefix {
		if strings.HasPrefix(table, p) {
			return true
		}
	}
	return importSkip[table]
}

// Import creates profile name from a SQLite file read from r (as written by
// Export). The upload is untrusted data: it must be a sound LTTH profile
// whose schema is not newer than ours, and only its known tables and
// columns are copied into a database freshly built by our migrations — no
// trigger, view, index or unknown table of the upload survives, and nothing
// in it runs. Settings and flows that run a program or send data elsewhere
// are quarantined for review (see PendingReview). An existing profile is
// never replaced (ErrProfileExists).
func (m *Manager) Import(name string, r io.Reader) error {
	m.mu.Lock()
	err := m.vacant(name)
	m.mu.Unlock()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp(m.profiles, stagingMatch+"upload-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	upload := filepath.Join(dir, "upload.db")
	if err := copyToFile(upload, r); err != nil {
		return fmt.Errorf("import profile %q: reading the upload: %w", name, err)
	}
	if err := m.checkUpload(upload); err != nil {
		return fmt.Errorf("import profile %q: %w", name, err)
	}
	return m.stage(name, func(path string) error {
		if err := m.rebuild(context.Background(), upload, path); err != nil {
			return fmt.Errorf("import profile %q: %w", name, hideUploadPath(err, upload))
		}
		return nil
	})
}

// checkUpload refuses anything but a sound LTTH profile of a known schema.
func (m *Manager) checkUpload(path string) error {
	fresh, err := m.migs.inspect(context.Background(), path, fullCheck)
	if err == nil && fresh {
		err = &CorruptError{Path: path, Detail: "the file is empty"}
	}
	return hideUploadPath(err, path)
}

// hideUploadPath names the upload in typed errors instead of its temp path.
func hideUploadPath(err error, path string) error {
	var ce *CorruptError
	var se *SchemaError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ce):
		return &CorruptError{Path: uploadName, Detail: strings.ReplaceAll(ce.Detail, path, uploadName)}
	case errors.As(err, &se):
		c := *se
		c.Path = uploadName
		return &c
	}
	return errors.New(strings.ReplaceAll(err.Error(), path, uploadName))
}

// rebuild creates dst through our migrations and copies the upload's known
// tables and columns into it, then quarantines what needs review.
func (m *Manager) rebuild(ctx context.Context, upload, dst string) error {
	sdb, _, err := m.migs.openMigrated(ctx, dst, quickCheck)
	if err != nil {
		return err
	}
	defer sdb.Close()
	conn, err := sdb.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	ro := url.Values{}
	ro.Set("mode", "ro")
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS upload`, fileURI(upload, ro)); err != nil {
		return fmt.Errorf("open upload: %w", err)
	}
	defer conn.ExecContext(context.Background(), `DETACH DATABASE upload`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := copyKnown(ctx, tx); err != nil {
		return err
	}
	if err := quarantine(ctx, tx); err != nil {
		return fmt.Errorf("quarantine: %w", err)
	}
	return tx.Commit()
}

// copyKnown copies, table by table, the columns our schema and the upload
// share. Only real tables of the upload are read (never its views or
// virtual tables); its other objects are ignored.
func copyKnown(ctx context.Context, tx *sql.Tx) error {
	ours, err := columnsOf(ctx, tx, "main")
	if err != nil {
		return err
	}
	theirs, err := columnsOf(ctx, tx, "upload")
	if err != nil {
		return err
	}
	for table, cols := range ours {
		src, ok := theirs[table]
		if skipImport(table) || !ok {
			continue
		}
		var shared []string
		for _, c := range cols {
			if inList(src, c) {
				shared = append(shared, quoteIdent(c))
			}
		}
		if len(shared) == 0 {
			continue
		}
		list := strings.Join(shared, ", ")
		q := fmt.Sprintf(`INSERT INTO main.%s (%s) SELECT %s FROM upload.%s`, quoteIdent(table), list, list, quoteIdent(table))
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("copy table %s: %w", table, err)
		}
	}
	return nil
}

// columnsOf lists the ordinary tables of a schema with their ordinary
// columns (generated and hidden columns excluded).
func columnsOf(ctx context.Context, tx *sql.Tx, schema string) (map[string][]string, error) {
	rows, err := tx.QueryContext(ctx, fmt.Sprintf(`SELECT m.name, p.name FROM %s.sqlite_master m
		JOIN pragma_table_info(m.name, ?) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%%'
		AND upper(ltrim(m.sql)) NOT LIKE 'CREATE VIRTUAL%%'
		ORDER BY m.name, p.cid`, schema), schema)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			return nil, err
		}
		out[t] = append(out[t], c)
	}
	return out, rows.Err()
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

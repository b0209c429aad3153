package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// ExportOptions tunes Export.
type ExportOptions struct {
	// IncludeSecrets keeps the API key, session id, passwords and webhook
	// header values in the exported file (a personal backup); off, they are
	// blanked so the file can be shared.
	IncludeSecrets bool
}

// scrubExport prepares an exported copy (our own temp file): it drops any
// trigger or view (our schema has none; a profile imported by an older
// version might), forgets the quarantine, and blanks secrets unless keep.
func scrubExport(path string, keep bool) error {
	db := openRW(path)
	defer db.Close()
	ctx := context.Background()
	if err := dropForeignObjects(ctx, db); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM pending_review WHERE EXISTS
		(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pending_review')`); err != nil && !strings.Contains(err.Error(), "no such table") {
		return err
	}
	if !keep {
		if err := scrubSecrets(ctx, tx); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	// Fold the WAL back in and rewrite freed pages, so blanked values are
	// not left behind in the file.
	_, err = db.ExecContext(ctx, `PRAGMA journal_mode = DELETE; VACUUM`)
	return err
}

func dropForeignObjects(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')`)
	if err != nil {
		return err
	}
	var drops []string
	for rows.Next() {
		var typ, name string
		if err := rows.Scan(&typ, &name); err != nil {
			rows.Close()
			return err
		}
		drops = append(drops, fmt.Sprintf("DROP %s IF EXISTS %s", strings.ToUpper(typ), quoteIdent(name)))
	}
	rows.Close()
	for _, d := range drops {
		if _, err := db.ExecContext(ctx, d); err != nil {
			return err
		}
	}
	return rows.Err()
}

// scrubSecrets blanks the secret settings and webhook header values.
func scrubSecrets(ctx context.Context, tx *sql.Tx) error {
	for _, k := range SecretSettings {
		if _, err := tx.ExecContext(ctx, `UPDATE settings SET value = '' WHERE key = ?`, k); err != nil {
			return err
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, CAST(definition AS BLOB) FROM flows`)
	if err != nil {
		return err
	}
	changed := map[string][]byte{}
	for rows.Next() {
		var id string
		var def []byte
		if err := rows.Scan(&id, &def); err != nil {
			rows.Close()
			return err
		}
		if out, ok := scrubWebhookHeaders(def); ok {
			changed[id] = out
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for id, def := range changed {
		if _, err := tx.ExecContext(ctx, `UPDATE flows SET definition = ? WHERE id = ?`, string(def), id); err != nil {
			return err
		}
	}
	return nil
}

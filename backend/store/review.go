package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Review item kinds.
const (
	ReviewSetting = "setting"
	ReviewFlow    = "flow"
)

// reasons says, per quarantined setting, what accepting it means.
var reasons = map[string]string{
	"tiktok.browserPath":   "this profile wants to run this program as your browser",
	"tiktok.signServerUrl": "this profile wants to send your TikTok API key and session to this sign server",
}

const flowReason = "this flow sends HTTP requests (webhooks) to other hosts; it was imported disabled"

// ReviewItem is one imported setting or flow waiting for the user's
// decision. Value is safe to show: URLs are masked, secrets never appear.
type ReviewItem struct {
	ID       int64    `json:"id"`
	Kind     string   `json:"kind"` // setting | flow
	Key      string   `json:"key"`  // setting key or flow id
	Name     string   `json:"name,omitempty"`
	Value    string   `json:"value"`
	Reason   string   `json:"reason"`
	Webhooks []string `json:"webhooks,omitempty"` // masked target URLs
	Headers  []string `json:"headers,omitempty"`  // header names (values hidden)
}

// quarantine moves what an imported profile must not do unasked into
// pending_review: dangerous settings leave the settings table, flows with
// webhook actions are disabled.
func quarantine(ctx context.Context, tx *sql.Tx) error {
	now := nowMS()
	add := `INSERT INTO pending_review (kind, key, value, reason, created_at) VALUES (?, ?, ?, ?, ?)`
	for _, k := range QuarantinedSettings {
		var v string
		err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, k).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		if strings.TrimSpace(v) != "" {
			if _, err := tx.ExecContext(ctx, add, ReviewSetting, k, v, reasons[k], now); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, k); err != nil {
			return err
		}
	}
	for _, k := range DroppedSettings {
		if _, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, k); err != nil {
			return err
		}
	}
	flows, err := webhookFlows(ctx, tx)
	if err != nil {
		return err
	}
	for id, enabled := range flows {
		if _, err := tx.ExecContext(ctx, add, ReviewFlow, id, enabled, flowReason, now); err != nil {
			return err
		}
		if err := setFlowEnabled(ctx, tx, id, false); err != nil {
			return err
		}
	}
	return nil
}

// webhookFlows maps the id of every flow with a webhook action to its
// enabled flag ("1"/"0").
func webhookFlows(ctx context.Context, tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, enabled, CAST(definition AS BLOB) FROM flows`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id string
		var on bool
		var def []byte
		if err := rows.Scan(&id, &on, &def); err != nil {
			return nil, err
		}
		if flowWebhooks(def) != nil {
			out[id] = map[bool]string{true: "1", false: "0"}[on]
		}
	}
	return out, rows.Err()
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// setFlowEnabled sets the column and the document's own "enabled".
func setFlowEnabled(ctx context.Context, x execer, id string, on bool) error {
	_, err := x.ExecContext(ctx, `UPDATE flows SET enabled = ?,
		definition = CASE WHEN json_valid(definition) AND json_type(definition) = 'object'
			THEN json_set(definition, '$.enabled', json(?)) ELSE definition END,
		updated_at = ? WHERE id = ?`, on, map[bool]string{true: "true", false: "false"}[on], nowMS(), id)
	return err
}

// PendingReview lists the quarantined items of this profile.
func (db *DB) PendingReview() ([]ReviewItem, error) {
	rows, err := db.sql.Query(`SELECT r.id, r.kind, r.key, r.value, r.reason,
		coalesce(f.name, ''), coalesce(CAST(f.definition AS BLOB), X'')
		FROM pending_review r LEFT JOIN flows f ON r.kind = 'flow' AND f.id = r.key ORDER BY r.id`)
	if err != nil {
		return nil, classify(db.path, err)
	}
	defer rows.Close()
	out := []ReviewItem{}
	for rows.Next() {
		var it ReviewItem
		var def []byte
		if err := rows.Scan(&it.ID, &it.Kind, &it.Key, &it.Value, &it.Reason, &it.Name, &def); err != nil {
			return nil, err
		}
		out = append(out, reviewView(it, def))
	}
	return out, rows.Err()
}

func reviewView(it ReviewItem, def []byte) ReviewItem {
	switch {
	case it.Kind == ReviewFlow:
		it.Value = ""
		if info := flowWebhooks(def); info != nil {
			it.Webhooks, it.Headers = info.URLs, info.Headers
		}
	case inList(SecretSettings, it.Key):
		it.Value = "•••"
	case strings.Contains(it.Key, "Url") || strings.Contains(it.Value, "://"):
		it.Value = MaskURL(it.Value)
	}
	return it
}

// ApplyReview accepts and rejects quarantined items, all or nothing. An
// accepted setting is written back (a browser path still needs the
// dashboard's confirmation before it runs); an accepted flow gets its
// imported enabled state back. A rejected setting is dropped; a rejected
// flow stays, disabled. Unknown ids are ErrNotFound.
func (db *DB) ApplyReview(accept, reject []int64) error {
	seen := map[int64]bool{}
	for _, id := range append(append([]int64{}, accept...), reject...) {
		if seen[id] {
			return fmt.Errorf("%w: review item %d is listed twice", ErrInvalid, id)
		}
		seen[id] = true
	}
	ctx := context.Background()
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return classify(db.path, err)
	}
	defer tx.Rollback()
	for _, id := range accept {
		if err := applyOne(ctx, tx, id, true); err != nil {
			return err
		}
	}
	for _, id := range reject {
		if err := applyOne(ctx, tx, id, false); err != nil {
			return err
		}
	}
	return classify(db.path, tx.Commit())
}

func applyOne(ctx context.Context, tx *sql.Tx, id int64, accept bool) error {
	var kind, key, value string
	err := tx.QueryRowContext(ctx, `SELECT kind, key, value FROM pending_review WHERE id = ?`, id).Scan(&kind, &key, &value)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("review item %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return err
	}
	if accept {
		switch kind {
		case ReviewSetting:
			_, err = tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, key, value, nowMS())
		case ReviewFlow:
			err = setFlowEnabled(ctx, tx, key, value == "1")
		}
		if err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM pending_review WHERE id = ?`, id)
	return err
}

// PendingReview lists the quarantined items of profile name.
func (m *Manager) PendingReview(name string) ([]ReviewItem, error) {
	db, err := m.openExisting(name)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.PendingReview()
}

// ApplyReview applies the user's decisions on profile name (see DB.ApplyReview).
func (m *Manager) ApplyReview(name string, accept, reject []int64) error {
	db, err := m.openExisting(name)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.ApplyReview(accept, reject)
}

// openExisting opens a profile that must exist (Open would create it).
func (m *Manager) openExisting(name string) (*DB, error) {
	m.mu.Lock()
	real, err := m.existing(name)
	m.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return m.Open(real)
}

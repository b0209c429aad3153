package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// OverlayPreset is one saved overlay look (see the overlay package for
// what the params mean; it validates them before they get here).
type OverlayPreset struct {
	Name      string            `json:"name"`
	Overlay   string            `json:"overlay"`
	Params    map[string]string `json:"params"`
	CSS       string            `json:"css"`
	UpdatedAt time.Time         `json:"updatedAt"`
}

// OverlayPresets lists the saved presets by name.
func (db *DB) OverlayPresets() ([]OverlayPreset, error) {
	rows, err := db.sql.Query(`SELECT name, overlay, params, css, updated_at FROM overlay_presets ORDER BY name`)
	if err != nil {
		return nil, classify(db.path, err)
	}
	defer rows.Close()
	out := []OverlayPreset{}
	for rows.Next() {
		p, err := scanPreset(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// OverlayPreset returns the preset called name, or ErrNotFound.
func (db *DB) OverlayPreset(name string) (OverlayPreset, error) {
	p, err := scanPreset(db.sql.QueryRow(`SELECT name, overlay, params, css, updated_at FROM overlay_presets WHERE name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("overlay preset %q: %w", name, ErrNotFound)
	}
	return p, err
}

// PutOverlayPreset creates or replaces the preset p.Name.
func (db *DB) PutOverlayPreset(p OverlayPreset) error {
	if err := requireID("overlay preset", p.Name); err != nil {
		return err
	}
	params, err := json.Marshal(p.Params)
	if err != nil {
		return fmt.Errorf("%w: overlay preset params: %v", ErrInvalid, err)
	}
	if p.Params == nil {
		params = []byte("{}")
	}
	_, err = db.exec(`INSERT INTO overlay_presets (name, overlay, params, css, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET overlay = excluded.overlay, params = excluded.params,
		css = excluded.css, updated_at = excluded.updated_at`,
		p.Name, p.Overlay, string(params), p.CSS, nowMS())
	return err
}

// DeleteOverlayPreset removes a preset; a missing one is ErrNotFound.
func (db *DB) DeleteOverlayPreset(name string) error {
	return db.execOne("overlay preset", name, `DELETE FROM overlay_presets WHERE name = ?`, name)
}

type rowScanner interface{ Scan(...any) error }

func scanPreset(r rowScanner) (OverlayPreset, error) {
	var p OverlayPreset
	var params string
	var ms int64
	if err := r.Scan(&p.Name, &p.Overlay, &params, &p.CSS, &ms); err != nil {
		return p, err
	}
	p.Params = map[string]string{}
	if err := json.Unmarshal([]byte(params), &p.Params); err != nil {
		return p, fmt.Errorf("overlay preset %q: stored params: %w", p.Name, err)
	}
	p.UpdatedAt = fromMS(ms)
	return p, nil
}

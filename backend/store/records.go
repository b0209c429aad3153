package store

import (
	"encoding/json"
	"time"
)

// FlowRecord is a stored flow; Definition is the flow's full JSON document.
type FlowRecord struct {
	ID         string          `json:"id"`
	Name       string          `json:"name"`
	Enabled    bool            `json:"enabled"`
	Definition json.RawMessage `json:"definition"`
	UpdatedAt  time.Time       `json:"updatedAt"`
}

// GoalRecord is a stored goal: JSON configuration plus its current value,
// kept in its own column so increments are cheap.
type GoalRecord struct {
	ID        string          `json:"id"`
	Config    json.RawMessage `json:"config"`
	Value     int64           `json:"value"`
	UpdatedAt time.Time       `json:"updatedAt"`
}

// ListFlows returns every flow, ordered by name then id.
func (db *DB) ListFlows() ([]FlowRecord, error) {
	rows, err := db.sql.Query(`SELECT id, name, enabled, CAST(definition AS BLOB), updated_at
		FROM flows ORDER BY name, id`)
	if err != nil {
		return nil, classify(db.path, err)
	}
	defer rows.Close()
	out := []FlowRecord{}
	for rows.Next() {
		var r FlowRecord
		var ts int64
		if err := rows.Scan(&r.ID, &r.Name, &r.Enabled, &r.Definition, &ts); err != nil {
			return nil, err
		}
		r.UpdatedAt = fromMS(ts)
		out = append(out, r)
	}
	return out, rows.Err()
}

// PutFlow creates or replaces a flow (UpdatedAt is set to now).
func (db *DB) PutFlow(r FlowRecord) error {
	if err := requireID("flow", r.ID); err != nil {
		return err
	}
	if err := requireJSON("flow "+r.ID+" definition", r.Definition); err != nil {
		return err
	}
	now := nowMS()
	_, err := db.exec(`INSERT INTO flows (id, name, enabled, definition, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, enabled = excluded.enabled,
			definition = excluded.definition, updated_at = excluded.updated_at`,
		r.ID, r.Name, r.Enabled, string(r.Definition), now, now)
	return err
}

// DeleteFlow removes a flow (ErrNotFound if absent).
func (db *DB) DeleteFlow(id string) error {
	return db.execOne("flow", id, `DELETE FROM flows WHERE id = ?`, id)
}

// ListGoals returns every goal, ordered by id.
func (db *DB) ListGoals() ([]GoalRecord, error) {
	rows, err := db.sql.Query(`SELECT id, CAST(config AS BLOB), value, updated_at FROM goals ORDER BY id`)
	if err != nil {
		return nil, classify(db.path, err)
	}
	defer rows.Close()
	out := []GoalRecord{}
	for rows.Next() {
		var r GoalRecord
		var ts int64
		if err := rows.Scan(&r.ID, &r.Config, &r.Value, &ts); err != nil {
			return nil, err
		}
		r.UpdatedAt = fromMS(ts)
		out = append(out, r)
	}
	return out, rows.Err()
}

// PutGoal creates or replaces a goal, configuration and value.
func (db *DB) PutGoal(r GoalRecord) error {
	if err := requireID("goal", r.ID); err != nil {
		return err
	}
	if err := requireJSON("goal "+r.ID+" config", r.Config); err != nil {
		return err
	}
	_, err := db.exec(`INSERT INTO goals (id, config, value, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET config = excluded.config, value = excluded.value,
			updated_at = excluded.updated_at`,
		r.ID, string(r.Config), r.Value, nowMS())
	return err
}

// SetGoalValue sets a goal's current value (ErrNotFound if absent).
func (db *DB) SetGoalValue(id string, value int64) error {
	return db.execOne("goal", id, `UPDATE goals SET value = ?, updated_at = ? WHERE id = ?`,
		value, nowMS(), id)
}

// DeleteGoal removes a goal (ErrNotFound if absent).
func (db *DB) DeleteGoal(id string) error {
	return db.execOne("goal", id, `DELETE FROM goals WHERE id = ?`, id)
}

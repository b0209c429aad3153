package history

import (
	"encoding/json"
	"fmt"

	"github.com/ltth/ltth/backend/domain"
)

// repair recounts each open stream (one left open by a crash, or live when
// the app was closed) from the journal: its figures are rebuilt from
// scratch, and the viewer database receives exactly the part that was
// counted but not written before the process ended. Callers hold mu.
func (m *Module) repair() error {
	open, err := m.openStreams()
	if err != nil {
		return err
	}
	for _, s := range open {
		if err := m.repairOne(s); err != nil {
			return err
		}
	}
	return m.flush()
}

func (m *Module) openStreams() ([]Stream, error) {
	rows, err := m.sql.Query(`SELECT ` + streamCols + ` FROM history_streams WHERE ended_at IS NULL ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Stream
	for rows.Next() {
		s, err := scanStream(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func (m *Module) repairOne(s Stream) error {
	k := kindReal
	if s.Simulated {
		k = kindSim
	}
	m.end(k, s.StartedAt) // an older open stream of the same kind
	var oldest int64
	if err := m.sql.QueryRow(`SELECT coalesce(min(ts), 0) FROM events`).Scan(&oldest); err != nil {
		return err
	}
	if oldest == 0 || oldest > s.StartedAt {
		// Retention removed the stream's first events: a recount would
		// lose figures, so the stream is closed as it was written.
		m.log.Warn().Int64("stream", s.ID).Msg("history: open stream older than the journal; closed without recount")
		_, err := m.sql.Exec(`UPDATE history_streams SET ended_at = last_ts WHERE id = ?`, s.ID)
		return err
	}
	stored, err := m.streamUsers(s.ID)
	if err != nil {
		return err
	}
	fresh := Stream{ID: s.ID, Source: s.Source, UniqueID: s.UniqueID, RoomID: s.RoomID, Simulated: s.Simulated,
		StartedAt: s.StartedAt, LastTS: s.StartedAt}
	m.cur[k] = newLive(fresh)
	if err := m.replay(k, s.StartedAt); err != nil {
		return err
	}
	if k == kindReal {
		m.discount(stored)
	}
	return nil
}

// replay feeds the journal's events of kind k from ts on through handle.
func (m *Module) replay(k int, from int64) error {
	rows, err := m.sql.Query(`SELECT json FROM events WHERE ts >= ? ORDER BY seq`, from)
	if err != nil {
		return err
	}
	defer rows.Close()
	m.replaying = true
	defer func() { m.replaying = false }()
	var raw []byte
	for rows.Next() {
		if err := rows.Scan(&raw); err != nil {
			return err
		}
		var e domain.Event
		if err := json.Unmarshal(raw, &e); err != nil {
			m.log.Warn().Err(err).Msg("history repair: skipping an unreadable journal row")
			continue
		}
		if kindOf(&e) == k {
			m.handle(&e)
		}
	}
	return rows.Err()
}

// discount removes from the pending viewer changes what the stored stream
// users had already added to the viewer database.
func (m *Module) discount(stored map[string]userAgg) {
	for id, u := range stored {
		d := m.pending[id]
		if d == nil {
			d = &delta{user: domain.User{UserID: id}}
			m.pending[id] = d
		}
		d.streams--
		d.coins -= u.coins
		d.gifts -= u.gifts
		d.likes -= u.likes
		d.messages -= u.messages
		d.follows -= u.follows
		d.shares -= u.shares
		d.minutes -= u.minutes
		d.points -= u.points
		if d.firstTS == 0 {
			d.firstTS, d.lastTS = 1<<62, 0 // leaves first/last seen as stored
		}
	}
}

func (m *Module) streamUsers(id int64) (map[string]userAgg, error) {
	rows, err := m.sql.Query(`SELECT user_id, coins, gifts, likes, messages, follows, shares, minutes, points
		FROM history_stream_users WHERE stream_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("load stream users: %w", err)
	}
	defer rows.Close()
	out := map[string]userAgg{}
	for rows.Next() {
		var id string
		var u userAgg
		if err := rows.Scan(&id, &u.coins, &u.gifts, &u.likes, &u.messages, &u.follows, &u.shares, &u.minutes, &u.points); err != nil {
			return nil, err
		}
		out[id] = u
	}
	return out, rows.Err()
}

// The rules are a JSON setting.
const rulesSetting = "history.pointsRules"

func (m *Module) loadRules() (Rules, error) {
	v, ok, err := m.db.GetSetting(rulesSetting)
	if err != nil || !ok {
		return DefaultRules, err
	}
	var r Rules
	if err := json.Unmarshal([]byte(v), &r); err != nil {
		m.log.Warn().Err(err).Msg("points rules unreadable; using the defaults")
		return DefaultRules, nil
	}
	return r, nil
}

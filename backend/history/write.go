package history

import (
	"database/sql"
	"fmt"
)

// flush writes every dirty aggregate and the pending viewer changes in one
// transaction. On failure everything stays pending (the stream aggregates
// are absolute, the viewer changes are kept), so the next flush retries.
// Callers hold mu.
func (m *Module) flush() error {
	if !m.dirtyAny() {
		return nil
	}
	fresh := m.unsaved()
	points := pointsChanged(m.pending)
	tx, err := m.sql.Begin()
	if err != nil {
		return err
	}
	err = m.writeAll(tx)
	if err == nil {
		err = tx.Commit()
	} else {
		_ = tx.Rollback()
	}
	if err != nil {
		for _, l := range fresh {
			l.ID = 0 // its row was rolled back
		}
		return err
	}
	m.clean()
	if points {
		m.publishTop()
	}
	return nil
}

func pointsChanged(pending map[string]*delta) bool {
	for _, d := range pending {
		if d.points != 0 {
			return true
		}
	}
	return false
}

// unsaved lists the streams without a row yet.
func (m *Module) unsaved() []*live {
	var out []*live
	for _, l := range append(m.closed, m.cur[:]...) {
		if l != nil && l.ID == 0 {
			out = append(out, l)
		}
	}
	return out
}

func (m *Module) dirtyAny() bool {
	if len(m.pending) > 0 || len(m.closed) > 0 || len(m.nicks) > 0 {
		return true
	}
	for _, c := range m.cur {
		if c != nil && c.dirty {
			return true
		}
	}
	return false
}

func (m *Module) writeAll(tx *sql.Tx) error {
	for _, l := range m.closed {
		if err := writeLive(tx, l); err != nil {
			return err
		}
	}
	for _, l := range m.cur {
		if l != nil && l.dirty {
			if err := writeLive(tx, l); err != nil {
				return err
			}
		}
	}
	if err := writeViewers(tx, m.pending); err != nil {
		return err
	}
	for k, ts := range m.nicks {
		if _, err := tx.Exec(`INSERT OR IGNORE INTO history_nicknames (user_id, nickname, first_seen) VALUES (?, ?, ?)`,
			k[0], k[1], ts); err != nil {
			return err
		}
	}
	return nil
}

// clean forgets what was written. Callers hold mu.
func (m *Module) clean() {
	m.closed = nil
	clear(m.pending)
	clear(m.nicks)
	for _, l := range m.cur {
		if l != nil {
			l.dirty = false
			clear(l.dirtyUsers)
			clear(l.dirtyMins)
			clear(l.dirtyMarks)
		}
	}
}

// writeLive writes a stream row (inserting it on first write), its dirty
// minutes and its dirty users, all as absolute values.
func writeLive(tx *sql.Tx, l *live) error {
	if l.ID == 0 {
		res, err := tx.Exec(`INSERT INTO history_streams (source, unique_id, room_id, simulated, started_at) VALUES (?, ?, ?, ?, ?)`,
			l.Source, l.UniqueID, l.RoomID, l.Simulated, l.StartedAt)
		if err != nil {
			return fmt.Errorf("insert stream: %w", err)
		}
		if l.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(`UPDATE history_streams SET ended_at = ?, last_ts = ?, coins = ?, gifts = ?, likes = ?,
		follows = ?, shares = ?, subscribes = ?, chat_messages = ?, unique_chatters = ?, unique_gifters = ?,
		peak_viewers = ?, viewer_sum = ?, viewer_samples = ?, biggest_streak = ? WHERE id = ?`,
		l.EndedAt, l.LastTS, l.Coins, l.Gifts, l.Likes, l.Follows, l.Shares, l.Subscribes, l.ChatMessages,
		l.UniqueChatters, l.UniqueGifters, l.PeakViewers, l.viewerSum, l.viewerSamples, l.BiggestStreak, l.ID); err != nil {
		return fmt.Errorf("update stream: %w", err)
	}
	if err := writeMinutes(tx, l); err != nil {
		return err
	}
	if err := writeMarkers(tx, l); err != nil {
		return err
	}
	return writeUsers(tx, l)
}

func writeMinutes(tx *sql.Tx, l *live) error {
	if len(l.dirtyMins) == 0 {
		return nil
	}
	st, err := tx.Prepare(`INSERT OR REPLACE INTO history_series (stream_id, minute, viewers, coins, likes, chats, follows) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for n := range l.dirtyMins {
		p := l.minutes[n]
		if _, err := st.Exec(l.ID, n, p.Viewers, p.Coins, p.Likes, p.Chats, p.Follows); err != nil {
			return fmt.Errorf("write series: %w", err)
		}
	}
	return nil
}

func writeUsers(tx *sql.Tx, l *live) error {
	if len(l.dirtyUsers) == 0 {
		return nil
	}
	st, err := tx.Prepare(`INSERT OR REPLACE INTO history_stream_users (stream_id, user_id, coins, gifts, likes, messages, follows, shares, minutes, points)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for id := range l.dirtyUsers {
		u := l.users[id]
		if _, err := st.Exec(l.ID, id, u.coins, u.gifts, u.likes, u.messages, u.follows, u.shares, u.minutes, u.points); err != nil {
			return fmt.Errorf("write stream users: %w", err)
		}
	}
	return nil
}

// writeViewers adds the pending changes to the viewer database.
func writeViewers(tx *sql.Tx, pending map[string]*delta) error {
	if len(pending) == 0 {
		return nil
	}
	st, err := tx.Prepare(`INSERT INTO history_viewers (user_id, unique_id, nickname, avatar_url, first_seen, last_seen,
		streams, coins, gifts, likes, messages, follows, shares, minutes, roles, points)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET
		unique_id = CASE excluded.unique_id WHEN '' THEN unique_id ELSE excluded.unique_id END,
		nickname = CASE excluded.nickname WHEN '' THEN nickname ELSE excluded.nickname END,
		avatar_url = CASE excluded.avatar_url WHEN '' THEN avatar_url ELSE excluded.avatar_url END,
		first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen),
		streams = streams + excluded.streams, coins = coins + excluded.coins, gifts = gifts + excluded.gifts,
		likes = likes + excluded.likes, messages = messages + excluded.messages, follows = follows + excluded.follows,
		shares = shares + excluded.shares, minutes = minutes + excluded.minutes, roles = roles | excluded.roles,
		points = points + excluded.points`)
	if err != nil {
		return err
	}
	defer st.Close()
	for id, d := range pending {
		u := d.user
		if _, err := st.Exec(id, u.UniqueID, u.Nickname, u.AvatarURL, d.firstTS, d.lastTS, d.streams, d.coins, d.gifts,
			d.likes, d.messages, d.follows, d.shares, d.minutes, d.roles, d.points); err != nil {
			return fmt.Errorf("write viewers: %w", err)
		}
	}
	return nil
}

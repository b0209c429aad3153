package history

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/ltth/ltth/backend/domain"
)

// Marker kinds of a stream's charts.
const (
	MarkBigGift = "bigGift" // one gift event of at least BigGiftCoins coins
	MarkGoal    = "goal"    // a goal reached its target (goalReached message)
	MarkGap     = "gap"     // the connection was lost (disconnected … connected again)
)

// BigGiftCoins is the smallest gift (coins of one gift event) that gets a
// chart marker.
var BigGiftCoins int64 = 1000

// Marker is one chart marker: a point in time or, for a gap, a span.
type Marker struct {
	T     int64  `json:"t"` // unix ms
	Kind  string `json:"kind"`
	Label string `json:"label"`
	End   *int64 `json:"end,omitempty"` // gaps: when coverage came back (absent while open)
}

// mark adds a marker to the stream and returns its index.
func (l *live) mark(mk Marker) int {
	l.markers = append(l.markers, mk)
	i := len(l.markers) - 1
	l.dirtyMarks[i] = true
	l.dirty = true
	return i
}

// bigGift marks a big gift event.
func (l *live) bigGift(e *domain.Event) {
	if e.Coins < BigGiftCoins {
		return
	}
	name := e.GiftName
	if name == "" {
		name = fmt.Sprintf("gift %d", e.GiftID)
	}
	who := e.User.Nickname
	if e.User.UniqueID != "" {
		who = "@" + e.User.UniqueID
	}
	l.mark(Marker{T: e.TS, Kind: MarkBigGift, Label: fmt.Sprintf("%s ×%d from %s (%d coins)", name, max(e.RepeatCount, 1), who, e.Coins)})
}

// lost opens a gap when the connection of the stream drops (the
// connector's disconnected event); a gap already open stays as it is.
func (l *live) lost(e *domain.Event) {
	if l.gap >= 0 {
		return
	}
	label := "connection lost"
	if e.Reason != "" {
		label += ": " + e.Reason
	}
	l.gap = l.mark(Marker{T: e.TS, Kind: MarkGap, Label: label})
}

// covered closes the open gap at ts (connected again, or the stream ended).
func (l *live) covered(ts int64) {
	if l.gap < 0 {
		return
	}
	g := &l.markers[l.gap]
	end := max(ts, g.T)
	g.End = &end
	l.dirtyMarks[l.gap] = true
	l.dirty = true
	l.gap = -1
}

// reached is what history reads of a goalReached message (goal.Reached;
// the goal module may not be imported).
type reached struct {
	Name   string `json:"name"`
	Target int64  `json:"target"`
}

// goal marks a goal reached on the open stream (the real one if any, else
// the simulated one), at the time of the event handled last: the message
// follows the event that reached the goal on the same subscription.
func (m *Module) goal(data any) {
	l := m.cur[kindReal]
	if l == nil {
		l = m.cur[kindSim]
	}
	if l == nil {
		return
	}
	raw, err := json.Marshal(data)
	var r reached
	if err == nil {
		err = json.Unmarshal(raw, &r)
	}
	if err != nil {
		m.log.Warn().Err(err).Msg("history: unreadable goalReached message")
		return
	}
	t := m.lastTS
	if t < l.StartedAt || t > l.LastTS {
		t = l.LastTS
	}
	l.mark(Marker{T: t, Kind: MarkGoal, Label: fmt.Sprintf("goal %q reached (%d)", r.Name, r.Target)})
}

func writeMarkers(tx *sql.Tx, l *live) error {
	for i := range l.dirtyMarks {
		mk := l.markers[i]
		if _, err := tx.Exec(`INSERT OR REPLACE INTO history_markers (stream_id, ts, kind, label, end_ts) VALUES (?, ?, ?, ?, ?)`,
			l.ID, mk.T, mk.Kind, mk.Label, mk.End); err != nil {
			return fmt.Errorf("write markers: %w", err)
		}
	}
	return nil
}

// markers reads a stream's markers in time order.
func (m *Module) markers(id int64) ([]Marker, error) {
	rows, err := m.sql.Query(`SELECT ts, kind, label, end_ts FROM history_markers WHERE stream_id = ? ORDER BY ts, kind, label`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Marker{}
	for rows.Next() {
		var mk Marker
		var end sql.NullInt64
		if err := rows.Scan(&mk.T, &mk.Kind, &mk.Label, &end); err != nil {
			return nil, err
		}
		if end.Valid {
			mk.End = &end.Int64
		}
		out = append(out, mk)
	}
	return out, rows.Err()
}

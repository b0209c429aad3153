package history

import (
	"database/sql"
	"fmt"

	"github.com/ltth/ltth/backend/httpapi"
)

// Errors callers can tell apart.
var (
	ErrNotFound = httpapi.NewError(httpapi.ErrNotFound, "not found")
	ErrInvalid  = httpapi.NewError(httpapi.ErrInvalid, "invalid request")
)

const streamCols = `id, source, unique_id, room_id, simulated, started_at, ended_at, last_ts, coins, gifts, likes,
	follows, shares, subscribes, chat_messages, unique_chatters, unique_gifters, peak_viewers, viewer_sum,
	viewer_samples, biggest_streak`

type scanner interface{ Scan(dest ...any) error }

func scanStream(r scanner) (Stream, error) {
	var s Stream
	var end sql.NullInt64
	err := r.Scan(&s.ID, &s.Source, &s.UniqueID, &s.RoomID, &s.Simulated, &s.StartedAt, &end, &s.LastTS,
		&s.Coins, &s.Gifts, &s.Likes, &s.Follows, &s.Shares, &s.Subscribes, &s.ChatMessages, &s.UniqueChatters,
		&s.UniqueGifters, &s.PeakViewers, &s.viewerSum, &s.viewerSamples, &s.BiggestStreak)
	if end.Valid {
		s.EndedAt = &end.Int64
	}
	if s.viewerSamples > 0 {
		s.AvgViewers = s.viewerSum / s.viewerSamples
	}
	return s, err
}

// MaxStreams bounds one page of the stream list.
const MaxStreams = 500

// Streams lists streams newest first (limit 1..MaxStreams, default 100);
// simulated ones only when sim is true.
func (m *Module) Streams(limit int, sim bool) ([]Stream, error) {
	m.sync()
	if limit <= 0 || limit > MaxStreams {
		limit = 100
	}
	rows, err := m.sql.Query(`SELECT `+streamCols+` FROM history_streams WHERE simulated = ?
		ORDER BY started_at DESC, id DESC LIMIT ?`, sim, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Stream{}
	for rows.Next() {
		s, err := scanStream(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Gifter is one entry of a stream's top gifters.
type Gifter struct {
	UserID   string `json:"userId"`
	UniqueID string `json:"uniqueId"`
	Nickname string `json:"nickname"`
	Coins    int64  `json:"coins"`
	Gifts    int64  `json:"gifts"`
	Messages int64  `json:"messages"`
}

// Detail is a stream with its per-minute series and top gifters.
type Detail struct {
	Stream
	Series      []Minute `json:"series"`
	TopGifters  []Gifter `json:"topGifters"`
	TopChatters []Gifter `json:"topChatters"`
	Markers     []Marker `json:"markers"`
}

// sync writes what is pending, so reads see the live figures. Errors are
// logged (the figures stay pending).
func (m *Module) sync() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.flush(); err != nil {
		m.log.Error().Err(err).Msg("saving history failed; kept for the next try")
	}
}

// Stream returns one stream with its series and top 10 gifters.
func (m *Module) Stream(id int64) (Detail, error) {
	m.sync()
	s, err := scanStream(m.sql.QueryRow(`SELECT `+streamCols+` FROM history_streams WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return Detail{}, fmt.Errorf("stream %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Detail{}, err
	}
	d := Detail{Stream: s}
	if d.Series, err = m.series(s); err != nil {
		return Detail{}, err
	}
	if d.TopGifters, err = m.top(id, "coins", 10); err != nil {
		return Detail{}, err
	}
	if d.TopChatters, err = m.top(id, "messages", 10); err != nil {
		return Detail{}, err
	}
	d.Markers, err = m.markers(id)
	return d, err
}

// series returns every minute from the start to the last event; minutes
// without activity are zero (so chart points are evenly spaced).
func (m *Module) series(s Stream) ([]Minute, error) {
	rows, err := m.sql.Query(`SELECT minute, viewers, coins, likes, chats, follows FROM history_series
		WHERE stream_id = ? ORDER BY minute`, s.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	last := max(s.LastTS-s.StartedAt, 0) / 60000
	out := make([]Minute, 0, last+1)
	for rows.Next() {
		var p Minute
		if err := rows.Scan(&p.Minute, &p.Viewers, &p.Coins, &p.Likes, &p.Chats, &p.Follows); err != nil {
			return nil, err
		}
		for n := int64(len(out)); n < p.Minute; n++ {
			out = append(out, Minute{Minute: n, TS: s.StartedAt + n*60000})
		}
		p.TS = s.StartedAt + p.Minute*60000
		out = append(out, p)
	}
	return out, rows.Err()
}

// top ranks a stream's users by col ("coins" or "messages", constants).
func (m *Module) top(id int64, col string, n int) ([]Gifter, error) {
	rows, err := m.sql.Query(`SELECT u.user_id, coalesce(v.unique_id, ''), coalesce(v.nickname, ''), u.coins, u.gifts, u.messages
		FROM history_stream_users u LEFT JOIN history_viewers v ON v.user_id = u.user_id
		WHERE u.stream_id = ? AND u.`+col+` > 0 ORDER BY u.`+col+` DESC, u.user_id LIMIT ?`, id, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Gifter{}
	for rows.Next() {
		var g Gifter
		if err := rows.Scan(&g.UserID, &g.UniqueID, &g.Nickname, &g.Coins, &g.Gifts, &g.Messages); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

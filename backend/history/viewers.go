package history

import (
	"database/sql"
	"fmt"
	"strings"
)

// Viewer is one row of the viewer database.
type Viewer struct {
	UserID    string   `json:"userId"`
	UniqueID  string   `json:"uniqueId"`
	Nickname  string   `json:"nickname"`
	AvatarURL string   `json:"avatarUrl"`
	FirstSeen int64    `json:"firstSeen"`
	LastSeen  int64    `json:"lastSeen"`
	Streams   int64    `json:"streams"`
	Coins     int64    `json:"coins"`
	Gifts     int64    `json:"gifts"`
	Likes     int64    `json:"likes"`
	Messages  int64    `json:"messages"`
	Follows   int64    `json:"follows"`
	Shares    int64    `json:"shares"`
	Minutes   int64    `json:"minutes"`
	Roles     []string `json:"roles"`
	Points    int64    `json:"points"`
	Notes     string   `json:"notes"`
}

// Nickname is one name a viewer was seen with.
type Nickname struct {
	Nickname  string `json:"nickname"`
	FirstSeen int64  `json:"firstSeen"`
}

// Attended is one stream a viewer took part in.
type Attended struct {
	StreamID  int64 `json:"streamId"`
	StartedAt int64 `json:"startedAt"`
	Coins     int64 `json:"coins"`
	Messages  int64 `json:"messages"`
	Minutes   int64 `json:"minutes"`
}

// ViewerDetail is a viewer with the nicknames and recent streams.
type ViewerDetail struct {
	Viewer
	Nicknames     []Nickname `json:"nicknames"`
	RecentStreams []Attended `json:"recentStreams"`
}

const viewerCols = `user_id, unique_id, nickname, avatar_url, first_seen, last_seen, streams, coins, gifts, likes,
	messages, follows, shares, minutes, roles, points, notes`

func scanViewer(r scanner) (Viewer, error) {
	var v Viewer
	var roles int64
	err := r.Scan(&v.UserID, &v.UniqueID, &v.Nickname, &v.AvatarURL, &v.FirstSeen, &v.LastSeen, &v.Streams, &v.Coins,
		&v.Gifts, &v.Likes, &v.Messages, &v.Follows, &v.Shares, &v.Minutes, &roles, &v.Points, &v.Notes)
	v.Roles = []string{}
	for _, r := range []struct {
		bit  int64
		name string
	}{{RoleModerator, "moderator"}, {RoleSubscriber, "subscriber"}, {RoleFollower, "follower"}} {
		if roles&r.bit != 0 {
			v.Roles = append(v.Roles, r.name)
		}
	}
	return v, err
}

// ViewerSorts maps the sort names of GET /api/viewers to their order.
var ViewerSorts = map[string]string{
	"lastSeen": "last_seen DESC", "firstSeen": "first_seen ASC", "coins": "coins DESC", "points": "points DESC",
	"messages": "messages DESC", "likes": "likes DESC", "streams": "streams DESC", "minutes": "minutes DESC",
}

// Viewers lists viewers matching q (uniqueId or nickname) in sort order
// (default lastSeen), at most limit (1..500, default 100).
func (m *Module) Viewers(q, sort string, limit int) ([]Viewer, error) {
	m.sync()
	if sort == "" {
		sort = "lastSeen"
	}
	order, ok := ViewerSorts[sort]
	if !ok {
		return nil, fmt.Errorf("%w: unknown sort %q", ErrInvalid, sort)
	}
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	where, args := "", []any{}
	if q = strings.TrimSpace(strings.TrimPrefix(q, "@")); q != "" {
		where = ` WHERE unique_id LIKE ? ESCAPE '\' OR nickname LIKE ? ESCAPE '\'`
		args = append(args, likeEscape(q), likeEscape(q))
	}
	rows, err := m.sql.Query(`SELECT `+viewerCols+` FROM history_viewers`+where+` ORDER BY `+order+`, user_id LIMIT ?`,
		append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Viewer{}
	for rows.Next() {
		v, err := scanViewer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Viewer returns one viewer by user id (or "@uniqueId").
func (m *Module) Viewer(id string) (ViewerDetail, error) {
	m.sync()
	v, err := scanViewer(m.sql.QueryRow(`SELECT `+viewerCols+` FROM history_viewers WHERE user_id = ?
		OR user_id = (SELECT user_id FROM history_viewers WHERE unique_id = ? LIMIT 1)`, id, strings.TrimPrefix(id, "@")))
	if err == sql.ErrNoRows {
		return ViewerDetail{}, fmt.Errorf("viewer %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return ViewerDetail{}, err
	}
	d := ViewerDetail{Viewer: v, Nicknames: []Nickname{}, RecentStreams: []Attended{}}
	rows, err := m.sql.Query(`SELECT nickname, first_seen FROM history_nicknames WHERE user_id = ? ORDER BY first_seen`, v.UserID)
	if err != nil {
		return d, err
	}
	for rows.Next() {
		var n Nickname
		if err := rows.Scan(&n.Nickname, &n.FirstSeen); err != nil {
			rows.Close()
			return d, err
		}
		d.Nicknames = append(d.Nicknames, n)
	}
	rows.Close()
	rows, err = m.sql.Query(`SELECT s.id, s.started_at, u.coins, u.messages, u.minutes FROM history_stream_users u
		JOIN history_streams s ON s.id = u.stream_id WHERE u.user_id = ? AND s.simulated = 0
		ORDER BY s.started_at DESC LIMIT 20`, v.UserID)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		var a Attended
		if err := rows.Scan(&a.StreamID, &a.StartedAt, &a.Coins, &a.Messages, &a.Minutes); err != nil {
			return d, err
		}
		d.RecentStreams = append(d.RecentStreams, a)
	}
	return d, rows.Err()
}

// SetNotes stores the streamer's notes on a viewer.
func (m *Module) SetNotes(id, notes string) error {
	if len(notes) > 4000 {
		return fmt.Errorf("%w: notes are limited to 4000 bytes", ErrInvalid)
	}
	res, err := m.sql.Exec(`UPDATE history_viewers SET notes = ? WHERE user_id = ?`, notes, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("viewer %q: %w", id, ErrNotFound)
	}
	return nil
}

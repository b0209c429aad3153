package history

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/domain"
)

// EventQuery filters the journal. Zero fields do not filter.
type EventQuery struct {
	Type string `json:"type"` // an event type
	User string `json:"user"` // a user id, or a uniqueId (looked up in the viewer database)
	Q    string `json:"q"`    // text in a chat message or question
	Gift string `json:"gift"` // gifts only: a gift id, or part of the gift's name
	// MinCoins and MaxCoins (inclusive, 0 = open) keep gifts whose event
	// is worth that many coins; either one means gifts only.
	MinCoins int64 `json:"minCoins"`
	MaxCoins int64 `json:"maxCoins"`
	From     int64 `json:"from"`   // unix ms, inclusive
	To       int64 `json:"to"`     // unix ms, exclusive
	Limit    int   `json:"limit"`  // 1..MaxEvents, default 50
	Cursor   int64 `json:"cursor"` // the nextCursor of the previous page
}

// MaxEvents bounds one page of events.
const MaxEvents = 500

// EventRow is one journaled event and its journal sequence number.
type EventRow struct {
	Seq   int64           `json:"seq"`
	Event json.RawMessage `json:"event"`
}

// EventPage is one page of a search, newest first.
type EventPage struct {
	Events     []EventRow `json:"events"`
	NextCursor string     `json:"nextCursor,omitempty"` // empty on the last page
}

func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// where builds the filter. Text here is a LIKE (used until the chat index
// caught up, or for text without letters or digits): the plain LIKE on the
// row prefilters, json_extract confirms the match is in the message text.
func (q EventQuery) where() (string, []any, error) {
	var conds []string
	var args []any
	typ, err := q.eventType()
	if err != nil {
		return "", nil, err
	}
	if typ != "" {
		conds, args = append(conds, "+type = ?"), append(args, typ) // scan by seq, not the (type, ts) index
	}
	gc, ga := q.giftConds()
	conds, args = append(conds, gc...), append(args, ga...)
	if q.User != "" {
		conds = append(conds, "user_id IN (?, coalesce((SELECT user_id FROM history_viewers WHERE unique_id = ? LIMIT 1), ''))")
		args = append(args, q.User, strings.TrimPrefix(q.User, "@"))
	}
	if q.Q != "" {
		conds = append(conds, `json LIKE ? ESCAPE '\' AND coalesce(json_extract(json, '$.comment'), json_extract(json, '$.question'), '') LIKE ? ESCAPE '\'`)
		args = append(args, likeEscape(q.Q), likeEscape(q.Q))
	}
	if q.From > 0 {
		conds, args = append(conds, "ts >= ?"), append(args, q.From)
	}
	if q.To > 0 {
		conds, args = append(conds, "ts < ?"), append(args, q.To)
	}
	if q.Cursor > 0 {
		conds, args = append(conds, "seq < ?"), append(args, q.Cursor)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// eventType is the type searched: the one asked for, or gift when a gift
// or coin filter is set (a clear error when they contradict).
func (q EventQuery) eventType() (string, error) {
	if q.Type != "" && !domain.EventType(q.Type).Valid() {
		return "", fmt.Errorf("%w: unknown event type %q", ErrInvalid, q.Type)
	}
	if q.MaxCoins > 0 && q.MinCoins > q.MaxCoins {
		return "", fmt.Errorf("%w: minCoins (%d) is above maxCoins (%d)", ErrInvalid, q.MinCoins, q.MaxCoins)
	}
	if q.Gift == "" && q.MinCoins == 0 && q.MaxCoins == 0 {
		return q.Type, nil
	}
	if q.Type != "" && q.Type != string(domain.EventGift) {
		return "", fmt.Errorf("%w: gift and coin filters apply to gift events, not %q", ErrInvalid, q.Type)
	}
	return string(domain.EventGift), nil
}

// giftConds filters gift events by gift and coins (read from the event).
func (q EventQuery) giftConds() ([]string, []any) {
	var conds []string
	var args []any
	if g := strings.TrimSpace(q.Gift); g != "" {
		if id, err := strconv.ParseInt(g, 10, 64); err == nil {
			conds, args = append(conds, "json_extract(json, '$.giftId') = ?"), append(args, id)
		} else {
			conds = append(conds, `json LIKE ? ESCAPE '\' AND json_extract(json, '$.giftName') LIKE ? ESCAPE '\'`)
			args = append(args, likeEscape(g), likeEscape(g))
		}
	}
	if q.MinCoins > 0 {
		conds, args = append(conds, "json_extract(json, '$.coins') >= ?"), append(args, q.MinCoins)
	}
	if q.MaxCoins > 0 {
		conds, args = append(conds, "json_extract(json, '$.coins') <= ?"), append(args, q.MaxCoins)
	}
	return conds, args
}

// ScanWindow bounds the journal rows one search request reads when no
// index narrows it (no user, no time range): at most this many sequence
// numbers below the cursor. A page may then hold fewer than limit events
// and still carry a nextCursor; clients continue while it is set.
var ScanWindow int64 = 100_000

// Events searches the journal, newest first. Text goes through the chat
// full-text index (words as prefixes) once it is caught up with the
// journal, else through LIKE.
func (m *Module) Events(q EventQuery) (EventPage, error) {
	if q.Limit <= 0 || q.Limit > MaxEvents {
		q.Limit = 50
	}
	if match := ftsQuery(q.Q); match != "" && searchFTS {
		caught, err := m.indexChat()
		if err != nil {
			m.log.Warn().Err(err).Msg("chat index unavailable; searching with LIKE")
		}
		if caught {
			return m.ftsEvents(q, match)
		}
	}
	w, args, err := q.where()
	if err != nil {
		return EventPage{}, err
	}
	var floor int64
	if q.User == "" && q.From == 0 && q.To == 0 {
		if floor, err = m.floor(q.Cursor); err != nil {
			return EventPage{}, err
		}
		if floor > 0 {
			w, args = and(w, "seq >= ?"), append(args, floor)
		}
	}
	rows, err := m.sql.Query(`SELECT seq, json FROM events`+w+` ORDER BY seq DESC LIMIT ?`, append(args, q.Limit+1)...)
	if err != nil {
		return EventPage{}, err
	}
	p, err := readPage(rows, q.Limit)
	if err == nil && p.NextCursor == "" && floor > 1 {
		p.NextCursor = strconv.FormatInt(floor, 10)
	}
	return p, err
}

// ftsEvents searches chat text through the index, newest first: the index
// drives (docid = seq, read backwards from the cursor), the other filters
// apply to the joined journal row.
func (m *Module) ftsEvents(q EventQuery, match string) (EventPage, error) {
	rest := q
	rest.Q, rest.Cursor = "", 0
	w, args, err := rest.where()
	if err != nil {
		return EventPage{}, err
	}
	conds, all := "history_chat_fts MATCH ?", []any{match}
	if q.Cursor > 0 {
		conds, all = conds+" AND f.docid < ?", append(all, q.Cursor)
	}
	if w != "" {
		conds += " AND " + strings.TrimPrefix(w, " WHERE ")
	}
	all = append(append(all, args...), q.Limit+1)
	rows, err := m.sql.Query(`SELECT e.seq, e.json FROM history_chat_fts f CROSS JOIN events e ON e.seq = f.docid
		WHERE `+conds+` ORDER BY f.docid DESC LIMIT ?`, all...)
	if err != nil {
		return EventPage{}, err
	}
	return readPage(rows, q.Limit)
}

// readPage reads up to limit rows and a nextCursor when there are more.
func readPage(rows *sql.Rows, limit int) (EventPage, error) {
	defer rows.Close()
	p := EventPage{Events: []EventRow{}}
	for rows.Next() {
		var r EventRow
		var raw []byte
		if err := rows.Scan(&r.Seq, &raw); err != nil {
			return EventPage{}, err
		}
		if len(p.Events) == limit {
			p.NextCursor = strconv.FormatInt(p.Events[len(p.Events)-1].Seq, 10)
			break
		}
		r.Event = raw
		p.Events = append(p.Events, r)
	}
	return p, rows.Err()
}

// floor is the lowest seq a windowed search reads (0: no window needed).
func (m *Module) floor(cursor int64) (int64, error) {
	top := cursor
	if top <= 0 {
		if err := m.sql.QueryRow(`SELECT coalesce(max(seq), 0) + 1 FROM events`).Scan(&top); err != nil {
			return 0, err
		}
	}
	return max(top-ScanWindow, 0), nil
}

func and(where, cond string) string {
	if where == "" {
		return " WHERE " + cond
	}
	return where + " AND " + cond
}

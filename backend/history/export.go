package history

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"

	"github.com/ltth/ltth/backend/domain"
)

func domainUser(v ViewerDetail) domain.User {
	return domain.User{UserID: v.UserID, UniqueID: v.UniqueID, Nickname: v.Nickname, AvatarURL: v.AvatarURL}
}

// SetRules stores and applies new points rules (for events from now on).
func (m *Module) SetRules(r Rules) error {
	b, _ := json.Marshal(r)
	if err := m.db.SetSetting(rulesSetting, string(b)); err != nil {
		return err
	}
	m.mu.Lock()
	m.rules = r
	m.mu.Unlock()
	return nil
}

// streamEvents calls f for each journaled event of the stream's time span
// and kind, oldest first.
func (m *Module) streamEvents(d Detail, f func(seq int64, raw []byte, e *domain.Event) error) error {
	end := d.LastTS
	if d.EndedAt != nil {
		end = *d.EndedAt
	}
	rows, err := m.sql.Query(`SELECT seq, json FROM events WHERE ts >= ? AND ts <= ? ORDER BY seq`, d.StartedAt, end)
	if err != nil {
		return err
	}
	defer rows.Close()
	want := kindReal
	if d.Simulated {
		want = kindSim
	}
	var seq int64
	var raw []byte
	for rows.Next() {
		if err := rows.Scan(&seq, &raw); err != nil {
			return err
		}
		var e domain.Event
		if json.Unmarshal(raw, &e) != nil || kindOf(&e) != want {
			continue
		}
		if err := f(seq, raw, &e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// writeExportJSON streams {"stream": Detail, "events": [...]}.
func (m *Module) writeExportJSON(w io.Writer, d Detail) error {
	head, err := json.Marshal(d)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, `{"stream":`+string(head)+`,"events":[`); err != nil {
		return err
	}
	first := true
	err = m.streamEvents(d, func(_ int64, raw []byte, _ *domain.Event) error {
		if !first {
			if _, err := io.WriteString(w, ","); err != nil {
				return err
			}
		}
		first = false
		_, err := w.Write(raw)
		return err
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "]}\n")
	return err
}

// writeCSV writes the figures, the series and the events as three CSV
// sections separated by an empty record.
func (m *Module) writeCSV(c *csv.Writer, d Detail) error {
	i := func(n int64) string { return strconv.FormatInt(n, 10) }
	end := ""
	if d.EndedAt != nil {
		end = i(*d.EndedAt)
	}
	_ = c.Write([]string{"id", "source", "uniqueId", "roomId", "startedAt", "endedAt", "coins", "gifts", "likes",
		"follows", "shares", "subscribes", "chatMessages", "uniqueChatters", "uniqueGifters", "peakViewers", "avgViewers"})
	_ = c.Write([]string{i(d.ID), d.Source, d.UniqueID, d.RoomID, i(d.StartedAt), end, i(d.Coins), i(d.Gifts),
		i(d.Likes), i(d.Follows), i(d.Shares), i(d.Subscribes), i(d.ChatMessages), i(d.UniqueChatters),
		i(d.UniqueGifters), i(d.PeakViewers), i(d.AvgViewers)})
	_ = c.Write(nil)
	_ = c.Write([]string{"minute", "ts", "viewers", "coins", "likes", "chats", "follows"})
	for _, p := range d.Series {
		_ = c.Write([]string{i(p.Minute), i(p.TS), i(p.Viewers), i(p.Coins), i(p.Likes), i(p.Chats), i(p.Follows)})
	}
	_ = c.Write(nil)
	_ = c.Write([]string{"seq", "ts", "type", "userId", "uniqueId", "nickname", "coins", "likeCount", "text"})
	err := m.streamEvents(d, func(seq int64, _ []byte, e *domain.Event) error {
		return c.Write([]string{i(seq), i(e.TS), string(e.Type), e.UserID, e.UniqueID, e.Nickname, i(e.Coins),
			i(e.LikeCount), e.Comment + e.Question})
	})
	c.Flush()
	if err != nil {
		return err
	}
	return c.Error()
}

package domain

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// MarshalJSON writes the flat contract shape: common fields, the user fields
// for types that have a user, then only the fields the type defines.
func (e Event) MarshalJSON() ([]byte, error) {
	return e.AppendJSON(make([]byte, 0, 320)), nil
}

// AppendJSON appends the event's JSON to b without reflection (hot path of
// the overlay feed and the journal).
func (e *Event) AppendJSON(b []byte) []byte {
	w := objWriter{b: append(b, '{')}
	w.str("type", string(e.Type))
	w.str("id", e.ID)
	w.int("ts", e.TS)
	if e.Type.HasUser() {
		w.str("userId", e.UserID)
		w.str("uniqueId", e.UniqueID)
		w.str("nickname", e.Nickname)
		w.str("avatarUrl", e.AvatarURL)
		w.bool("isModerator", e.IsModerator)
		w.bool("isSubscriber", e.IsSubscriber)
		w.bool("isFollower", e.IsFollower)
	}
	e.appendTypeFields(&w)
	if e.Source != "" {
		w.str("source", e.Source)
	}
	if e.Simulated {
		w.bool("simulated", true)
	}
	return append(w.b, '}')
}

func (e *Event) appendTypeFields(w *objWriter) {
	switch e.Type {
	case EventChat:
		w.str("comment", e.Comment)
	case EventGift, EventGiftStreak:
		w.int("giftId", e.GiftID)
		w.str("giftName", e.GiftName)
		w.int("diamondCount", e.DiamondCount)
		w.int("repeatCount", e.RepeatCount)
		w.int("coins", e.Coins)
		w.bool("streakable", e.Streakable)
		w.str("giftPictureUrl", e.GiftPictureURL)
	case EventLike:
		w.int("likeCount", e.LikeCount)
		w.int("totalLikeCount", e.TotalLikeCount)
	case EventSubscribe:
		w.int("subMonth", e.SubMonth)
	case EventViewers:
		w.int("viewerCount", e.ViewerCount)
	case EventEmote:
		w.str("emoteId", e.EmoteID)
		w.str("emoteUrl", e.EmoteURL)
	case EventQuestion:
		w.str("question", e.Question)
	case EventConnected, EventDisconnected:
		w.str("roomId", e.RoomID)
		w.str("uniqueId", e.UniqueID)
		w.str("reason", e.Reason)
	}
}

// wireEvent is the decoding form: every field any type may carry.
type wireEvent struct {
	Type           EventType `json:"type"`
	ID             string    `json:"id"`
	TS             int64     `json:"ts"`
	UserID         string    `json:"userId"`
	UniqueID       string    `json:"uniqueId"`
	Nickname       string    `json:"nickname"`
	AvatarURL      string    `json:"avatarUrl"`
	IsModerator    bool      `json:"isModerator"`
	IsSubscriber   bool      `json:"isSubscriber"`
	IsFollower     bool      `json:"isFollower"`
	Source         string    `json:"source"`
	Simulated      bool      `json:"simulated"`
	Comment        string    `json:"comment"`
	GiftID         int64     `json:"giftId"`
	GiftName       string    `json:"giftName"`
	DiamondCount   int64     `json:"diamondCount"`
	RepeatCount    int64     `json:"repeatCount"`
	Coins          int64     `json:"coins"`
	Streakable     bool      `json:"streakable"`
	GiftPictureURL string    `json:"giftPictureUrl"`
	LikeCount      int64     `json:"likeCount"`
	TotalLikeCount int64     `json:"totalLikeCount"`
	SubMonth       int64     `json:"subMonth"`
	ViewerCount    int64     `json:"viewerCount"`
	EmoteID        string    `json:"emoteId"`
	EmoteURL       string    `json:"emoteUrl"`
	Question       string    `json:"question"`
	RoomID         string    `json:"roomId"`
	Reason         string    `json:"reason"`
}

// UnmarshalJSON accepts the contract shape. Unknown fields are ignored here;
// use DecodeEventStrict where they must be rejected (the REST API).
func (e *Event) UnmarshalJSON(data []byte) error {
	var w wireEvent
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*e = w.event()
	return nil
}

// DecodeEventStrict decodes one event and rejects unknown fields and
// unknown types with an error naming the problem.
func DecodeEventStrict(data []byte) (Event, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var w wireEvent
	if err := dec.Decode(&w); err != nil {
		return Event{}, fmt.Errorf("invalid event JSON: %w", err)
	}
	if !w.Type.Valid() {
		return Event{}, fmt.Errorf("unknown event type %q", w.Type)
	}
	return w.event(), nil
}

func (w *wireEvent) event() Event {
	return Event{
		Type: w.Type, ID: w.ID, TS: w.TS,
		User: User{UserID: w.UserID, UniqueID: w.UniqueID, Nickname: w.Nickname,
			AvatarURL: w.AvatarURL, IsModerator: w.IsModerator,
			IsSubscriber: w.IsSubscriber, IsFollower: w.IsFollower},
		Source: w.Source, Simulated: w.Simulated, Comment: w.Comment,
		GiftID: w.GiftID, GiftName: w.GiftName, DiamondCount: w.DiamondCount,
		RepeatCount: w.RepeatCount, Coins: w.Coins, Streakable: w.Streakable,
		GiftPictureURL: w.GiftPictureURL, LikeCount: w.LikeCount,
		TotalLikeCount: w.TotalLikeCount, SubMonth: w.SubMonth,
		ViewerCount: w.ViewerCount, EmoteID: w.EmoteID, EmoteURL: w.EmoteURL,
		Question: w.Question, RoomID: w.RoomID, Reason: w.Reason,
	}
}

// objWriter appends "key":value pairs to a JSON object under construction.
type objWriter struct {
	b     []byte
	comma bool
}

func (w *objWriter) key(k string) {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.comma = true
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
}

func (w *objWriter) str(k, v string) {
	w.key(k)
	w.b = AppendJSONString(w.b, v)
}

func (w *objWriter) int(k string, v int64) {
	w.key(k)
	w.b = strconv.AppendInt(w.b, v, 10)
}

func (w *objWriter) bool(k string, v bool) {
	w.key(k)
	w.b = strconv.AppendBool(w.b, v)
}

const hexDigits = "0123456789abcdef"

// AppendJSONString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD;
// <, > and & are escaped so the output is safe to embed anywhere.
func AppendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscapedByte(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			if r == utf8.RuneError {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, `\u202`...)
				b = append(b, hexDigits[r&0xF])
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func appendEscapedByte(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

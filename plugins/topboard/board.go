package topboard

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// streakIdle ends a streak whose final gift never came.
const streakIdle = 30 * time.Second

// Config is the overlay's part of the settings (URL parameters override it).
type Config struct {
	Layout     string `json:"layout"`
	Period     string `json:"period"`
	Top        int    `json:"top"`
	Donors     int    `json:"donors"`
	Title      string `json:"title"`
	ShowStreak bool   `json:"showStreak"`
}

func configFrom(s Settings) Config {
	c := Config{Layout: s.Layout, Period: s.Period, Top: int(s.Top), Donors: int(s.Donors),
		Title: strings.TrimSpace(s.Title), ShowStreak: s.ShowStreak}
	if c.Layout != "horizontal" {
		c.Layout = "vertical"
	}
	if c.Period != "all" {
		c.Period = "stream"
	}
	c.Top = max(1, min(10, c.Top))
	c.Donors = max(0, min(20, c.Donors))
	if len(c.Title) > 80 {
		c.Title = c.Title[:80]
	}
	return c
}

// Gift is a viewer's gift combo: a running streak, a finished one, or a
// donation in the last-donors list.
type Gift struct {
	UserID         string `json:"userId"`
	UniqueID       string `json:"uniqueId"`
	Nickname       string `json:"nickname"`
	AvatarURL      string `json:"avatarUrl"`
	GiftID         int64  `json:"giftId"`
	GiftName       string `json:"giftName"`
	GiftPictureURL string `json:"giftPictureUrl"`
	RepeatCount    int64  `json:"repeatCount"`
	Coins          int64  `json:"coins"`
	TS             int64  `json:"ts"`
	Running        bool   `json:"running"`
}

func giftOf(e *domain.Event, running bool) Gift {
	return Gift{UserID: e.UserID, UniqueID: e.UniqueID, Nickname: e.Nickname, AvatarURL: e.AvatarURL,
		GiftID: e.GiftID, GiftName: e.GiftName, GiftPictureURL: e.GiftPictureURL,
		RepeatCount: e.RepeatCount, Coins: e.Coins, TS: e.TS, Running: running}
}

// State is the payload of "plugin:topboard:state".
type State struct {
	Config Config `json:"config"`
	// Streak is the biggest streak running now, else the biggest of the
	// stream so far (Running tells which); nil before the first gift.
	Streak *Gift  `json:"streak"`
	Donors []Gift `json:"donors"` // newest first
}

type streakKey struct {
	user string
	gift int64
}

type running struct {
	g    Gift
	seen time.Time
}

// Board tracks the running streaks, the stream's best streak and the last
// donors. It is not safe for concurrent use.
type Board struct {
	running   map[streakKey]*running
	best      *Gift
	donors    []Gift
	maxDonors int
	room      string
}

// NewBoard returns an empty board keeping maxDonors donors.
func NewBoard(maxDonors int) *Board {
	return &Board{running: map[streakKey]*running{}, maxDonors: maxDonors}
}

// SetMaxDonors changes how many donors are kept.
func (b *Board) SetMaxDonors(n int) {
	b.maxDonors = n
	if len(b.donors) > n {
		b.donors = b.donors[:n]
	}
}

// Apply takes a gift, streak or connected event; it reports a change.
func (b *Board) Apply(e *domain.Event, now time.Time) bool {
	switch e.Type {
	case domain.EventConnected:
		if e.RoomID == "" || e.RoomID == b.room {
			return false
		}
		b.room = e.RoomID
		b.running, b.best = map[streakKey]*running{}, nil
		return true
	case domain.EventGiftStreak:
		k := streakKey{e.UserID, e.GiftID}
		b.running[k] = &running{g: giftOf(e, true), seen: now}
		return true
	case domain.EventGift:
		delete(b.running, streakKey{e.UserID, e.GiftID})
		g := giftOf(e, false)
		if b.best == nil || g.Coins > b.best.Coins {
			b.best = &g
		}
		if b.maxDonors > 0 {
			b.donors = append([]Gift{g}, b.donors...)
			if len(b.donors) > b.maxDonors {
				b.donors = b.donors[:b.maxDonors]
			}
		}
		return true
	}
	return false
}

// Expire drops streaks idle for streakIdle; it reports a change.
func (b *Board) Expire(now time.Time) bool {
	changed := false
	for k, r := range b.running {
		if now.Sub(r.seen) > streakIdle {
			delete(b.running, k)
			changed = true
		}
	}
	return changed
}

// State is the current state for the overlay.
func (b *Board) State(c Config) State {
	st := State{Config: c, Donors: append([]Gift{}, b.donors...)}
	for _, r := range b.running {
		if st.Streak == nil || r.g.Coins > st.Streak.Coins {
			g := r.g
			st.Streak = &g
		}
	}
	if st.Streak == nil && b.best != nil {
		g := *b.best
		st.Streak = &g
	}
	return st
}

func (p *Plugin) restore() {
	kv := p.h.KV()
	if raw, ok, err := kv.Get(kvDonors); err == nil && ok {
		_ = json.Unmarshal(raw, &p.board.donors)
	}
	if raw, ok, err := kv.Get(kvBest); err == nil && ok {
		var g Gift
		if json.Unmarshal(raw, &g) == nil && g.Coins > 0 {
			p.board.best = &g
		}
	}
}

func (p *Plugin) save(st State) {
	kv, log := p.h.KV(), p.h.Log()
	if raw, err := json.Marshal(st.Donors); err == nil {
		if err := kv.Put(kvDonors, raw); err != nil {
			log.Warn().Err(err).Msg("save donors")
		}
	}
	if st.Streak != nil && !st.Streak.Running {
		if raw, err := json.Marshal(st.Streak); err == nil {
			if err := kv.Put(kvBest, raw); err != nil {
				log.Warn().Err(err).Msg("save best streak")
			}
		}
	}
}

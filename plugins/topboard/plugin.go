// Package topboard is the topboard plugin: a HUD of the top gifters, the
// biggest gift streak and the last donors. The top gifters are the
// leaderboard module's (its retained `leaderboard` messages, which the
// overlay reads from /ws); this plugin keeps only what the leaderboard does
// not: the running streaks and the last donors, published as retained
// state "plugin:topboard:state".
package topboard

import (
	"context"
	"embed"
	_ "embed" // plugin.json
	"io/fs"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/plugin"
)

//go:embed plugin.json
var manifestJSON []byte

//go:embed web
var web embed.FS

// ID is the plugin's id.
const ID = "topboard"

// StateKind is the retained state's kind (type and key "plugin:topboard:state").
const StateKind = "state"

// kvDonors and kvBest are the KV keys the state survives restarts in.
const (
	kvDonors = "donors"
	kvBest   = "best"
)

func init() {
	plugin.Register(manifestJSON, func() plugin.Plugin { return &Plugin{} })
}

// Settings are the plugin's settings (see plugin.json).
type Settings struct {
	Layout     string  `json:"layout"`
	Period     string  `json:"period"`
	Top        float64 `json:"top"`
	Donors     float64 `json:"donors"`
	Title      string  `json:"title"`
	ShowStreak bool    `json:"showStreak"`
}

// Plugin is one running topboard.
type Plugin struct {
	h plugin.Host

	mu    sync.Mutex
	board *Board
	cfg   Config
	dirty bool
}

var (
	_ plugin.Plugin           = (*Plugin)(nil)
	_ plugin.SettingsReloader = (*Plugin)(nil)
)

// Start restores the donors and best streak, subscribes to gifts and
// serves the overlay.
func (p *Plugin) Start(ctx context.Context, h plugin.Host) error {
	p.h = h
	p.board = NewBoard(5)
	p.restore()
	if err := p.SettingsChanged(); err != nil {
		return err
	}
	sub, err := fs.Sub(web, "web")
	if err != nil {
		return err
	}
	h.Assets(sub)
	h.Subscribe("gifts", wanted, true, func(m domain.Message) { p.onEvent(m.Event) })
	h.Every(200*time.Millisecond, p.flush)
	h.Every(5*time.Second, p.expire)
	return nil
}

// Stop saves nothing more: every change is saved when it is published.
func (p *Plugin) Stop(ctx context.Context) error {
	p.flush()
	return nil
}

// SettingsChanged applies new settings and republishes the state.
func (p *Plugin) SettingsChanged() error {
	var s Settings
	if err := p.h.DecodeSettings(&s); err != nil {
		return err
	}
	cfg := configFrom(s)
	p.mu.Lock()
	p.cfg = cfg
	p.board.SetMaxDonors(cfg.Donors)
	p.dirty = true
	p.mu.Unlock()
	p.flush()
	return nil
}

func wanted(m *domain.Message) bool {
	if m.Event == nil {
		return false
	}
	switch m.Event.Type {
	case domain.EventGift, domain.EventGiftStreak, domain.EventConnected:
		return true
	}
	return false
}

func (p *Plugin) onEvent(e *domain.Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.board.Apply(e, time.Now()) {
		p.dirty = true
	}
}

func (p *Plugin) expire() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.board.Expire(time.Now()) {
		p.dirty = true
	}
}

// flush publishes the state (at most every 200 ms) and saves it.
func (p *Plugin) flush() {
	p.mu.Lock()
	if !p.dirty {
		p.mu.Unlock()
		return
	}
	p.dirty = false
	st := p.board.State(p.cfg)
	p.mu.Unlock()
	p.h.PublishState(StateKind, StateKind, st)
	p.save(st)
}

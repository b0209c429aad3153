// Package emojirain is the emoji-rain plugin: likes, gifts, follows and a
// chat command make emojis (or the gift's picture) rain down on an overlay
// and pile up at the bottom. The Go side decides how much rains; the
// overlay (web/) does the physics on a canvas.
package emojirain

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
const ID = "emoji-rain"

// Event names (bus types "plugin:emoji-rain:<name>").
const (
	EventRain   = "rain"   // Rain, one shower
	StateConfig = "config" // Config, retained
)

func init() {
	plugin.Register(manifestJSON, func() plugin.Plugin { return &Plugin{} })
}

// Settings are the plugin's settings (see plugin.json).
type Settings struct {
	Size        float64  `json:"size"`
	Density     float64  `json:"density"`
	DurationMs  float64  `json:"durationMs"`
	MaxOnScreen float64  `json:"maxOnScreen"`
	Emojis      []string `json:"emojis"`
	OnLike      bool     `json:"onLike"`
	OnGift      bool     `json:"onGift"`
	OnFollow    bool     `json:"onFollow"`
	OnCommand   bool     `json:"onCommand"`
	Command     string   `json:"command"`
}

// Config is what the overlay needs of the settings (retained state; URL
// parameters of the page override it).
type Config struct {
	Size        int `json:"size"`
	DurationMs  int `json:"durationMs"`
	MaxOnScreen int `json:"maxOnScreen"`
}

// Plugin is one running emoji rain.
type Plugin struct {
	h plugin.Host

	mu       sync.Mutex
	set      Settings
	lastCmd  time.Time
	cooldown time.Duration
}

var (
	_ plugin.Plugin           = (*Plugin)(nil)
	_ plugin.SettingsReloader = (*Plugin)(nil)
)

// Start loads the settings, subscribes to events, registers the flow
// action and serves the overlay.
func (p *Plugin) Start(ctx context.Context, h plugin.Host) error {
	p.h = h
	p.cooldown = 2 * time.Second
	if err := p.SettingsChanged(); err != nil {
		return err
	}
	sub, err := fs.Sub(web, "web")
	if err != nil {
		return err
	}
	h.Assets(sub)
	if err := h.AddBlocks(p.blocks()); err != nil {
		return err
	}
	h.Subscribe("events", wanted, false, func(m domain.Message) { p.onEvent(m.Event) })
	return nil
}

// Stop has nothing to release: the host ends subscriptions and blocks.
func (p *Plugin) Stop(ctx context.Context) error { return nil }

// SettingsChanged reloads the settings and republishes the overlay config.
func (p *Plugin) SettingsChanged() error {
	var s Settings
	if err := p.h.DecodeSettings(&s); err != nil {
		return err
	}
	s = normalize(s)
	p.mu.Lock()
	p.set = s
	p.mu.Unlock()
	p.h.PublishState(StateConfig, StateConfig, Config{Size: int(s.Size), DurationMs: int(s.DurationMs), MaxOnScreen: int(s.MaxOnScreen)})
	return nil
}

func (p *Plugin) settings() Settings {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.set
}

func wanted(m *domain.Message) bool {
	if m.Event == nil {
		return false
	}
	switch m.Event.Type {
	case domain.EventLike, domain.EventGift, domain.EventFollow, domain.EventChat:
		return true
	}
	return false
}

func (p *Plugin) onEvent(e *domain.Event) {
	s := p.settings()
	r, ok := rainFor(e, &s)
	if !ok {
		return
	}
	if e.Type == domain.EventChat && !p.commandAllowed(time.Now()) {
		return
	}
	p.h.Publish(EventRain, r)
}

// commandAllowed applies a global cooldown to the chat command.
func (p *Plugin) commandAllowed(now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if now.Sub(p.lastCmd) < p.cooldown {
		return false
	}
	p.lastCmd = now
	return true
}

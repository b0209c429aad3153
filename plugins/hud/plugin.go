// Package hud is the stream HUD plugin: viewer count, likes, follows,
// shares, coins and stream uptime as retained state "plugin:hud:stats" for
// /plugins/hud/overlay.html, and a chat box overlay (/plugins/hud/chat.html)
// that reads chat and emote events from /ws itself.
package hud

import (
	"context"
	"embed"
	_ "embed" // plugin.json
	"encoding/json"
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
const ID = "hud"

// Retained state kinds ("plugin:hud:<kind>", same key).
const (
	StateStats  = "stats"
	StateConfig = "config"
)

const kvStats = "stats"

// TypeConnection is the connector's state message type (docs/architecture.md).
const TypeConnection = domain.MsgConnection

func init() {
	plugin.Register(manifestJSON, func() plugin.Plugin { return &Plugin{} })
}

// Settings are the plugin's settings (see plugin.json).
type Settings struct {
	HUDLayout        string  `json:"hudLayout"`
	ChatMaxLines     float64 `json:"chatMaxLines"`
	ChatFadeSeconds  float64 `json:"chatFadeSeconds"`
	ChatHideCommands bool    `json:"chatHideCommands"`
	TopGifterBadge   float64 `json:"topGifterBadge"`
}

// Config is the overlays' part of the settings (URL parameters override it).
type Config struct {
	HUDLayout        string `json:"hudLayout"`
	ChatMaxLines     int    `json:"chatMaxLines"`
	ChatFadeSeconds  int    `json:"chatFadeSeconds"`
	ChatHideCommands bool   `json:"chatHideCommands"`
	TopGifterBadge   int    `json:"topGifterBadge"`
}

func configFrom(s Settings) Config {
	c := Config{HUDLayout: s.HUDLayout, ChatMaxLines: int(s.ChatMaxLines), ChatFadeSeconds: int(s.ChatFadeSeconds),
		ChatHideCommands: s.ChatHideCommands, TopGifterBadge: int(s.TopGifterBadge)}
	if c.HUDLayout != "vertical" {
		c.HUDLayout = "horizontal"
	}
	c.ChatMaxLines = max(1, min(50, c.ChatMaxLines))
	c.ChatFadeSeconds = max(0, min(3600, c.ChatFadeSeconds))
	c.TopGifterBadge = max(0, min(10, c.TopGifterBadge))
	return c
}

// Plugin is one running HUD.
type Plugin struct {
	h plugin.Host

	mu    sync.Mutex
	stats Stats
	dirty bool
}

var (
	_ plugin.Plugin           = (*Plugin)(nil)
	_ plugin.SettingsReloader = (*Plugin)(nil)
)

// Start restores the counters, subscribes to events and the connection
// state and serves both overlays.
func (p *Plugin) Start(ctx context.Context, h plugin.Host) error {
	p.h = h
	if raw, ok, err := h.KV().Get(kvStats); err == nil && ok {
		_ = json.Unmarshal(raw, &p.stats)
	}
	p.dirty = true
	if err := p.SettingsChanged(); err != nil {
		return err
	}
	sub, err := fs.Sub(web, "web")
	if err != nil {
		return err
	}
	h.Assets(sub)
	h.Subscribe("stats", wanted, true, p.onMessage)
	h.Every(250*time.Millisecond, p.flush)
	p.flush()
	return nil
}

// Stop publishes and saves what is pending.
func (p *Plugin) Stop(ctx context.Context) error {
	p.flush()
	return nil
}

// SettingsChanged republishes the overlays' config.
func (p *Plugin) SettingsChanged() error {
	var s Settings
	if err := p.h.DecodeSettings(&s); err != nil {
		return err
	}
	p.h.PublishState(StateConfig, StateConfig, configFrom(s))
	return nil
}

func wanted(m *domain.Message) bool {
	if m.Event == nil {
		return m.Type == TypeConnection
	}
	return m.Event.Type != domain.EventChat && m.Event.Type != domain.EventJoin
}

func (p *Plugin) onMessage(m domain.Message) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var changed bool
	if m.Event != nil {
		changed = p.stats.Apply(m.Event, time.Now())
	} else {
		changed = p.stats.Connection(m.Data, time.Now())
	}
	if changed {
		p.dirty = true
	}
}

func (p *Plugin) flush() {
	p.mu.Lock()
	if !p.dirty {
		p.mu.Unlock()
		return
	}
	p.dirty = false
	st := p.stats
	p.mu.Unlock()
	p.h.PublishState(StateStats, StateStats, st)
	if raw, err := json.Marshal(st); err == nil {
		if err := p.h.KV().Put(kvStats, raw); err != nil {
			log := p.h.Log()
			log.Warn().Err(err).Msg("save stats")
		}
	}
}

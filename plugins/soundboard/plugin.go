// Package soundboard is the soundboard plugin: it maps gifts (by id),
// follows, shares, subscriptions, like bursts and chat commands to sounds
// from its library (uploads and MyInstants downloads, stored in the
// plugin's data directory) or http(s) URLs, and plays them with an
// optional animation on /plugins/soundboard/overlay.html, the page OBS
// captures.
package soundboard

import (
	"context"
	"embed"
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

//go:embed gifts.json
var giftsJSON []byte

// ID is the plugin's id.
const ID = "soundboard"

// Bus events ("plugin:soundboard:<event>") and retained state.
const (
	EventPlay   = "play"   // Play
	EventStop   = "stop"   // {} : stop every sound and animation
	StateConfig = "config" // Config, retained
)

const kvMappings = "mappings"

func init() {
	plugin.Register(manifestJSON, func() plugin.Plugin { return &Plugin{rules: NewRules(), gifts: newGiftCatalog()} })
}

// Settings are the plugin's settings (plugin.json).
type Settings struct {
	Mode                  string  `json:"mode"`
	QueueMax              float64 `json:"queueMax"`
	Volume                float64 `json:"volume"`
	Muted                 bool    `json:"muted"`
	UserCooldownSeconds   float64 `json:"userCooldownSeconds"`
	GlobalCooldownSeconds float64 `json:"globalCooldownSeconds"`
	MyInstantsBaseURL     string  `json:"myInstantsBaseUrl"`
	TimeoutSeconds        float64 `json:"timeoutSeconds"`
	MaxFileMB             float64 `json:"maxFileMB"`
	LibraryMB             float64 `json:"libraryMB"`
}

// Config is what the overlay needs of the settings (retained state).
type Config struct {
	Mode     string `json:"mode"` // overlap | queue
	QueueMax int    `json:"queueMax"`
}

// Play is one sound for the overlay.
type Play struct {
	ID          string  `json:"id"`
	URL         string  `json:"url"`
	Volume      float64 `json:"volume"` // 0..1, all gains applied
	Label       string  `json:"label,omitempty"`
	Animation   string  `json:"animation,omitempty"`
	AnimationMs int     `json:"animationMs,omitempty"`
	Reason      string  `json:"reason"` // gift | follow | … | flow | preview
	User        string  `json:"user,omitempty"`
	At          int64   `json:"at"` // unix ms when LTTH sent it (latency measurement)
}

// Plugin is one running soundboard.
type Plugin struct {
	h     plugin.Host
	rules *Rules
	gifts *giftCatalog

	mu  sync.Mutex
	set Settings
	lib *Library
	mi  *MyInstants
}

var (
	_ plugin.Plugin           = (*Plugin)(nil)
	_ plugin.SettingsReloader = (*Plugin)(nil)
)

// Start loads settings and mappings, opens the library and serves the
// overlay, the API and the flow blocks.
func (p *Plugin) Start(ctx context.Context, h plugin.Host) error {
	p.h = h
	if err := p.SettingsChanged(); err != nil {
		return err
	}
	sub, err := fs.Sub(web, "web")
	if err != nil {
		return err
	}
	h.Assets(sub)
	p.routes()
	if err := h.AddBlocks(p.blocks()); err != nil {
		return err
	}
	h.Subscribe("events", func(m *domain.Message) bool { return m.Event != nil }, true, p.onEvent)
	return nil
}

// Stop has nothing to release: the host undoes routes and subscriptions.
func (p *Plugin) Stop(ctx context.Context) error { return nil }

// SettingsChanged applies new settings.
func (p *Plugin) SettingsChanged() error {
	var s Settings
	if err := p.h.DecodeSettings(&s); err != nil {
		return err
	}
	s = clampSettings(s)
	dir, err := plugin.DataDir(p.h)
	if err != nil {
		return err
	}
	timeout := time.Duration(s.TimeoutSeconds * float64(time.Second))
	lib, err := NewLibrary(dir, p.h.KV(), int64(s.MaxFileMB*(1<<20)), int64(s.LibraryMB*(1<<20)), timeout)
	if err != nil {
		return err
	}
	var ms []Mapping
	if raw, ok, err := p.h.KV().Get(kvMappings); err == nil && ok {
		if err := json.Unmarshal(raw, &ms); err != nil {
			return err
		}
	}
	if err := p.rules.Set(ms, cooldowns(s)); err != nil {
		return err
	}
	p.mu.Lock()
	p.set, p.lib, p.mi = s, lib, NewMyInstants(s.MyInstantsBaseURL, timeout)
	p.mu.Unlock()
	p.h.PublishState(StateConfig, StateConfig, Config{Mode: s.Mode, QueueMax: int(s.QueueMax)})
	return nil
}

func clampSettings(s Settings) Settings {
	if s.Mode != "queue" {
		s.Mode = "overlap"
	}
	s.QueueMax = max(1, min(50, s.QueueMax))
	s.Volume = max(0, min(100, s.Volume))
	s.UserCooldownSeconds = max(0, min(3600, s.UserCooldownSeconds))
	s.GlobalCooldownSeconds = max(0, min(3600, s.GlobalCooldownSeconds))
	s.TimeoutSeconds = max(1, min(60, s.TimeoutSeconds))
	s.MaxFileMB = max(1, min(50, s.MaxFileMB))
	s.LibraryMB = max(10, min(10000, s.LibraryMB))
	return s
}

func cooldowns(s Settings) Cooldowns {
	return Cooldowns{User: time.Duration(s.UserCooldownSeconds * float64(time.Second)),
		Global: time.Duration(s.GlobalCooldownSeconds * float64(time.Second))}
}

func (p *Plugin) state() (Settings, *Library, *MyInstants) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.set, p.lib, p.mi
}

func (p *Plugin) onEvent(m domain.Message) {
	ev := m.Event
	if ev.Type == domain.EventGiftStreak || ev.Type == domain.EventGift {
		p.gifts.see(ev)
	}
	if ev.Type == domain.EventGiftStreak {
		return // a streak in progress; the final gift event counts
	}
	mp, ok := p.rules.Match(ev, time.Now())
	if !ok {
		return
	}
	if _, err := p.play(mp.Sound, mp.Gain(), mp.Label, mp.Animation, mp.AnimationMs, mp.Trigger, ev.Nickname); err != nil {
		log := p.h.Log()
		log.Warn().Err(err).Str("mapping", mp.ID).Msg("sound not played")
	}
}

// play resolves a sound (library id or URL), applies the volumes and
// sends it to the overlay. Muted: nothing is sent and played is false.
func (p *Plugin) play(sound string, gain float64, label, anim string, animMs int, reason, user string) (bool, error) {
	s, lib, _ := p.state()
	url, vol, name, err := resolveSound(lib, sound)
	if err != nil {
		return false, err
	}
	if label == "" {
		label = name
	}
	v := Volume(s, vol, gain)
	if v <= 0 {
		return false, nil
	}
	animURL := ""
	if anim != "" {
		if animURL, _, _, err = resolveMedia(lib, anim); err != nil {
			return false, err
		}
	}
	if animMs == 0 {
		animMs = 5000
	}
	p.h.Publish(EventPlay, Play{ID: newID(), URL: url, Volume: v, Label: label, Animation: animURL,
		AnimationMs: animMs, Reason: reason, User: user, At: time.Now().UnixMilli()})
	return true, nil
}

// Volume is the playback volume 0..1: the sound's × the mapping's (or
// flow's) × the global volume; 0 when muted.
func Volume(s Settings, sound, gain float64) float64 {
	if s.Muted {
		return 0
	}
	v := sound * gain * s.Volume / 100
	return max(0, min(1, v))
}

// Package vdoninja is the VDO.Ninja manager plugin: a room with invite
// links for guests and co-hosts, and per-guest mute, solo, volume and the
// layout, controlled from REST (/api/plugins/vdoninja/...) and flow actions.
// Every change is published as "plugin:vdoninja:command" in VDO.Ninja's
// iframe-API format; the overlay (/plugins/vdoninja/overlay.html) embeds the
// director page and posts each command to it.
package vdoninja

import (
	"context"
	"embed"
	_ "embed" // plugin.json
	"encoding/json"
	"io/fs"
	"sync"

	"github.com/ltth/ltth/backend/plugin"
)

//go:embed plugin.json
var manifestJSON []byte

//go:embed web
var web embed.FS

// ID is the plugin's id.
const ID = "vdoninja"

// Bus names: "plugin:vdoninja:command" (Command), retained
// "plugin:vdoninja:state" (State).
const (
	EventCommand = "command"
	StateKind    = "state"
)

// KV keys.
const (
	kvRoom     = "room"
	kvControls = "controls"
)

func init() {
	plugin.Register(manifestJSON, func() plugin.Plugin { return &Plugin{} })
}

// Settings are the plugin's settings (see plugin.json).
type Settings struct {
	BaseURL  string  `json:"baseUrl"`
	Room     string  `json:"room"`
	Password string  `json:"password"`
	Guests   float64 `json:"guests"`
}

// State is the retained state: the room, its links and the controls.
type State struct {
	Room     Room     `json:"room"`
	Links    Links    `json:"links"`
	Controls Controls `json:"controls"`
}

// Plugin is one running VDO.Ninja manager.
type Plugin struct {
	h plugin.Host

	mu   sync.Mutex
	room Room
	ctl  Controls
}

var (
	_ plugin.Plugin           = (*Plugin)(nil)
	_ plugin.SettingsReloader = (*Plugin)(nil)
)

// Start loads the room and the controls, mounts the routes, the flow
// actions and the overlay, and publishes the state.
func (p *Plugin) Start(ctx context.Context, h plugin.Host) error {
	p.h = h
	if raw, ok, err := h.KV().Get(kvControls); err == nil && ok {
		_ = json.Unmarshal(raw, &p.ctl)
	}
	if err := p.SettingsChanged(); err != nil {
		return err
	}
	sub, err := fs.Sub(web, "web")
	if err != nil {
		return err
	}
	h.Assets(sub)
	p.routes()
	return h.AddBlocks(p.blocks())
}

// Stop has nothing to release.
func (p *Plugin) Stop(ctx context.Context) error { return nil }

// SettingsChanged rebuilds the room from the settings; a room or password
// left empty is generated once and kept in KV.
func (p *Plugin) SettingsChanged() error {
	var s Settings
	if err := p.h.DecodeSettings(&s); err != nil {
		return err
	}
	r, err := p.roomFrom(s)
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.room = r
	p.ctl.fit(r.Guests)
	p.mu.Unlock()
	p.publishState()
	return nil
}

func (p *Plugin) roomFrom(s Settings) (Room, error) {
	base, err := normalizeBase(s.BaseURL)
	if err != nil {
		return Room{}, err
	}
	var kept Room
	if raw, ok, err := p.h.KV().Get(kvRoom); err == nil && ok {
		_ = json.Unmarshal(raw, &kept)
	}
	r := Room{BaseURL: base, Room: s.Room, Password: s.Password, Guests: max(1, min(12, int(s.Guests)))}
	for _, f := range []struct{ name, val, keep string }{{"room", r.Room, kept.Room}, {"password", r.Password, kept.Password}} {
		if f.val != "" && !alnum.MatchString(f.val) {
			return Room{}, invalidf("%s %q must be 1-49 letters or digits", f.name, f.val)
		}
	}
	if r.Room == "" {
		r.Room = kept.Room
	}
	if r.Password == "" {
		r.Password = kept.Password
	}
	if !alnum.MatchString(r.Room) {
		r.Room = "ltth" + randomID(12)
	}
	if !alnum.MatchString(r.Password) {
		r.Password = randomID(16)
	}
	if raw, err := json.Marshal(Room{Room: r.Room, Password: r.Password}); err == nil {
		if err := p.h.KV().Put(kvRoom, raw); err != nil {
			return Room{}, err
		}
	}
	return r, nil
}

// State returns the current state.
func (p *Plugin) State() State {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stateLocked()
}

func (p *Plugin) stateLocked() State {
	ctl := Controls{Guests: append([]Guest(nil), p.ctl.Guests...), Layout: p.ctl.Layout}
	return State{Room: p.room, Links: p.room.Links(), Controls: ctl}
}

func (p *Plugin) publishState() {
	p.h.PublishState(StateKind, StateKind, p.State())
}

// control applies one change to the controls, saves them and publishes
// the iframe-API commands, then the new state.
func (p *Plugin) control(change func(c *Controls) ([]Command, error)) error {
	p.mu.Lock()
	cmds, err := change(&p.ctl)
	var raw []byte
	if err == nil {
		raw, err = json.Marshal(p.ctl)
	}
	p.mu.Unlock()
	if err != nil {
		return err
	}
	if err := p.h.KV().Put(kvControls, raw); err != nil {
		return err
	}
	for _, c := range cmds {
		p.h.Publish(EventCommand, c)
	}
	p.publishState()
	return nil
}

// Package vrchat is the VRChat OSC bridge plugin: gifts and chat commands
// trigger avatar presets and parameters, flows send parameters and
// chatbox messages, and avatar changes (/avatar/change) become plugin
// events. It sends through osc.Send bus messages the osc module executes.
package vrchat

import (
	"context"
	_ "embed" // plugin.json
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/osc"
	"github.com/ltth/ltth/backend/plugin"
)

//go:embed plugin.json
var manifestJSON []byte

// ID is the plugin's id.
const ID = "vrchat"

// ChatboxInterval is the least time between two chatbox messages.
const ChatboxInterval = 1500 * time.Millisecond

func init() {
	plugin.Register(manifestJSON, func() plugin.Plugin { return &Plugin{} })
}

// Mapping maps a gift or command to a preset or a parameter.
type Mapping struct {
	Gift      string `json:"gift,omitempty"`
	Command   string `json:"command,omitempty"`
	Preset    string `json:"preset,omitempty"`
	Parameter string `json:"parameter,omitempty"`
	Type      string `json:"type,omitempty"`
	Value     any    `json:"value,omitempty"`
	PulseMs   int    `json:"pulseMs,omitempty"`
}

// Settings (plugin.json).
type Settings struct {
	Gifts         []Mapping `json:"gifts"`
	Commands      []Mapping `json:"commands"`
	PulseMs       float64   `json:"pulseMs"`
	ChatboxOnGift string    `json:"chatboxOnGift"`
	ChatboxSound  bool      `json:"chatboxSound"`
}

// Plugin is one running bridge.
type Plugin struct {
	h       plugin.Host
	mu      sync.Mutex
	s       Settings
	avatar  string
	chatbox chan string
}

// Start implements plugin.Plugin.
func (p *Plugin) Start(ctx context.Context, h plugin.Host) error {
	p.h, p.chatbox = h, make(chan string, 10)
	if err := p.SettingsChanged(); err != nil {
		return err
	}
	for _, m := range append(p.s.Gifts, p.s.Commands...) {
		if err := m.check(); err != nil {
			return err
		}
	}
	h.Subscribe("events", func(m *domain.Message) bool {
		return m.Event != nil && (m.Event.Type == domain.EventGift || m.Event.Type == domain.EventChat) ||
			m.Type == osc.TypeReceived
	}, false, p.onMessage)
	h.Go(p.chatboxLoop)
	h.Handle("GET /parameters", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(paramOptions())
	}))
	return h.AddBlocks(p.blocks())
}

// Stop implements plugin.Plugin.
func (p *Plugin) Stop(context.Context) error { return nil }

// SettingsChanged implements plugin.SettingsReloader.
func (p *Plugin) SettingsChanged() error {
	var s Settings
	if err := p.h.DecodeSettings(&s); err != nil {
		return err
	}
	if s.PulseMs <= 0 {
		s.PulseMs = 1500
	}
	p.mu.Lock()
	p.s = s
	p.mu.Unlock()
	return nil
}

func (m Mapping) check() error {
	if m.Preset != "" {
		if _, ok := Presets[m.Preset]; !ok {
			return fmt.Errorf("vrchat: unknown preset %q (Wave, Celebrate, DanceTrigger, Hearts, Confetti)", m.Preset)
		}
		return nil
	}
	if m.Parameter == "" {
		return fmt.Errorf("vrchat: a mapping needs a preset or a parameter")
	}
	return nil
}

func (p *Plugin) onMessage(m domain.Message) {
	if m.Type == osc.TypeReceived {
		p.onOSC(m.Data)
		return
	}
	p.mu.Lock()
	s := p.s
	p.mu.Unlock()
	e := m.Event
	if e.Type == domain.EventGift {
		for _, mp := range s.Gifts {
			if strings.EqualFold(mp.Gift, e.GiftName) || mp.Gift == strconv.FormatInt(e.GiftID, 10) {
				p.apply(mp)
				break
			}
		}
		if s.ChatboxOnGift != "" {
			p.Chatbox(strings.NewReplacer("{nickname}", e.User.Nickname, "{giftName}", e.GiftName,
				"{repeatCount}", strconv.FormatInt(e.RepeatCount, 10)).Replace(s.ChatboxOnGift))
		}
		return
	}
	word, _, _ := strings.Cut(strings.TrimSpace(e.Comment), " ")
	for _, mp := range s.Commands {
		if mp.Command != "" && strings.EqualFold(mp.Command, word) {
			p.apply(mp)
			return
		}
	}
}

// onOSC detects avatar changes.
func (p *Plugin) onOSC(data any) {
	r, err := osc.DecodeReceived(data)
	if err != nil || r.Address != "/avatar/change" || len(r.Args) == 0 {
		return
	}
	id := fmt.Sprint(r.Args[0])
	p.mu.Lock()
	changed := id != p.avatar
	p.avatar = id
	p.mu.Unlock()
	if changed {
		p.h.Publish("avatarChanged", map[string]string{"avatarId": id})
		p.h.PublishState("avatar", "avatar", map[string]string{"avatarId": id})
	}
}

// apply runs a mapping.
func (p *Plugin) apply(m Mapping) {
	if m.Preset != "" {
		p.Preset(m.Preset)
		return
	}
	p.Parameter(m.Parameter, m.Type, m.Value, m.PulseMs)
}

// Preset triggers a preset for the configured duration.
func (p *Plugin) Preset(name string) error {
	pr, ok := Presets[name]
	if !ok {
		return fmt.Errorf("unknown preset %q", name)
	}
	p.mu.Lock()
	pulse := int(p.s.PulseMs)
	p.mu.Unlock()
	return p.Parameter(pr.Param, pr.Type, pr.Value, pulse)
}

// Parameter sets avatar parameter name (pulseMs > 0: reset afterwards).
func (p *Plugin) Parameter(name, typ string, value any, pulseMs int) error {
	if name == "" || strings.ContainsAny(name, " #*,?[]{}") {
		return fmt.Errorf("parameter %q is not a valid name", name)
	}
	if typ == "" {
		typ = StandardParameters[name]
	}
	if typ == "" {
		typ = "b"
	}
	if typ == "b" && value == nil {
		value = true
	}
	p.h.Publish(osc.TypeSend, osc.Send{Address: ParamPrefix + name, Args: []osc.Arg{{Type: typ, Value: value}}, PulseMs: pulseMs})
	return nil
}

// Chatbox queues a chatbox message (sent at most every ChatboxInterval;
// when 10 are waiting, new ones are dropped).
func (p *Plugin) Chatbox(text string) bool {
	text = ChatboxText(text)
	if text == "" {
		return false
	}
	select {
	case p.chatbox <- text:
		return true
	default:
		return false
	}
}

func (p *Plugin) chatboxLoop(ctx context.Context) {
	var last time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case text := <-p.chatbox:
			if wait := ChatboxInterval - time.Since(last); wait > 0 {
				select {
				case <-ctx.Done():
					return
				case <-time.After(wait):
				}
			}
			last = time.Now()
			p.mu.Lock()
			sound := p.s.ChatboxSound
			p.mu.Unlock()
			snd := osc.Arg{Type: "F"}
			if sound {
				snd.Type = "T"
			}
			p.h.Publish(osc.TypeSend, osc.Send{Address: "/chatbox/input", Args: []osc.Arg{{Type: "s", Value: text}, {Type: "T"}, snd}})
		}
	}
}

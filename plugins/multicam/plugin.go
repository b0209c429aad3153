// Package multicam is the multi-cam switcher plugin: chat commands
// (!cam 1, !cam next, !cam main) and gifts switch OBS scenes, with a
// global and a per-viewer cooldown, a role gate and an optional return to
// the main scene. It drives OBS through obs.Command bus messages (the obs
// module executes them), and offers the multicam.switch flow action.
package multicam

import (
	"context"
	_ "embed" // plugin.json
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/obs"
	"github.com/ltth/ltth/backend/plugin"
)

//go:embed plugin.json
var manifestJSON []byte

// ID is the plugin's id.
const ID = "multicam"

func init() {
	plugin.Register(manifestJSON, func() plugin.Plugin { return &Plugin{} })
}

// GiftRule maps a gift to a scene.
type GiftRule struct {
	Gift     string `json:"gift"`     // gift name (case-insensitive) or id
	Scene    string `json:"scene"`    // a scene name, a camera number, "next" or "main"
	MinCoins int64  `json:"minCoins"` // 0 = any
}

// Settings are the plugin's settings (plugin.json).
type Settings struct {
	MainScene           string     `json:"mainScene"`
	Scenes              []string   `json:"scenes"`
	Command             string     `json:"command"`
	MinRole             string     `json:"minRole"`
	Gifts               []GiftRule `json:"gifts"`
	CooldownSeconds     float64    `json:"cooldownSeconds"`
	UserCooldownSeconds float64    `json:"userCooldownSeconds"`
	ReturnSeconds       float64    `json:"returnSeconds"`
}

// Plugin is one running switcher.
type Plugin struct {
	h   plugin.Host
	ctx context.Context

	mu       sync.Mutex
	s        Settings
	current  string
	last     time.Time
	byUser   map[string]time.Time
	returnAt uint64 // generation of the pending return
	now      func() time.Time
}

// Start implements plugin.Plugin.
func (p *Plugin) Start(ctx context.Context, h plugin.Host) error {
	p.h, p.ctx, p.now, p.byUser = h, ctx, time.Now, map[string]time.Time{}
	if err := p.SettingsChanged(); err != nil {
		return err
	}
	h.Subscribe("events", func(m *domain.Message) bool {
		return m.Event != nil && (m.Event.Type == domain.EventChat || m.Event.Type == domain.EventGift) ||
			m.Type == obs.TypeSceneChanged
	}, false, p.onMessage)
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
	if strings.TrimSpace(s.Command) == "" {
		s.Command = "!cam"
	}
	p.mu.Lock()
	p.s = s
	p.mu.Unlock()
	return nil
}

func (p *Plugin) onMessage(m domain.Message) {
	if m.Type == obs.TypeSceneChanged {
		if c, err := sceneOf(m.Data); err == nil {
			p.mu.Lock()
			p.current = c
			p.mu.Unlock()
		}
		return
	}
	e := m.Event
	switch e.Type {
	case domain.EventChat:
		p.onChat(e)
	case domain.EventGift:
		p.onGift(e)
	}
}

func (p *Plugin) onChat(e *domain.Event) {
	p.mu.Lock()
	s := p.s
	p.mu.Unlock()
	fields := strings.Fields(e.Comment)
	if len(fields) < 2 || !strings.EqualFold(fields[0], s.Command) || !allowed(s.MinRole, &e.User) {
		return
	}
	p.Switch(strings.Join(fields[1:], " "), e.User.UserID, "command")
}

func (p *Plugin) onGift(e *domain.Event) {
	p.mu.Lock()
	rules := p.s.Gifts
	p.mu.Unlock()
	for _, r := range rules {
		if (strings.EqualFold(r.Gift, e.GiftName) || r.Gift == strconv.FormatInt(e.GiftID, 10)) && e.Coins >= r.MinCoins {
			p.Switch(r.Scene, "", "gift")
			return
		}
	}
}

// allowed is the role gate.
func allowed(min string, u *domain.User) bool {
	switch min {
	case "moderator":
		return u.IsModerator
	case "subscriber":
		return u.IsSubscriber || u.IsModerator
	case "follower":
		return u.IsFollower || u.IsSubscriber || u.IsModerator
	}
	return true
}

// resolve turns a camera argument into a scene name.
func (p *Plugin) resolve(arg string) string {
	arg = strings.TrimSpace(arg)
	s := p.s
	switch strings.ToLower(arg) {
	case "", "main":
		return s.MainScene
	case "next", "prev":
		if len(s.Scenes) == 0 {
			return ""
		}
		i := -1
		for k, sc := range s.Scenes {
			if sc == p.current {
				i = k
			}
		}
		if strings.EqualFold(arg, "prev") {
			return s.Scenes[(i-1+2*len(s.Scenes))%len(s.Scenes)]
		}
		return s.Scenes[(i+1)%len(s.Scenes)]
	}
	if n, err := strconv.Atoi(arg); err == nil {
		if n >= 1 && n <= len(s.Scenes) {
			return s.Scenes[n-1]
		}
		return ""
	}
	for _, sc := range append([]string{s.MainScene}, s.Scenes...) {
		if strings.EqualFold(sc, arg) {
			return sc
		}
	}
	return ""
}

// Switch switches to the camera arg for user (empty: no per-viewer
// cooldown) and reports the scene, or "" when refused.
func (p *Plugin) Switch(arg, user, why string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	scene := p.resolve(arg)
	now := p.now()
	cd := time.Duration(p.s.CooldownSeconds * float64(time.Second))
	if scene == "" || now.Sub(p.last) < cd {
		return ""
	}
	if user != "" {
		if t, ok := p.byUser[user]; ok && now.Sub(t) < time.Duration(p.s.UserCooldownSeconds*float64(time.Second)) {
			return ""
		}
		p.byUser[user] = now
	}
	p.last, p.current = now, scene
	p.h.Publish(obs.TypeCommand, obs.Command{Op: obs.OpSetScene, Scene: scene})
	p.h.Publish("switched", map[string]string{"scene": scene, "reason": why, "userId": user})
	p.returnAt++
	if ret := p.s.ReturnSeconds; ret > 0 && scene != p.s.MainScene {
		gen, main := p.returnAt, p.s.MainScene
		p.h.Go(func(ctx context.Context) {
			select {
			case <-ctx.Done():
			case <-time.After(time.Duration(ret * float64(time.Second))):
				p.mu.Lock()
				defer p.mu.Unlock()
				if p.returnAt == gen {
					p.current = main
					p.h.Publish(obs.TypeCommand, obs.Command{Op: obs.OpSetScene, Scene: main})
				}
			}
		})
	}
	return scene
}

func sceneOf(data any) (string, error) {
	if c, ok := data.(obs.SceneChange); ok {
		return c.Scene, nil
	}
	m, ok := data.(map[string]any)
	if !ok {
		return "", strconv.ErrSyntax
	}
	s, _ := m["scene"].(string)
	return s, nil
}

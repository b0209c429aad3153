package tts

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// Voice is a viewer's assigned voice (KV "voice:<userId>").
type Voice struct {
	Engine string `json:"engine,omitempty"`
	Voice  string `json:"voice"`
}

func (p *Plugin) onMessage(m domain.Message) {
	if m.Event == nil {
		p.onLeaderboard(m)
		return
	}
	s, _, _ := p.state()
	if !s.Enabled {
		return
	}
	ev := m.Event
	if ev.Type == domain.EventChat {
		p.onChat(s, ev)
		return
	}
	tmpl := map[domain.EventType]string{domain.EventGift: s.GiftTemplate, domain.EventFollow: s.FollowTemplate,
		domain.EventSubscribe: s.SubscribeTemplate, domain.EventShare: s.ShareTemplate}[ev.Type]
	if strings.TrimSpace(tmpl) == "" {
		return
	}
	text := strings.NewReplacer("{nickname}", ev.Nickname, "{giftName}", ev.GiftName,
		"{repeatCount}", fmt.Sprint(ev.RepeatCount), "{coins}", fmt.Sprint(ev.Coins)).Replace(tmpl)
	_ = p.submit(text, ev, false)
}

func (p *Plugin) onChat(s Settings, ev *domain.Event) {
	text := strings.TrimSpace(ev.Comment)
	if s.AllowVoiceCommand && p.voiceCommand(s, ev, text) {
		return
	}
	pre := strings.TrimSpace(s.Prefix)
	hasPrefix := pre != "" && len(text) >= len(pre) && strings.EqualFold(text[:len(pre)], pre)
	switch {
	case s.ChatMode != "all" && s.ChatMode != "prefix":
		return
	case hasPrefix:
		text = strings.TrimSpace(text[len(pre):])
	case s.ChatMode == "prefix" || strings.HasPrefix(text, "!"):
		return // not for TTS, or another feature's !command
	}
	if !p.gateOK(s, ev) {
		return
	}
	if s.ReadNames && ev.Nickname != "" {
		text = ev.Nickname + ": " + text
	}
	_ = p.submit(text, ev, true)
}

func (p *Plugin) gateOK(s Settings, ev *domain.Event) bool {
	switch s.ChatGate {
	case "followers":
		return ev.IsFollower || ev.IsSubscriber || ev.IsModerator
	case "subscribers":
		return ev.IsSubscriber || ev.IsModerator
	case "moderators":
		return ev.IsModerator
	case "topGifters":
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.top[ev.UserID] || ev.IsModerator
	}
	return true
}

var voiceCmd = regexp.MustCompile(`(?i)^!voice(?:\s+(\S+))?\s*$`)

// voiceCommand handles "!voice <name>" (a voice of the allowed list).
func (p *Plugin) voiceCommand(s Settings, ev *domain.Event, text string) bool {
	m := voiceCmd.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	if m[1] == "" || ev.UserID == "" {
		return true
	}
	i := slices.IndexFunc(s.VoiceChoices, func(v string) bool { return strings.EqualFold(v, m[1]) })
	if i < 0 {
		return true
	}
	raw, _ := json.Marshal(Voice{Voice: s.VoiceChoices[i], Engine: engineOfVoice(s.VoiceChoices[i])})
	if err := p.h.KV().Put("voice:"+ev.UserID, raw); err != nil {
		log := p.h.Log()
		log.Warn().Err(err).Msg("save voice")
	}
	return true
}

// engineOfVoice guesses which engine a voice id belongs to.
func engineOfVoice(v string) string {
	if strings.Contains(v, "_") {
		return "tiktok"
	}
	if len(v) <= 3 || strings.Contains(v, "-") || strings.Contains(v, "+") {
		return "espeak"
	}
	return ""
}

func (p *Plugin) userVoice(userID string) Voice {
	var v Voice
	if userID == "" {
		return v
	}
	if raw, ok, err := p.h.KV().Get("voice:" + userID); err == nil && ok {
		_ = json.Unmarshal(raw, &v)
	}
	return v
}

// submit moderates text and queues it; limited applies the per-user rate
// limit and duplicate check (chat).
func (p *Plugin) submit(text string, ev *domain.Event, limited bool) error {
	s, _, mod := p.state()
	clean, err := mod.Clean(text)
	if err == nil && limited {
		err = p.lim.Allow(ev.UserID, clean, time.Now())
	}
	if err != nil {
		log := p.h.Log()
		log.Debug().Str("user", ev.UserID).Str("why", err.Error()).Msg("tts: not read")
		return err
	}
	v := p.userVoice(ev.UserID)
	if v.Voice == "" && s.DefaultVoice != "" && len(s.Engines) > 0 {
		v = Voice{Engine: s.Engines[0], Voice: s.DefaultVoice}
	}
	return p.enqueue(Item{Text: clean, User: ev.Nickname, UserID: ev.UserID, Voice: v.Voice, Engine: v.Engine,
		Lang: GuessLang(clean, s.DefaultLang), Volume: s.Volume / 100})
}

func (p *Plugin) enqueue(it Item) error {
	it.ID = newID()
	if it.At == 0 {
		it.At = time.Now().UnixMilli()
	}
	err := p.queue.Push(it)
	if errors.Is(err, ErrQueueFull) {
		log := p.h.Log()
		log.Debug().Msg("tts: queue full, message dropped")
	}
	return err
}

func (p *Plugin) onLeaderboard(m domain.Message) {
	var lb struct {
		Board   string `json:"board"`
		Period  string `json:"period"`
		Entries []struct {
			UserID string `json:"userId"`
		} `json:"entries"`
	}
	raw, err := json.Marshal(m.Data)
	if err != nil || json.Unmarshal(raw, &lb) != nil || lb.Board != "gifters" || lb.Period != "stream" {
		return
	}
	s, _, _ := p.state()
	top := map[string]bool{}
	for i, e := range lb.Entries {
		if i < int(s.TopGifters) {
			top[e.UserID] = true
		}
	}
	p.mu.Lock()
	p.top = top
	p.mu.Unlock()
}

// Package tts is the text-to-speech plugin: chat and event messages pass
// the gates and moderation, wait in a bounded queue and are synthesized by
// the first engine that works (TikTok, Google Translate, an HTTP engine,
// espeak-ng offline); the audio is played in order, without overlapping,
// by /plugins/tts/overlay.html, the page OBS captures.
package tts

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"net/http"
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
const ID = "tts"

// Bus events ("plugin:tts:<event>") and retained state.
const (
	EventSpeak   = "speak"   // Clip: play this
	EventControl = "control" // {"action":"skip|clear"}
	EventError   = "error"   // {"message"}: no engine could speak
	StateStatus  = "status"  // Status, retained
)

func init() {
	plugin.Register(manifestJSON, func() plugin.Plugin { return &Plugin{} })
}

// Settings are the plugin's settings (plugin.json).
type Settings struct {
	Enabled           bool     `json:"enabled"`
	Engines           []string `json:"engines"`
	DefaultVoice      string   `json:"defaultVoice"`
	DefaultLang       string   `json:"defaultLang"`
	Speed             float64  `json:"speed"`
	Pitch             float64  `json:"pitch"`
	Volume            float64  `json:"volume"`
	ChatMode          string   `json:"chatMode"`
	Prefix            string   `json:"prefix"`
	ChatGate          string   `json:"chatGate"`
	TopGifters        float64  `json:"topGifters"`
	ReadNames         bool     `json:"readNames"`
	GiftTemplate      string   `json:"giftTemplate"`
	FollowTemplate    string   `json:"followTemplate"`
	SubscribeTemplate string   `json:"subscribeTemplate"`
	ShareTemplate     string   `json:"shareTemplate"`
	Blocklist         []string `json:"blocklist"`
	MaxLength         float64  `json:"maxLength"`
	UserRateCount     float64  `json:"userRateCount"`
	UserRateSeconds   float64  `json:"userRateSeconds"`
	DedupeSeconds     float64  `json:"dedupeSeconds"`
	QueueMax          float64  `json:"queueMax"`
	Overlap           bool     `json:"overlap"`
	AllowVoiceCommand bool     `json:"allowVoiceCommand"`
	VoiceChoices      []string `json:"voiceChoices"`
	EspeakPath        string   `json:"espeakPath"`
	TikTokHost        string   `json:"tiktokHost"`
	GoogleBaseURL     string   `json:"googleBaseUrl"`
	HTTPKind          string   `json:"httpKind"`
	HTTPURL           string   `json:"httpUrl"`
	HTTPModel         string   `json:"httpModel"`
	HTTPVoice         string   `json:"httpVoice"`
	TimeoutSeconds    float64  `json:"timeoutSeconds"`
}

// Clip is one spoken message for the overlay.
type Clip struct {
	ID         string  `json:"id"`
	URL        string  `json:"url"`
	Text       string  `json:"text"`
	User       string  `json:"user,omitempty"`
	Engine     string  `json:"engine"`
	Volume     float64 `json:"volume"`
	DurationMs int64   `json:"durationMs"`
	Overlap    bool    `json:"overlap"`
	At         int64   `json:"at"` // unix ms the message arrived (latency)
}

// Status is the retained state the overlay and dashboard read.
type Status struct {
	Paused bool `json:"paused"`
}

// Plugin is one running TTS.
type Plugin struct {
	h     plugin.Host
	queue *Queue
	clips *clips
	lim   *Limiter

	mu      sync.Mutex
	set     Settings
	chain   *Chain
	mod     *Moderator
	top     map[string]bool
	lastErr string // the last "no engine could speak", for the dashboard
}

var (
	_ plugin.Plugin           = (*Plugin)(nil)
	_ plugin.SettingsReloader = (*Plugin)(nil)
)

// Start applies the settings, serves the overlay, API and blocks, and
// starts the speaking worker.
func (p *Plugin) Start(ctx context.Context, h plugin.Host) error {
	p.h = h
	p.queue = NewQueue(20)
	p.clips = newClips(64)
	p.lim = &Limiter{}
	p.top = map[string]bool{}
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
	h.Subscribe("events", wanted, true, p.onMessage)
	h.Go(p.worker)
	p.publishStatus()
	return nil
}

// Stop has nothing more to release (the worker ends with the host's ctx).
func (p *Plugin) Stop(ctx context.Context) error { return nil }

// SettingsChanged rebuilds the engines, the moderator and the limits.
func (p *Plugin) SettingsChanged() error {
	var s Settings
	if err := p.h.DecodeSettings(&s); err != nil {
		return err
	}
	s = clampSettings(s)
	sec := p.secrets()
	client := &http.Client{Timeout: time.Duration(s.TimeoutSeconds * float64(time.Second))}
	all := map[string]Engine{
		"espeak": &Espeak{Path: s.EspeakPath},
		"sapi":   &SAPI{},
		"tiktok": &TikTok{Host: s.TikTokHost, SessionID: sec.TikTokSessionID, Client: client},
		"google": &Google{Base: s.GoogleBaseURL, Client: client},
		"http":   &HTTPEngine{Kind: s.HTTPKind, URL: s.HTTPURL, APIKey: sec.HTTPAPIKey, Model: s.HTTPModel, Voice: s.HTTPVoice, Client: client},
	}
	var engines []Engine
	seen := map[string]bool{}
	for _, n := range s.Engines {
		if e, ok := all[n]; ok && !seen[n] {
			engines = append(engines, e)
			seen[n] = true
		}
	}
	p.queue.SetMax(int(s.QueueMax))
	p.lim.mu.Lock()
	p.lim.PerUser, p.lim.Window = int(s.UserRateCount), time.Duration(s.UserRateSeconds*float64(time.Second))
	p.lim.Dedupe = time.Duration(s.DedupeSeconds * float64(time.Second))
	p.lim.mu.Unlock()
	p.mu.Lock()
	p.set, p.chain, p.mod = s, NewChain(engines...), NewModerator(s.Blocklist, int(s.MaxLength))
	p.mu.Unlock()
	return nil
}

func clampSettings(s Settings) Settings {
	s.Speed = clamp(s.Speed, 0.5, 2, 1)
	s.Pitch = clamp(s.Pitch, 0.5, 1.5, 1)
	s.Volume = max(0, min(100, s.Volume))
	s.TopGifters = max(1, min(50, s.TopGifters))
	s.MaxLength = max(10, min(1000, s.MaxLength))
	s.UserRateCount = max(0, min(1000, s.UserRateCount))
	s.UserRateSeconds = max(1, min(3600, s.UserRateSeconds))
	s.DedupeSeconds = max(0, min(3600, s.DedupeSeconds))
	s.QueueMax = max(1, min(500, s.QueueMax))
	s.TimeoutSeconds = max(1, min(60, s.TimeoutSeconds))
	if s.DefaultLang == "" {
		s.DefaultLang = "en"
	}
	return s
}

func (p *Plugin) state() (Settings, *Chain, *Moderator) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.set, p.chain, p.mod
}

func (p *Plugin) publishStatus() {
	p.h.PublishState(StateStatus, StateStatus, Status{Paused: p.queue.Paused()})
}

// worker speaks the queue in order; without overlap it waits for each
// clip to finish (skip ends the wait, pause holds it).
func (p *Plugin) worker(ctx context.Context) {
	for {
		it, ok := p.queue.Next(ctx)
		if !ok {
			return
		}
		s, chain, _ := p.state()
		sctx, cancel := context.WithTimeout(ctx, time.Duration(s.TimeoutSeconds*2*float64(time.Second)))
		a, engine, err := chain.Speak(sctx, Request{Text: it.Text, Voice: it.Voice, Lang: it.Lang, Speed: s.Speed, Pitch: s.Pitch}, it.Engine)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			log := p.h.Log()
			log.Warn().Err(err).Msg("tts")
			p.mu.Lock()
			p.lastErr = time.Now().Format("15:04:05") + " " + err.Error()
			p.mu.Unlock()
			p.h.Publish(EventError, map[string]string{"message": err.Error()})
			continue
		}
		d := Duration(a, it.Text)
		id := p.clips.put(a)
		c := Clip{ID: id, URL: "/api/plugins/" + ID + "/media/audio/" + id, Text: it.Text, User: it.User, Engine: engine,
			Volume: it.Volume, DurationMs: d.Milliseconds(), Overlap: s.Overlap, At: it.At}
		p.queue.Arm()
		p.h.Publish(EventSpeak, c)
		if !s.Overlap {
			p.queue.Wait(ctx, d+250*time.Millisecond)
		}
	}
}

// clips keeps the last n clips for the overlay to fetch.
type clips struct {
	mu    sync.Mutex
	n     int
	order []string
	m     map[string]Audio
}

func newClips(n int) *clips { return &clips{n: n, m: map[string]Audio{}} }

func (c *clips) put(a Audio) string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	id := hex.EncodeToString(b)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[id] = a
	c.order = append(c.order, id)
	for len(c.order) > c.n {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	return id
}

func (c *clips) get(id string) (Audio, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.m[id]
	return a, ok
}

type secrets struct {
	TikTokSessionID string `json:"tiktokSessionId"`
	HTTPAPIKey      string `json:"httpApiKey"`
}

func (p *Plugin) secrets() secrets {
	var s secrets
	if raw, ok, err := p.h.KV().Get("secrets"); err == nil && ok {
		_ = json.Unmarshal(raw, &s)
	}
	return s
}

func wanted(m *domain.Message) bool {
	if m.Event == nil {
		return m.Type == "leaderboard"
	}
	switch m.Event.Type {
	case domain.EventChat, domain.EventGift, domain.EventFollow, domain.EventSubscribe, domain.EventShare:
		return true
	}
	return false
}

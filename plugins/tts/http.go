package tts

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/ltth/ltth/backend/httpapi"
)

func newID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// routes serves the API under /api/plugins/tts/.
func (p *Plugin) routes() {
	h := p.h
	h.Handle("GET /audio/{id}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok := p.clips.get(r.PathValue("id"))
		if !ok {
			httpapi.WriteError(w, httpapi.NewError(httpapi.ErrNotFound, "no such clip (only the latest are kept)"))
			return
		}
		w.Header().Set("Content-Type", a.Mime)
		w.Header().Set("Cache-Control", "max-age=600")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(a.Data)
	}))
	h.Handle("GET /queue", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, chain, _ := p.state()
		p.mu.Lock()
		lastErr := p.lastErr
		p.mu.Unlock()
		httpapi.WriteJSON(w, http.StatusOK, map[string]any{"paused": p.queue.Paused(), "items": p.queue.Items(),
			"engines": chain.Status(), "lastError": lastErr})
	}))
	h.Handle("POST /speak", http.HandlerFunc(p.speak))
	h.Handle("POST /skip", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.skip()
		httpapi.WriteJSON(w, http.StatusOK, map[string]bool{"skipped": true})
	}))
	h.Handle("POST /clear", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		httpapi.WriteJSON(w, http.StatusOK, map[string]int{"cleared": p.clear()})
	}))
	h.Handle("POST /pause", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.pause(true)
		httpapi.WriteJSON(w, http.StatusOK, Status{Paused: true})
	}))
	h.Handle("POST /resume", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.pause(false)
		httpapi.WriteJSON(w, http.StatusOK, Status{Paused: false})
	}))
	h.Handle("GET /secrets", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s := p.secrets()
		httpapi.WriteJSON(w, http.StatusOK, secrets{TikTokSessionID: mask(s.TikTokSessionID), HTTPAPIKey: mask(s.HTTPAPIKey)})
	}))
	h.Handle("PUT /secrets", http.HandlerFunc(p.putSecrets))
	h.Handle("GET /voices/{user}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		httpapi.WriteJSON(w, http.StatusOK, p.userVoice(r.PathValue("user")))
	}))
	h.Handle("PUT /voices/{user}", http.HandlerFunc(p.putVoice))
	h.Handle("DELETE /voices/{user}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reply(w, map[string]bool{"deleted": true}, p.h.KV().Delete("voice:"+r.PathValue("user")))
	}))
}

func reply(w http.ResponseWriter, v any, err error) {
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, v)
}

// mask shows that a secret is set without showing it.
func mask(s string) string {
	if s == "" {
		return ""
	}
	if len(s) <= 8 {
		return "••••"
	}
	return "••••" + s[len(s)-2:]
}

func (p *Plugin) skip() {
	p.queue.Skip()
	p.h.Publish(EventControl, map[string]string{"action": "skip"})
}

func (p *Plugin) clear() int {
	n := p.queue.Clear()
	p.queue.Skip()
	p.h.Publish(EventControl, map[string]string{"action": "clear"})
	return n
}

func (p *Plugin) pause(on bool) {
	p.queue.Pause(on)
	p.publishStatus()
}

func (p *Plugin) speak(w http.ResponseWriter, r *http.Request) {
	var in struct{ Text, Voice, Engine string }
	if err := json.NewDecoder(io.LimitReader(r.Body, 16384)).Decode(&in); err != nil {
		httpapi.WriteError(w, httpapi.NewError(httpapi.ErrInvalid, `body must be {"text","voice","engine"}`))
		return
	}
	reply(w, map[string]bool{"queued": true}, p.speakText(in.Text, in.Voice, in.Engine))
}

// speakText queues a message from the streamer (dashboard or flow):
// moderated, but not rate limited.
func (p *Plugin) speakText(text, voice, engine string) error {
	s, _, mod := p.state()
	clean, err := mod.Clean(text)
	if err != nil {
		return httpapi.NewError(httpapi.ErrUnprocessable, "not spoken: "+err.Error())
	}
	if engine != "" && !contains(s.Engines, engine) {
		return httpapi.NewError(httpapi.ErrInvalid, "engine "+engine+" is not in the engine list ("+strings.Join(s.Engines, ", ")+")")
	}
	err = p.enqueue(Item{Text: clean, Voice: voice, Engine: engine, Lang: GuessLang(clean, s.DefaultLang), Volume: s.Volume / 100})
	if err == ErrQueueFull {
		return httpapi.NewError(httpapi.ErrUnavailable, err.Error())
	}
	return err
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func (p *Plugin) putSecrets(w http.ResponseWriter, r *http.Request) {
	var in map[string]*string
	if err := json.NewDecoder(io.LimitReader(r.Body, 8192)).Decode(&in); err != nil {
		httpapi.WriteError(w, httpapi.NewError(httpapi.ErrInvalid, `body must be {"tiktokSessionId","httpApiKey"}`))
		return
	}
	s := p.secrets()
	for k, v := range in {
		if v == nil {
			continue
		}
		switch k {
		case "tiktokSessionId":
			s.TikTokSessionID = strings.TrimSpace(*v)
		case "httpApiKey":
			s.HTTPAPIKey = strings.TrimSpace(*v)
		default:
			httpapi.WriteError(w, httpapi.NewError(httpapi.ErrInvalid, "unknown secret "+k))
			return
		}
	}
	raw, _ := json.Marshal(s)
	if err := p.h.KV().Put("secrets", raw); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	reply(w, secrets{TikTokSessionID: mask(s.TikTokSessionID), HTTPAPIKey: mask(s.HTTPAPIKey)}, p.SettingsChanged())
}

func (p *Plugin) putVoice(w http.ResponseWriter, r *http.Request) {
	var v Voice
	if err := json.NewDecoder(io.LimitReader(r.Body, 4096)).Decode(&v); err != nil || strings.TrimSpace(v.Voice) == "" || len(v.Voice) > 64 {
		httpapi.WriteError(w, httpapi.NewError(httpapi.ErrInvalid, `body must be {"voice","engine"} with a voice`))
		return
	}
	raw, _ := json.Marshal(v)
	reply(w, v, p.h.KV().Put("voice:"+r.PathValue("user"), raw))
}

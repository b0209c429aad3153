// Package sample is a small but complete plugin for the host's tests: it
// uses every part of plugin.Host (settings, routes, assets, a flow action,
// a counting subscription, events, KV, a timer and a goroutine) and can be
// told to misbehave. It does not register itself; tests build
// Registrations with New (several ids can coexist).
package sample

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing/fstest"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/plugin"
)

// Behaviour selects how the plugin misbehaves.
type Behaviour struct {
	DefaultEnabled bool
	PanicOnStart   bool
	FailStart      bool
	PanicInTimer   bool
	// Hang, when set, is a goroutine that ignores the stop signal and ends
	// only when Hang is closed (a plugin that does not stop in time).
	Hang <-chan struct{}
}

// Manifest is the plugin.json of a sample plugin with id.
func Manifest(id string, defaultEnabled bool) []byte {
	return fmt.Appendf(nil, `{"id":%q,"name":"Sample %s","version":"1.0.0","description":"Test plugin",
		"author":"LTTH","permissions":["events"],"defaultEnabled":%t,
		"settings":[{"name":"greeting","label":"Greeting","kind":"text","default":"hi"},
		            {"name":"count","label":"Count","kind":"number","default":3}],
		"overlays":[{"path":"overlay.html","name":"Overlay","width":800,"height":600}]}`, id, id, defaultEnabled)
}

// New returns the Registration of a sample plugin with id.
func New(id string, b Behaviour) plugin.Registration {
	m, err := plugin.ParseManifest(Manifest(id, b.DefaultEnabled))
	if err != nil {
		panic(err)
	}
	return plugin.Registration{Manifest: m, New: func() plugin.Plugin { return &Plugin{b: b} }}
}

// Settings are the sample's settings.
type Settings struct {
	Greeting string  `json:"greeting"`
	Count    float64 `json:"count"`
}

// Plugin is one running sample.
type Plugin struct {
	b     Behaviour
	h     plugin.Host
	set   atomic.Pointer[Settings]
	chats atomic.Int64
	ticks atomic.Int64
}

// Start implements plugin.Plugin.
func (p *Plugin) Start(_ context.Context, h plugin.Host) error {
	if p.b.PanicOnStart {
		panic("sample: told to panic")
	}
	if p.b.FailStart {
		return fmt.Errorf("sample: told to fail")
	}
	p.h = h
	var s Settings
	if err := h.DecodeSettings(&s); err != nil {
		return err
	}
	if s.Greeting == "reject" {
		return fmt.Errorf("sample: greeting %q is not accepted", s.Greeting)
	}
	p.set.Store(&s)
	h.Handle("GET /hello", http.HandlerFunc(p.hello))
	h.Handle("POST /emit", http.HandlerFunc(p.emit))
	h.Handle("POST /boom", http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("sample: boom") }))
	h.Handle("PUT /kv/{key}", http.HandlerFunc(p.putKV))
	h.Handle("GET /kv/{key}", http.HandlerFunc(p.getKV))
	h.Assets(fstest.MapFS{"overlay.html": {Data: []byte("<!doctype html><title>" + h.ID() + "</title>")}})
	h.Subscribe("chat", func(m *domain.Message) bool { return m.Event != nil && m.Event.Type == domain.EventChat }, true, p.onChat)
	h.Every(10*time.Millisecond, p.tick)
	h.Go(func(ctx context.Context) { <-ctx.Done() })
	if p.b.Hang != nil {
		h.Go(func(context.Context) { <-p.b.Hang })
	}
	log := h.Log()
	log.Info().Msg("sample started")
	return h.AddBlocks(action.Blocks{Actions: []action.Action{p.sayAction()}})
}

// Stop implements plugin.Plugin.
func (p *Plugin) Stop(context.Context) error { return nil }

func (p *Plugin) tick() {
	if p.b.PanicInTimer {
		panic("sample: timer told to panic")
	}
	p.ticks.Add(1)
}

func (p *Plugin) onChat(m domain.Message) {
	if m.Event.Comment == "!panic "+p.h.ID() {
		panic("sample: subscriber told to panic")
	}
	p.chats.Add(1)
}

func (p *Plugin) sayAction() action.Action {
	return action.Action{
		Info: action.Info{Type: p.h.ID() + ".say", Name: "Say", Category: "Plugins",
			Fields: []action.FieldSpec{{Name: "text", Label: "Text", Kind: action.FieldTemplate}}},
		Execute: func(_ context.Context, run *action.Run) error {
			p.h.Publish("said", map[string]any{"text": run.Text("text")})
			return nil
		}}
}

func (p *Plugin) hello(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"id": p.h.ID(), "greeting": p.set.Load().Greeting,
		"chats": p.chats.Load(), "ticks": p.ticks.Load()})
}

func (p *Plugin) emit(w http.ResponseWriter, r *http.Request) {
	var data map[string]any
	if err := json.NewDecoder(r.Body).Decode(&data); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	p.h.Publish("ping", data)
	w.WriteHeader(http.StatusNoContent)
}

func (p *Plugin) putKV(w http.ResponseWriter, r *http.Request) {
	var v json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&v); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err := p.h.KV().Put(r.PathValue("key"), v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (p *Plugin) getKV(w http.ResponseWriter, r *http.Request) {
	v, ok, err := p.h.KV().Get(r.PathValue("key"))
	if err != nil || !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(v)
}

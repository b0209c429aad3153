package plugintest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/plugin"
)

// Env is one test's LTTH: a bus, the listener, the flow registry and the
// plugin under test. Use it from the test's goroutine.
type Env struct {
	T        testing.TB
	Bus      *bus.Bus
	Registry *action.Registry
	Plugin   plugin.Plugin

	ln   *listener
	kv   *memKV
	reg  plugin.Registration
	host *host
}

// New builds the bus, the registry and the listener (subscribed to the bus
// at once, not yet serving). Everything stops when the test ends.
func New(t testing.TB) *Env {
	t.Helper()
	b := bus.New()
	e := &Env{T: t, Bus: b, Registry: action.NewRegistry(), ln: newListener(t, b), kv: &memKV{m: map[string][]byte{}}}
	t.Cleanup(func() {
		e.StopPlugin()
		e.ln.shutdown()
	})
	return e
}

// Start starts the registered plugin id with settings (a JSON object of
// values over the manifest's defaults, or "") and serves the listener.
func (e *Env) Start(id, settings string) {
	e.T.Helper()
	var found bool
	for _, r := range plugin.Registered() {
		if r.Manifest.ID == id {
			e.reg, found = r, true
		}
	}
	if !found {
		e.T.Fatalf("plugintest: plugin %q is not registered", id)
	}
	vals := map[string]json.RawMessage{}
	if strings.TrimSpace(settings) != "" {
		if err := json.Unmarshal([]byte(settings), &vals); err != nil {
			e.T.Fatalf("plugintest: settings: %v", err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	e.host = &host{id: id, manifest: e.reg.Manifest, bus: e.Bus, ln: e.ln, reg: e.Registry,
		log: zerolog.New(zerolog.NewTestWriter(e.T)).With().Str("plugin", id).Logger(), kv: e.kv,
		ctx: ctx, cancel: cancel, settings: vals}
	e.Plugin = e.reg.New()
	if err := e.Plugin.Start(ctx, e.host); err != nil {
		e.T.Fatalf("plugintest: start %s: %v", id, err)
	}
	if !e.ln.up {
		e.ln.start()
	}
}

// StopPlugin stops the plugin and undoes its subscriptions, timers, blocks,
// routes and assets (they answer 404 until the plugin starts again).
func (e *Env) StopPlugin() {
	if e.Plugin == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := e.Plugin.Stop(ctx); err != nil {
		e.T.Errorf("plugintest: stop: %v", err)
	}
	e.host.stop()
	e.ln.unmountAll()
	e.Plugin = nil
}

// SetSettings replaces the settings (JSON object) and tells the plugin.
func (e *Env) SetSettings(settings string) error {
	vals := map[string]json.RawMessage{}
	if err := json.Unmarshal([]byte(settings), &vals); err != nil {
		return err
	}
	e.host.mu.Lock()
	e.host.settings = vals
	e.host.mu.Unlock()
	if r, ok := e.Plugin.(plugin.SettingsReloader); ok {
		return r.SettingsChanged()
	}
	return nil
}

// KV is the plugin's storage; it survives StopPlugin and Start.
func (e *Env) KV() plugin.KV { return e.kv }

// URL is the listener's address for path.
func (e *Env) URL(path string) string { return "http://" + e.ln.addr + path }

// StopListener takes the listener away as if LTTH had quit.
func (e *Env) StopListener() { e.T.Helper(); e.ln.stop() }

// StartListener serves again on the same address.
func (e *Env) StartListener() { e.T.Helper(); e.ln.start() }

// Do sends a request with the API token and returns the status and body.
func (e *Env) Do(method, path, body string) (int, string) {
	e.T.Helper()
	req, err := http.NewRequest(method, e.URL(path), strings.NewReader(body))
	if err != nil {
		e.T.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.ln.token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.T.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(bytes.TrimSpace(b))
}

// Exec runs action typ from the registry with config cfg (JSON) as a flow
// step would, for event ev (may be nil).
func (e *Env) Exec(typ, cfg string, ev *domain.Event) (*RunHost, error) {
	a, ok := e.Registry.Action(typ)
	if !ok {
		return nil, fmt.Errorf("action %s is not registered", typ)
	}
	c, err := action.NewConfig(json.RawMessage(cfg), a.Fields)
	if err != nil {
		return nil, err
	}
	if a.Validate != nil {
		if err := a.Validate(c); err != nil {
			return nil, err
		}
	}
	rh := &RunHost{bus: e.Bus}
	run := action.NewRun(rh, action.Scope{Event: ev, Now: time.Now()}, false, 0)
	run.SetConfig(c)
	return rh, a.Execute(context.Background(), run)
}

// RunHost is the engine side of an action run: the real bus, notes kept.
type RunHost struct {
	bus   *bus.Bus
	mu    sync.Mutex
	Notes []string
}

func (r *RunHost) Publish(m domain.Message)                 { r.bus.Publish(m) }
func (r *RunHost) SetVar(name string, v action.Value) error { return nil }
func (r *RunHost) Log(level, msg string)                    { r.Note(level + ": " + msg) }
func (r *RunHost) Note(msg string) {
	r.mu.Lock()
	r.Notes = append(r.Notes, msg)
	r.mu.Unlock()
}

// Watch subscribes to the bus for messages of type typ; read them with Next.
func (e *Env) Watch(typ string) *Watcher {
	s := e.Bus.Subscribe("plugintest", 4096, func(m *domain.Message) bool { return m.Type == typ })
	e.T.Cleanup(s.Close)
	return &Watcher{t: e.T, sub: s, typ: typ}
}

// Watcher reads messages a test waits for.
type Watcher struct {
	t   testing.TB
	sub *bus.Subscription
	typ string
}

// Next returns the next message, failing the test after 5 s.
func (w *Watcher) Next() domain.Message {
	w.t.Helper()
	select {
	case m := <-w.sub.C():
		return m
	case <-time.After(5 * time.Second):
		w.t.Fatalf("no %s message within 5s", w.typ)
	}
	return domain.Message{}
}

// JSON re-encodes a message's data into v.
func JSON(t testing.TB, data any, v any) {
	t.Helper()
	b, err := json.Marshal(data)
	if err == nil {
		err = json.Unmarshal(b, v)
	}
	if err != nil {
		t.Fatal(err)
	}
}

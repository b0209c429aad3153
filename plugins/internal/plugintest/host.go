// Package plugintest runs one built-in plugin for real in a test, without
// the plugin host: a plugin.Host over the real bus, LTTH's real local
// listener (routes, assets, the /ws feed with its snapshot), a real
// action.Registry and an in-memory KV. Only the plugins' tests import it.
package plugintest

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/overlay"
	"github.com/ltth/ltth/backend/plugin"
)

// host implements plugin.Host for one plugin.
type host struct {
	id       string
	manifest plugin.Manifest
	bus      *bus.Bus
	ln       *listener
	reg      *action.Registry
	log      zerolog.Logger
	kv       *memKV

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu       sync.Mutex
	settings map[string]json.RawMessage
	subs     []*bus.Subscription
	blocks   []action.Blocks
}

var _ plugin.Host = (*host)(nil)

func (h *host) ID() string                { return h.id }
func (h *host) Log() zerolog.Logger       { return h.log }
func (h *host) KV() plugin.KV             { return h.kv }
func (h *host) prefix(kind string) string { return "plugin:" + h.id + ":" + kind }

func (h *host) Subscribe(name string, filter func(*domain.Message) bool, counting bool, fn func(domain.Message)) {
	sub := h.bus.Subscribe(h.prefix(name), bus.DefaultQueue, filter)
	h.mu.Lock()
	h.subs = append(h.subs, sub)
	h.mu.Unlock()
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		for m := range sub.C() {
			fn(m)
		}
	}()
}

func (h *host) Publish(event string, data any) {
	h.bus.Publish(domain.Message{Type: h.prefix(event), Data: data})
}

func (h *host) PublishState(kind, key string, data any) {
	h.bus.Publish(domain.Message{Type: h.prefix(kind), Key: h.prefix(key), Data: data})
}

func (h *host) Handle(pattern string, hd http.Handler) {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		method, path = "", pattern
	}
	full := "/api/plugins/" + h.id + path
	if method != "" {
		full = method + " " + full
	}
	if err := h.ln.handle(module.Route{Pattern: full, Handler: hd}); err != nil {
		h.log.Error().Err(err).Msg("route")
	}
}

func (h *host) Assets(fsys fs.FS) {
	prefix := "/plugins/" + h.id + "/"
	if err := h.ln.handle(module.Route{Pattern: "GET " + prefix, Handler: overlay.Files(fsys, prefix)}); err != nil {
		h.log.Error().Err(err).Msg("assets")
	}
}

func (h *host) AddBlocks(b action.Blocks) error {
	if err := h.reg.AddBlocks(b); err != nil {
		return err
	}
	h.mu.Lock()
	h.blocks = append(h.blocks, b)
	h.mu.Unlock()
	return nil
}

// DecodeSettings fills the manifest's defaults in, then the test's values.
func (h *host) DecodeSettings(v any) error {
	merged := map[string]json.RawMessage{}
	for _, f := range h.manifest.Settings {
		if f.Default != nil {
			b, err := json.Marshal(f.Default)
			if err != nil {
				return err
			}
			merged[f.Name] = b
		}
	}
	h.mu.Lock()
	for k, raw := range h.settings {
		merged[k] = raw
	}
	h.mu.Unlock()
	b, err := json.Marshal(merged)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func (h *host) Every(d time.Duration, fn func()) {
	h.Go(func(ctx context.Context) {
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				fn()
			}
		}
	})
}

func (h *host) Go(fn func(ctx context.Context)) {
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		fn(h.ctx)
	}()
}

// stop undoes what the plugin registered, as the real host does after Stop.
func (h *host) stop() {
	h.cancel()
	h.mu.Lock()
	subs, blocks := h.subs, h.blocks
	h.subs, h.blocks = nil, nil
	h.mu.Unlock()
	for _, s := range subs {
		s.Close()
	}
	h.wg.Wait()
	for _, b := range blocks {
		h.reg.RemoveBlocks(b)
	}
}

// memKV is the plugin's storage, in memory.
type memKV struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (k *memKV) Get(key string) ([]byte, bool, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	v, ok := k.m[key]
	return append([]byte(nil), v...), ok, nil
}

func (k *memKV) Put(key string, value []byte) error {
	if !json.Valid(value) {
		return fmt.Errorf("kv %s: value is not JSON", key)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.m[key] = append([]byte(nil), value...)
	return nil
}

func (k *memKV) Delete(key string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.m, key)
	return nil
}

func (k *memKV) Keys() ([]string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := make([]string, 0, len(k.m))
	for key := range k.m {
		out = append(out, key)
	}
	sort.Strings(out)
	return out, nil
}

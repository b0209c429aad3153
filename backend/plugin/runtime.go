package plugin

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// runtime is one run of a plugin (Start to Stop) and the Host it is given.
// Everything the plugin registers is recorded here and undone by shutdown.
type runtime struct {
	in  *instance
	p   Plugin
	log zerolog.Logger
	mux *http.ServeMux

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu       sync.Mutex
	stopped  bool
	subs     []*bus.Subscription
	assets   http.Handler
	patterns []string
	blocks   action.Blocks
}

var _ Host = (*runtime)(nil)

func newRuntime(in *instance) *runtime {
	ctx, cancel := context.WithCancel(context.Background())
	log := in.m.log.With().Str("plugin", in.id()).Logger().Hook(in.logs)
	if log.GetLevel() > zerolog.InfoLevel {
		log = log.Level(zerolog.InfoLevel) // the dashboard's log ring wants info and up
	}
	return &runtime{in: in, log: log, mux: http.NewServeMux(), ctx: ctx, cancel: cancel}
}

func (rt *runtime) ID() string { return rt.in.id() }

// DataDir implements DataDirHost: the plugin's folder in the profile.
func (rt *runtime) DataDir() (string, error) {
	root := rt.in.m.opts.DataDir
	if root == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("plugin %s: no data directory: %w", rt.ID(), err)
		}
		root = filepath.Join(base, "ltth", "plugins")
	}
	return filepath.Join(root, rt.ID()), nil
}
func (rt *runtime) Log() zerolog.Logger { return rt.log }
func (rt *runtime) fail(what string, err error) {
	rt.in.m.fault(rt.in, rt, fmt.Errorf("%s: %w", what, err))
}

// Subscribe implements Host.
func (rt *runtime) Subscribe(name string, filter func(*domain.Message) bool, counting bool, fn func(domain.Message)) {
	safe := rt.safeFilter(name, filter)
	sub := rt.busSubscribe("plugin:"+rt.ID()+":"+name, safe, counting)
	if !rt.track(func() { rt.subs = append(rt.subs, sub) }) {
		sub.Close()
		return
	}
	rt.spawn(func() {
		for {
			select {
			case <-rt.ctx.Done():
				return
			case m, ok := <-sub.C():
				if !ok {
					return
				}
				if err := guard("subscriber "+name, func() error { fn(m); return nil }); err != nil {
					rt.fail("bus", err)
					return
				}
			}
		}
	})
}

// Queue sizes of plugin subscriptions.
const (
	sheddingQueue = 1024
	countingQueue = 4 * bus.DefaultQueue
)

// busSubscribe is the one place the host meets the bus's subscription API:
// counting subscribers are lossless (the event source waits when the
// plugin falls behind), the others shed load.
func (rt *runtime) busSubscribe(name string, filter bus.Filter, counting bool) *bus.Subscription {
	if counting {
		return rt.in.m.bus.SubscribeLossless(name, countingQueue, filter)
	}
	return rt.in.m.bus.Subscribe(name, sheddingQueue, filter)
}

// safeFilter runs filter in the publisher's goroutine without letting a
// panic escape into the publisher.
func (rt *runtime) safeFilter(name string, filter func(*domain.Message) bool) bus.Filter {
	if filter == nil {
		return nil
	}
	return func(m *domain.Message) (ok bool) {
		defer func() {
			if p := recover(); p != nil {
				ok = false
				rt.fail("bus", newPanicError("filter "+name, p))
			}
		}()
		return filter(m)
	}
}

// Publish implements Host.
func (rt *runtime) Publish(event string, data any) {
	if !validName(event) {
		rt.log.Error().Str("event", event).Msg("publish: event names are 1-64 characters without ':' or spaces")
		return
	}
	rt.in.m.bus.Publish(domain.Message{Type: "plugin:" + rt.ID() + ":" + event, Data: data})
}

// PublishState implements Host.
func (rt *runtime) PublishState(kind, key string, data any) {
	if !validName(kind) || !validName(key) {
		rt.log.Error().Str("kind", kind).Str("key", key).Msg("publish state: names are 1-64 characters without ':' or spaces")
		return
	}
	p := "plugin:" + rt.ID() + ":"
	rt.in.m.bus.Publish(domain.Message{Type: p + kind, Key: p + key, Data: data})
}

func validName(s string) bool {
	return s != "" && len(s) <= 64 && !strings.ContainsAny(s, ": \t\r\n")
}

// Handle implements Host: pattern "METHOD /path" (or "/path") is served as
// "METHOD /api/plugins/<id>/path".
func (rt *runtime) Handle(pattern string, h http.Handler) {
	full, err := rt.apiPattern(pattern)
	if err == nil && h == nil {
		err = errors.New("nil handler")
	}
	if err == nil {
		err = guard("route", func() error { rt.mux.Handle(full, rt.safeHandler(h)); return nil })
	}
	if err == nil {
		rt.track(func() { rt.patterns = append(rt.patterns, full) })
	}
	if err != nil {
		rt.log.Error().Err(err).Str("pattern", pattern).Msg("route rejected")
	}
}

func (rt *runtime) apiPattern(pattern string) (string, error) {
	method, path, found := strings.Cut(pattern, " ")
	if !found {
		method, path = "", pattern
	}
	path = strings.TrimSpace(path)
	if !strings.HasPrefix(path, "/") {
		return "", fmt.Errorf("pattern %q: path must start with /", pattern)
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	if reservedPaths[first] {
		return "", fmt.Errorf("pattern %q: /%s is the host's own endpoint", pattern, first)
	}
	full := APIPrefix(rt.ID()) + strings.TrimPrefix(path, "/")
	if method != "" {
		full = method + " " + full
	}
	return full, nil
}

// reservedPaths are the host's endpoints under /api/plugins/<id>/.
var reservedPaths = map[string]bool{"enable": true, "disable": true, "reload": true, "settings": true, "logs": true}

// APIPrefix is where a plugin's routes are served.
func APIPrefix(id string) string { return "/api/plugins/" + id + "/" }

// AssetPrefix is where a plugin's assets are served.
func AssetPrefix(id string) string { return "/plugins/" + id + "/" }

func (rt *runtime) safeHandler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				http.Error(w, "plugin handler failed", http.StatusInternalServerError)
				rt.fail("http", newPanicError("handler "+r.Method+" "+r.URL.Path, p))
			}
		}()
		h.ServeHTTP(w, r)
	})
}

// Assets implements Host.
func (rt *runtime) Assets(fsys fs.FS) {
	h := http.StripPrefix(strings.TrimSuffix(AssetPrefix(rt.ID()), "/"), http.FileServerFS(fsys))
	rt.mu.Lock()
	rt.assets = h
	rt.mu.Unlock()
}

// mounted lists the run's route patterns and whether it serves assets.
func (rt *runtime) mounted() ([]string, bool) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return append([]string{}, rt.patterns...), rt.assets != nil
}

func (rt *runtime) getAssets() http.Handler {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.assets
}

// AddBlocks implements Host: every block type must be namespaced by the
// plugin (see BlockPrefixes).
func (rt *runtime) AddBlocks(b action.Blocks) error {
	prefixes := ManifestBlockPrefixes(rt.in.reg.Manifest)
	for _, t := range b.Types() {
		_, typ, _ := strings.Cut(t, " ")
		if !hasAnyPrefix(typ, prefixes) {
			return fmt.Errorf("block %s: plugin block types must start with %q", t, strings.Join(prefixes, `" or "`))
		}
	}
	if err := rt.in.m.opts.Registry.AddBlocks(b); err != nil {
		return err
	}
	if !rt.track(func() {
		rt.blocks.Triggers = append(rt.blocks.Triggers, b.Triggers...)
		rt.blocks.Conditions = append(rt.blocks.Conditions, b.Conditions...)
		rt.blocks.Actions = append(rt.blocks.Actions, b.Actions...)
	}) {
		rt.in.m.opts.Registry.RemoveBlocks(b)
		return errors.New("plugin is stopping")
	}
	if f := rt.in.m.opts.BlocksChanged; f != nil {
		f()
	}
	return nil
}

// BlockPrefixes are the namespaces a plugin's block types may use: its id
// and, for ids with dashes, the camelCase form ("emoji-rain." or
// "emojiRain.").
func BlockPrefixes(id string) []string {
	out := []string{id + "."}
	parts := strings.Split(id, "-")
	if len(parts) > 1 {
		camel := parts[0]
		for _, p := range parts[1:] {
			if p != "" {
				camel += strings.ToUpper(p[:1]) + p[1:]
			}
		}
		out = append(out, camel+".")
	}
	return out
}

// ManifestBlockPrefixes is BlockPrefixes of the plugin's id plus its
// manifest's BlockPrefix, if any.
func ManifestBlockPrefixes(m Manifest) []string {
	out := BlockPrefixes(m.ID)
	if m.BlockPrefix != "" && m.BlockPrefix != m.ID {
		out = append(out, m.BlockPrefix+".")
	}
	return out
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// removeBlocks unregisters everything AddBlocks added; it reports whether
// there was anything.
func (rt *runtime) removeBlocks(reg *action.Registry) bool {
	rt.mu.Lock()
	b := rt.blocks
	rt.blocks = action.Blocks{}
	rt.mu.Unlock()
	if len(b.Types()) == 0 {
		return false
	}
	reg.RemoveBlocks(b)
	return true
}

// DecodeSettings implements Host.
func (rt *runtime) DecodeSettings(v any) error {
	cfg, err := rt.in.m.settings(rt.in)
	if err != nil {
		return err
	}
	return cfg.Decode(v)
}

// KV implements Host.
func (rt *runtime) KV() KV { return kv{st: rt.in.m.opts.Store, id: rt.ID()} }

// Every implements Host.
func (rt *runtime) Every(d time.Duration, fn func()) {
	if d <= 0 {
		rt.log.Error().Dur("every", d).Msg("timer rejected: interval must be positive")
		return
	}
	rt.Go(func(ctx context.Context) {
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

// Go implements Host.
func (rt *runtime) Go(fn func(ctx context.Context)) {
	rt.spawn(func() {
		if err := guard("goroutine", func() error { fn(rt.ctx); return nil }); err != nil {
			rt.fail("run", err)
		}
	})
}

// spawn starts fn on a goroutine shutdown waits for (nothing once stopping).
func (rt *runtime) spawn(fn func()) {
	if !rt.track(func() { rt.wg.Add(1) }) {
		return
	}
	go func() {
		defer rt.wg.Done()
		fn()
	}()
}

// track runs record under rt.mu unless the run is stopping.
func (rt *runtime) track(record func()) bool {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.stopped {
		return false
	}
	record()
	return true
}

// shutdown cancels the run's context, closes its subscriptions and waits
// for its goroutines until ctx ends.
func (rt *runtime) shutdown(ctx context.Context) error {
	rt.mu.Lock()
	rt.stopped = true
	subs := rt.subs
	rt.subs = nil
	rt.mu.Unlock()
	rt.cancel()
	for _, s := range subs {
		s.Close()
	}
	done := make(chan struct{})
	go func() {
		rt.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("goroutines did not end within the stop timeout: %w", ctx.Err())
	}
}

// Package plugin is LTTH's plugin host: built-in plugins (plugins/<id>/)
// register a constructor here, Caddy-style, and the host runs the enabled
// ones for the open profile. A plugin reaches the rest of LTTH only through
// the Host it is given at Start: no globals.
//
// This file is the contract between the host and the plugins; host.go and
// friends implement it.
package plugin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// Manifest is a plugin's plugin.json.
type Manifest struct {
	ID             string             `json:"id"`
	Name           string             `json:"name"`
	Version        string             `json:"version"`
	Description    string             `json:"description"`
	Author         string             `json:"author"`
	Permissions    []string           `json:"permissions"`
	DefaultEnabled bool               `json:"defaultEnabled"`
	Settings       []action.FieldSpec `json:"settings"`
	// Overlays lists the overlay pages under /plugins/<id>/ (e.g.
	// "overlay.html") with their suggested browser-source size.
	Overlays []Overlay `json:"overlays,omitempty"`
	// BlockPrefix is an extra namespace for the plugin's flow block types
	// besides "<id>." (e.g. "sound" for the soundboard's "sound.play").
	BlockPrefix string `json:"blockPrefix,omitempty"`
	// Page is a dashboard page the plugin ships under /plugins/<id>/;
	// empty means the dashboard renders a form from Settings.
	Page string `json:"page,omitempty"`
	// I18n holds the shown texts in other languages ("de": Texts); checked
	// strictly by ParseManifest.
	I18n map[string]Texts `json:"i18n,omitempty"`
}

// Overlay is one overlay page of a plugin.
type Overlay struct {
	Path   string `json:"path"`
	Name   string `json:"name"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9-]{1,31}$`)

// ParseManifest decodes and checks a plugin.json.
func ParseManifest(raw []byte) (Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return m, fmt.Errorf("plugin.json: %w", err)
	}
	if !idPattern.MatchString(m.ID) {
		return m, fmt.Errorf("plugin.json: id %q must be 2-32 lowercase letters, digits or dashes", m.ID)
	}
	if m.BlockPrefix != "" && !idPattern.MatchString(m.BlockPrefix) {
		return m, fmt.Errorf("plugin %s: blockPrefix %q must be 2-32 lowercase letters, digits or dashes", m.ID, m.BlockPrefix)
	}
	if m.Name == "" || m.Version == "" {
		return m, fmt.Errorf("plugin %s: name and version are required", m.ID)
	}
	return m, parseTexts(&m, raw)
}

// Plugin is one running instance. The constructor that makes it must have
// no side effects; Start does the work and returns promptly (long work
// runs in goroutines from Host.Go); Stop releases everything. The host
// unmounts routes, assets and blocks and stops timers and subscriptions
// itself after Stop.
type Plugin interface {
	Start(ctx context.Context, h Host) error
	Stop(ctx context.Context) error
}

// SettingsReloader is implemented by plugins that apply new settings
// without a restart; the host restarts the others when settings change.
type SettingsReloader interface {
	SettingsChanged() error
}

// Host is everything a plugin may use. Every registration is namespaced by
// the plugin's id and undone by the host when the plugin stops.
type Host interface {
	ID() string
	Log() zerolog.Logger

	// Subscribe calls fn for every bus message filter accepts, in order, on
	// one goroutine the host owns. counting=true makes delivery lossless
	// (the publisher waits when fn falls behind); otherwise the plugin may
	// shed messages under load.
	Subscribe(name string, filter func(*domain.Message) bool, counting bool, fn func(domain.Message))
	// Publish emits a plugin event: bus type "plugin:<id>:<event>", which
	// the flow engine's plugin.event trigger fires on and overlays receive.
	Publish(event string, data any)
	// PublishState emits retained state for overlays (snapshot on connect):
	// type "plugin:<id>:<kind>", key "plugin:<id>:<key>".
	PublishState(kind, key string, data any)

	// Handle serves pattern under /api/plugins/<id>/, e.g. "GET /status"
	// is served as "GET /api/plugins/<id>/status". GET routes under
	// /media/ ("GET /media/audio/{id}") are public, for overlays in OBS;
	// every other route needs the bearer token, GET included (overlays
	// read plugin state from /ws via PublishState).
	Handle(pattern string, h http.Handler)
	// Assets serves fsys under /plugins/<id>/ (overlays, its own page).
	Assets(fsys fs.FS)
	// AddBlocks registers the plugin's flow blocks on the profile registry.
	AddBlocks(b action.Blocks) error

	// DecodeSettings decodes the plugin's settings (defaults from the
	// manifest's schema filled in) into v.
	DecodeSettings(v any) error
	// KV is the plugin's own storage in the profile database.
	KV() KV

	// Every runs fn every d until the plugin stops.
	Every(d time.Duration, fn func())
	// Go runs fn in a goroutine the host waits for on stop; ctx ends at stop.
	Go(fn func(ctx context.Context))
}

// KV is a plugin's namespaced key-value storage (values are JSON).
type KV interface {
	Get(key string) ([]byte, bool, error)
	Put(key string, value []byte) error
	Delete(key string) error
	Keys() ([]string, error)
}

// MediaPath is the listener pattern of plugins' public media routes
// (Handle("GET /media/…")): overlays read them without the token.
const MediaPath = "/api/plugins/{id}/media/{path...}"

// Registration is one built-in plugin: its plugin.json and a
// side-effect-free constructor.
type Registration struct {
	Manifest Manifest
	New      func() Plugin
}

var (
	regMu sync.Mutex
	regs  = map[string]Registration{}
)

// ErrRegistered is returned for a second plugin with the same id.
var ErrRegistered = errors.New("plugin id already registered")

// Register adds a built-in plugin (called from the plugin package's init,
// with its embedded plugin.json). It panics on a broken manifest or a
// duplicate id: both are programming errors caught by any test.
func Register(manifestJSON []byte, ctor func() Plugin) {
	m, err := ParseManifest(manifestJSON)
	if err != nil {
		panic(err)
	}
	regMu.Lock()
	defer regMu.Unlock()
	if _, dup := regs[m.ID]; dup {
		panic(fmt.Errorf("%s: %w", m.ID, ErrRegistered))
	}
	regs[m.ID] = Registration{Manifest: m, New: ctor}
}

// Registered lists the built-in plugins by id.
func Registered() []Registration {
	regMu.Lock()
	defer regMu.Unlock()
	out := make([]Registration, 0, len(regs))
	for _, r := range regs {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Manifest.ID < out[j].Manifest.ID })
	return out
}

// DataDirHost is implemented by hosts that give each plugin a private
// directory for files (a sound library, a cache) in the profile's data
// directory. Plugins reach it through DataDir.
type DataDirHost interface {
	DataDir() (string, error)
}

// DataDir is the plugin's own directory for files: the host's when it
// provides one (DataDirHost), else <user cache dir>/ltth/plugins/<id>. It
// exists when DataDir returns.
func DataDir(h Host) (string, error) {
	var dir string
	if d, ok := h.(DataDirHost); ok {
		var err error
		if dir, err = d.DataDir(); err != nil {
			return "", err
		}
	} else {
		base, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("plugin %s: no data directory: %w", h.ID(), err)
		}
		dir = filepath.Join(base, "ltth", "plugins", h.ID())
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("plugin %s: data directory: %w", h.ID(), err)
	}
	return dir, nil
}

package plugin

import (
	"net/http"
	"sync"

	"github.com/ltth/ltth/backend/action"
)

// instance is one hosted plugin: its registration, persisted enabled flag,
// reported state, log ring, and the runtime of its current run (nil when
// not running).
type instance struct {
	m    *Manager
	reg  Registration
	logs *logRing

	mu      sync.Mutex
	enabled bool
	state   string
	err     string
	run     *runtime
}

func newInstance(m *Manager, r Registration) *instance {
	return &instance{m: m, reg: r, logs: newLogRing(200), state: StateStopped}
}

func (in *instance) id() string { return in.reg.Manifest.ID }

func (in *instance) current() *runtime {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.run
}

func (in *instance) attach(rt *runtime) {
	in.mu.Lock()
	in.run = rt
	in.mu.Unlock()
}

// detach unmounts rt (routes and assets answer 404 from now on).
func (in *instance) detach(rt *runtime) {
	in.mu.Lock()
	if in.run == rt {
		in.run = nil
	}
	in.mu.Unlock()
}

func (in *instance) setState(state, msg string) {
	in.mu.Lock()
	in.state, in.err = state, msg
	in.mu.Unlock()
}

func (in *instance) setEnabled(on bool) {
	in.mu.Lock()
	in.enabled = on
	in.mu.Unlock()
}

func (in *instance) isEnabled() bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.enabled
}

// routes returns the running plugin's API mux and asset handler.
func (in *instance) routes() (api *http.ServeMux, assets http.Handler) {
	rt := in.current()
	if rt == nil {
		return nil, nil
	}
	return rt.mux, rt.getAssets()
}

// Info describes a plugin for GET /api/plugins and the dashboard.
type Info struct {
	ID          string             `json:"id"`
	Name        string             `json:"name"`
	Version     string             `json:"version"`
	Description string             `json:"description"`
	Author      string             `json:"author"`
	Permissions []string           `json:"permissions"`
	Enabled     bool               `json:"enabled"`
	State       string             `json:"state"`
	Error       string             `json:"error,omitempty"`
	Overlays    []Overlay          `json:"overlays"`
	Settings    []action.FieldSpec `json:"settings"` // the settings schema
	Page        string             `json:"page,omitempty"`
	// I18n are the manifest's texts in other languages (the dashboard picks one).
	I18n map[string]Texts `json:"i18n,omitempty"`
	// Routes are the running plugin's route patterns; Assets whether it
	// serves files under /plugins/<id>/.
	Routes []string `json:"routes"`
	Assets bool     `json:"assets"`
}

func (in *instance) info() Info {
	mf := in.reg.Manifest
	in.mu.Lock()
	defer in.mu.Unlock()
	routes := []string{}
	assets := false
	if in.run != nil {
		routes, assets = in.run.mounted()
	}
	inf := Info{Routes: routes, Assets: assets, ID: mf.ID, Name: mf.Name, Version: mf.Version, Description: mf.Description,
		Author: mf.Author, Permissions: mf.Permissions, Enabled: in.enabled, State: in.state,
		Error: in.err, Overlays: mf.Overlays, Settings: mf.Settings, Page: mf.Page, I18n: mf.I18n}
	if inf.Permissions == nil {
		inf.Permissions = []string{}
	}
	if inf.Overlays == nil {
		inf.Overlays = []Overlay{}
	}
	if inf.Settings == nil {
		inf.Settings = []action.FieldSpec{}
	}
	return inf
}

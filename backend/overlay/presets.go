package overlay

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// TypePreset is published when a preset is saved or deleted
// ({"name": ...}), so overlay pages showing it re-read it at once.
const TypePreset = "overlayPreset"

// Preset is one saved overlay look, as the API sends it.
type Preset struct {
	Name      string            `json:"name"`
	Overlay   string            `json:"overlay"`
	Params    map[string]string `json:"params"`
	CSS       string            `json:"css"`
	UpdatedAt time.Time         `json:"updatedAt"`
}

// PresetStore is what the presets module needs of the profile database.
type PresetStore interface {
	List() ([]Preset, error)
	Get(name string) (Preset, error) // a missing one wraps httpapi.ErrNotFound
	Put(p Preset) error
	Delete(name string) error // a missing one wraps httpapi.ErrNotFound
}

// Publisher is the part of the bus the module uses.
type Publisher interface{ Publish(domain.Message) }

// Presets serves the overlay designer's saved presets: the dashboard edits
// them under /api/overlay-presets (token), overlay pages read one without
// the token under /overlay/presets/{name} (its params) and
// /overlay/presets/{name}/style.css (its sanitised custom CSS).
type Presets struct {
	store PresetStore
	bus   Publisher
}

// NewPresets creates the presets module of one profile.
func NewPresets(s PresetStore, b Publisher) *Presets { return &Presets{store: s, bus: b} }

var (
	_ module.Module        = (*Presets)(nil)
	_ module.RouteProvider = (*Presets)(nil)
)

// ID implements module.Module.
func (*Presets) ID() string { return "overlay-presets" }

// Start implements module.Module (nothing runs in the background).
func (*Presets) Start(context.Context) error { return nil }

// Stop implements module.Module.
func (*Presets) Stop(context.Context) error { return nil }

// Routes implements module.RouteProvider.
func (p *Presets) Routes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/overlay-presets", Handler: http.HandlerFunc(p.handleList),
			Summary: "Overlay designer presets (style params + custom CSS)"},
		{Pattern: "PUT /api/overlay-presets/{name}", Handler: http.HandlerFunc(p.handlePut),
			Summary: "Create or replace an overlay preset; params are validated strictly, CSS sanitised"},
		{Pattern: "DELETE /api/overlay-presets/{name}", Handler: http.HandlerFunc(p.handleDelete),
			Summary: "Delete an overlay preset"},
		{Pattern: "GET /overlay/presets/{name}", Handler: http.HandlerFunc(p.handlePublic),
			Summary: "An overlay preset's style params, for overlay pages (?preset=name)"},
		{Pattern: "GET /overlay/presets/{name}/style.css", Handler: http.HandlerFunc(p.handleCSS),
			Summary: "An overlay preset's sanitised custom CSS, applied inside that overlay page only"},
	}
}

// The dashboard's handlers only decode and encode: the service
// (presetsvc.go) holds the logic both transports share.
func (p *Presets) handleList(w http.ResponseWriter, r *http.Request) {
	list, err := p.Service().List(r.Context())
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, list)
}

func (p *Presets) handlePut(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Overlay string            `json:"overlay"`
		Params  map[string]string `json:"params"`
		CSS     string            `json:"css"`
	}
	if err := httpapi.DecodeStrict(r, &body); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	saved, err := p.Service().Put(r.Context(), PutPresetRequest{Name: r.PathValue("name"),
		Overlay: body.Overlay, Params: body.Params, CSS: body.CSS})
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, saved)
}

func (p *Presets) handleDelete(w http.ResponseWriter, r *http.Request) {
	if _, err := p.Service().Delete(r.Context(), PresetRequest{Name: r.PathValue("name")}); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handlePublic answers a preset's params (never anything else of the
// profile) for the overlay page.
func (p *Presets) handlePublic(w http.ResponseWriter, r *http.Request) {
	pr, err := p.store.Get(r.PathValue("name"))
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{
		"name": pr.Name, "params": pr.Params, "css": strings.TrimSpace(pr.CSS) != "",
	})
}

func (p *Presets) handleCSS(w http.ResponseWriter, r *http.Request) {
	pr, err := p.store.Get(r.PathValue("name"))
	if err != nil && !errors.Is(err, httpapi.ErrNotFound) {
		httpapi.WriteError(w, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/css; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write([]byte(SanitizeCSS(pr.CSS))) // stored sanitised; again in case of an old row
}

func (p *Presets) changed(name string) {
	if p.bus != nil {
		p.bus.Publish(domain.Message{Type: TypePreset, TS: time.Now().UnixMilli(), Data: map[string]string{"name": name}})
	}
}

// ValidatePreset checks a preset before it is stored: a valid name, an
// overlay id, strictly valid params; the CSS is sanitised and bounded.
func ValidatePreset(p Preset) (Preset, error) {
	if !ValidPresetName(p.Name) {
		return p, httpapi.NewError(httpapi.ErrInvalid,
			fmt.Sprintf("preset name %q: use 1-40 letters, digits, spaces, '_', '.' or '-'", p.Name))
	}
	p.Overlay = strings.TrimSpace(p.Overlay)
	if p.Overlay == "" || len(p.Overlay) > 200 {
		return p, httpapi.NewError(httpapi.ErrInvalid, "overlay is required (the overlay page the preset is for)")
	}
	if len(p.CSS) > MaxCustomCSS {
		return p, httpapi.NewError(httpapi.ErrInvalid, fmt.Sprintf("custom CSS is %d bytes; at most %d", len(p.CSS), MaxCustomCSS))
	}
	params, err := CleanParams(p.Params)
	if err != nil {
		return p, httpapi.NewError(httpapi.ErrInvalid, "preset params: "+err.Error())
	}
	p.Params = params
	p.CSS = SanitizeCSS(p.CSS)
	return p, nil
}

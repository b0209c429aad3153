package overlay

import (
	"context"
	"strings"
)

// PresetService is the overlay designer's presets as both transports reach
// them: the REST handlers (presets.go) and the desktop's bindings call these
// methods (core/service gathers it as Services.OverlayPresets). The overlay
// pages' own reads (/overlay/presets/…) are not part of it.
type PresetService struct{ p *Presets }

// Service answers the presets module's service.
func (p *Presets) Service() *PresetService { return &PresetService{p} }

// PutPresetRequest creates or replaces preset Name (surrounding spaces are
// trimmed); Params are validated strictly, CSS is sanitised.
type PutPresetRequest struct {
	Name    string            `json:"name"`
	Overlay string            `json:"overlay"`
	Params  map[string]string `json:"params"`
	CSS     string            `json:"css"`
}

// PresetRequest names one preset.
type PresetRequest struct {
	Name string `json:"name"`
}

// PresetDeleted is what a delete removed.
type PresetDeleted struct {
	Name    string `json:"name"`
	Deleted bool   `json:"deleted"`
}

// List answers every saved preset.
func (s *PresetService) List(context.Context) ([]Preset, error) {
	list, err := s.p.store.List()
	if list == nil {
		list = []Preset{}
	}
	return list, err
}

// Put validates and saves a preset, tells overlay pages showing it, and
// answers it as stored.
func (s *PresetService) Put(_ context.Context, req PutPresetRequest) (Preset, error) {
	name := strings.TrimSpace(req.Name)
	pr, err := ValidatePreset(Preset{Name: name, Overlay: req.Overlay, Params: req.Params, CSS: req.CSS})
	if err != nil {
		return Preset{}, err
	}
	if err := s.p.store.Put(pr); err != nil {
		return Preset{}, err
	}
	s.p.changed(name)
	return s.p.store.Get(name)
}

// Delete removes a preset and tells overlay pages showing it.
func (s *PresetService) Delete(_ context.Context, req PresetRequest) (PresetDeleted, error) {
	if err := s.p.store.Delete(req.Name); err != nil {
		return PresetDeleted{}, err
	}
	s.p.changed(req.Name)
	return PresetDeleted{Name: req.Name, Deleted: true}, nil
}

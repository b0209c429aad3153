package core

import (
	"github.com/ltth/ltth/backend/overlay"
	"github.com/ltth/ltth/backend/store"
)

// presetStore adapts the profile database to the overlay presets module.
type presetStore struct{ db *store.DB }

func (s presetStore) List() ([]overlay.Preset, error) {
	list, err := s.db.OverlayPresets()
	out := make([]overlay.Preset, 0, len(list))
	for _, p := range list {
		out = append(out, overlay.Preset(p))
	}
	return out, err
}

func (s presetStore) Get(name string) (overlay.Preset, error) {
	p, err := s.db.OverlayPreset(name)
	return overlay.Preset(p), err
}

func (s presetStore) Put(p overlay.Preset) error {
	return s.db.PutOverlayPreset(store.OverlayPreset(p))
}

func (s presetStore) Delete(name string) error { return s.db.DeleteOverlayPreset(name) }

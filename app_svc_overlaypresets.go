package main

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/overlay"
)

// OverlayPresetsService is overlay.PresetService bound to the window.
type OverlayPresetsService struct{ app *App }

// List answers every preset; see overlay.PresetService.List.
func (s *OverlayPresetsService) List() ([]overlay.Preset, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]overlay.Preset, error) {
		return v.OverlayPresets.List(ctx)
	})
}

// Put saves a preset; see overlay.PresetService.Put.
func (s *OverlayPresetsService) Put(req overlay.PutPresetRequest) (overlay.Preset, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (overlay.Preset, error) {
		return v.OverlayPresets.Put(ctx, req)
	})
}

// Delete removes a preset; see overlay.PresetService.Delete.
func (s *OverlayPresetsService) Delete(req overlay.PresetRequest) (overlay.PresetDeleted, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (overlay.PresetDeleted, error) {
		return v.OverlayPresets.Delete(ctx, req)
	})
}

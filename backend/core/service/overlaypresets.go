package service

// OverlayPresets: overlay.PresetService (backend/overlay/presetsvc.go). The
// overlay pages' public reads (/overlay/presets/{name}[/style.css]) are no
// dashboard calls.
func init() {
	declare(map[string]string{
		"OverlayPresets.List":   "GET /api/overlay-presets",
		"OverlayPresets.Put":    "PUT /api/overlay-presets/{name}",
		"OverlayPresets.Delete": "DELETE /api/overlay-presets/{name}",
	}, nil)
}

package alert

import (
	"sort"

	"github.com/ltth/ltth/backend/action"
)

// Animations are the entry animations the alert overlay plays
// (backend/overlay/static/overlay alerts.js and alerts.css; a test keeps
// them in step). The first is the overlay's fallback for unknown names.
var Animations = []action.Option{
	{Value: "pop", Label: "Pop"}, {Value: "fade", Label: "Fade"}, {Value: "slide", Label: "Slide in"},
	{Value: "slide-up", Label: "Slide up"}, {Value: "bounce", Label: "Bounce"},
	{Value: "zoom", Label: "Zoom"}, {Value: "drop", Label: "Drop"},
}

// ScreensPath answers the screens an alert can go to, for the flow editor's
// screen dropdown (action.FieldSpec.OptionsURL).
const ScreensPath = "/api/alerts/screens"

// Screens lists the screens in use: the default one, those the per-event
// configs send to and those alerts have been shown on, sorted.
func (m *Module) Screens() []string {
	set := map[string]bool{DefaultScreen: true}
	m.mu.Lock()
	for _, c := range m.configs {
		if c.Screen != "" {
			set[c.Screen] = true
		}
	}
	for name := range m.screens {
		set[name] = true
	}
	m.mu.Unlock()
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

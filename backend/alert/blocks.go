package alert

import (
	"context"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
)

// The interfaces core discovers on this module.
var (
	_ module.Module        = (*Module)(nil)
	_ module.RouteProvider = (*Module)(nil)
	_ action.BlockProvider = (*Module)(nil)
)

// Blocks implements action.BlockProvider: the alert.show action, which
// sends a TypeRequest message this module queues on its screen with the
// other alerts.
func (m *Module) Blocks() action.Blocks {
	return action.Blocks{Actions: []action.Action{ShowAction()}}
}

// ShowAction is alert.show. With "Text is HTML" set, the alert carries the
// text rendered for HTML as well (the template's own markup kept, inserted
// values escaped); the overlay shows it through its tag allow-list.
func ShowAction() action.Action {
	return action.Action{
		Info: action.Info{Type: "alert.show", Name: "Show alert", Category: action.CategoryOverlay,
			Fields: []action.FieldSpec{
				{Name: "text", Label: "Text", Kind: action.FieldTemplate, Default: "{nickname}"}, action.HTMLField(),
				action.URLField("imageUrl", "Image URL"), action.URLField("soundUrl", "Sound URL"),
				action.URLField("videoUrl", "Video URL"), action.DurationField(DefaultDurationMs),
				{Name: "screen", Label: "Screen", Kind: action.FieldSelect, Default: DefaultScreen, OptionsURL: ScreensPath,
					Help: "The overlay screen (queue) the alert goes to; set a type's screen on the Alerts page to add one."},
				{Name: "animation", Label: "Animation", Kind: action.FieldSelect, Options: Animations, Default: Animations[0].Value, Open: true}}},
		DryRunSafe: true,
		Execute:    execShow,
	}
}

func execShow(_ context.Context, run *action.Run) error {
	c := run.Config()
	a := Alert{ID: "fa" + newID()[:12], Screen: c.String("screen"), EventType: "flow", Text: run.Text("text"),
		DurationMs: int(c.Int("durationMs")), Animation: c.String("animation"), Event: run.Event, FlowID: run.FlowID}
	if run.Event != nil {
		a.EventType = string(run.Event.Type)
	}
	if c.Bool("html") {
		a.HTML = run.HTML("text")
	}
	var err error
	for _, u := range []struct {
		name string
		dst  *string
	}{{"imageUrl", &a.ImageURL}, {"soundUrl", &a.SoundURL}, {"videoUrl", &a.VideoURL}} {
		if *u.dst, err = action.MediaURL(run, u.name); err != nil {
			return err
		}
	}
	run.Notef("alert on screen %q: %q", a.Screen, a.Text)
	run.Publish(domain.Message{Type: TypeRequest, Data: a})
	return nil
}

package overlay

import (
	"context"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// TypeItem is the bus type of the items flows put on the main overlay
// (overlay.text, overlay.image, overlay.video, overlay.clear); items.js in
// /overlay.html shows them.
const TypeItem = "overlay"

// Item is the payload of a TypeItem message.
type Item struct {
	Kind       string `json:"kind"` // text, image, video, clear
	Text       string `json:"text,omitempty"`
	HTML       string `json:"html,omitempty"` // Text as HTML ("Text is HTML"); shown through the tag allow-list
	URL        string `json:"url,omitempty"`
	DurationMs int    `json:"durationMs"`
	Position   string `json:"position,omitempty"`
	FlowID     string `json:"flowId"`
}

// FlowBlocks is the overlay's action.BlockProvider. The overlay pages are
// not a module with a lifecycle, so core adds it next to the modules.
type FlowBlocks struct{}

var _ action.BlockProvider = FlowBlocks{}

// Blocks returns the overlay.* actions.
func (FlowBlocks) Blocks() action.Blocks {
	return action.Blocks{Actions: []action.Action{
		itemAction("text", "Overlay text"), itemAction("image", "Overlay image"),
		itemAction("video", "Overlay video"), itemAction("clear", "Clear overlay")}}
}

func positionField() action.FieldSpec {
	var opts []action.Option
	for _, p := range []string{"center", "top", "bottom", "left", "right", "top-left", "top-right", "bottom-left", "bottom-right"} {
		opts = append(opts, action.Option{Value: p, Label: p})
	}
	return action.FieldSpec{Name: "position", Label: "Position", Kind: action.FieldSelect, Options: opts, Default: "center"}
}

// itemAction shows text, an image or a video on the main overlay, or
// clears it.
func itemAction(kind, name string) action.Action {
	fields := []action.FieldSpec{}
	switch kind {
	case "text":
		fields = append(fields, action.FieldSpec{Name: "text", Label: "Text", Kind: action.FieldTemplate, Required: true}, action.HTMLField())
	case "image", "video":
		u := action.URLField("url", "URL")
		u.Required = true
		fields = append(fields, u)
	}
	if kind != "clear" {
		fields = append(fields, action.DurationField(5000), positionField())
	}
	return action.Action{
		Info:       action.Info{Type: "overlay." + kind, Name: name, Category: action.CategoryOverlay, Fields: fields},
		DryRunSafe: true,
		Execute: func(_ context.Context, run *action.Run) error {
			c := run.Config()
			d := Item{Kind: kind, DurationMs: int(c.Int("durationMs")), Position: c.String("position"), FlowID: run.FlowID}
			switch kind {
			case "text":
				d.Text = run.Text("text")
				if c.Bool("html") {
					d.HTML = run.HTML("text")
				}
			case "image", "video":
				u, err := action.MediaURL(run, "url")
				if err != nil {
					return err
				}
				d.URL = u
			}
			run.Notef("overlay %s %q", kind, d.Text+d.URL)
			run.Publish(domain.Message{Type: TypeItem, Data: d})
			return nil
		},
	}
}

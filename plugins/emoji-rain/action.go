package emojirain

import (
	"context"
	"fmt"
	"strings"

	"github.com/ltth/ltth/backend/action"
)

// ActionRain is the flow action's type id.
const ActionRain = "emojiRain.rain"

func (p *Plugin) blocks() action.Blocks {
	return action.Blocks{Actions: []action.Action{{
		Info: action.Info{Type: ActionRain, Name: "Emoji rain", Category: "Overlay",
			Description: "Lets emojis, text or a picture rain down on the emoji-rain overlay.",
			Fields: []action.FieldSpec{
				{Name: "emoji", Label: "Emojis or text", Kind: action.FieldTemplate,
					Help: "separated by spaces; empty = the allowed emojis"},
				{Name: "count", Label: "How many", Kind: action.FieldNumber, Default: 20, Help: "1 to 500"},
				{Name: "imageUrl", Label: "Picture URL (optional)", Kind: action.FieldText, Help: "http(s) only"},
			}},
		DryRunSafe: true,
		Validate:   validateRain,
		Execute:    p.execRain,
	}}}
}

func validateRain(c *action.Config) error {
	if n := c.Number("count"); n < 1 || n > MaxPerRain {
		return fmt.Errorf("count must be between 1 and %d", MaxPerRain)
	}
	if u := c.String("imageUrl"); u != "" && SafeURL(u) == "" {
		return fmt.Errorf("imageUrl must be an http(s) URL")
	}
	return nil
}

func (p *Plugin) execRain(ctx context.Context, run *action.Run) error {
	c := run.Config()
	if err := validateRain(c); err != nil {
		return err
	}
	r := Rain{Count: int(c.Number("count")), ImageURL: SafeURL(c.String("imageUrl")), Reason: "flow"}
	for _, f := range strings.Fields(run.Text("emoji")) {
		if len(f) <= 64 {
			r.Emojis = append(r.Emojis, f)
		}
	}
	if len(r.Emojis) == 0 {
		r.Emojis = p.settings().Emojis
	}
	if run.DryRun {
		run.Notef("would rain %d × %s", r.Count, strings.Join(r.Emojis, " "))
		return nil
	}
	p.h.Publish(EventRain, r)
	return nil
}

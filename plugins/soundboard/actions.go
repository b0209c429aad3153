package soundboard

import (
	"context"
	"fmt"

	"github.com/ltth/ltth/backend/action"
)

// Flow action types.
const (
	ActionPlay    = "sound.play"
	ActionStopAll = "sound.stopAll"
)

func (p *Plugin) blocks() action.Blocks {
	return action.Blocks{Actions: []action.Action{{
		Info: action.Info{Type: ActionPlay, Name: "Play sound", Category: "Sound",
			Description: "Plays a sound from the soundboard library (its id) or an http(s) URL on the soundboard overlay.",
			Fields: []action.FieldSpec{
				{Name: "sound", Label: "Sound (library id or URL)", Kind: action.FieldTemplate, Required: true},
				{Name: "volume", Label: "Volume (%)", Kind: action.FieldNumber, Default: 100, Help: "0 to 100"},
			}},
		DryRunSafe: true,
		Validate:   validatePlay,
		Execute:    p.execPlay,
	}, {
		Info: action.Info{Type: ActionStopAll, Name: "Stop all sounds", Category: "Sound",
			Description: "Stops every sound and animation of the soundboard and empties its queue."},
		DryRunSafe: true,
		Execute: func(ctx context.Context, run *action.Run) error {
			if run.DryRun {
				run.Notef("would stop all sounds")
				return nil
			}
			p.h.Publish(EventStop, map[string]any{})
			return nil
		},
	}}}
}

func validatePlay(c *action.Config) error {
	if v := c.Number("volume"); v < 0 || v > 100 {
		return fmt.Errorf("volume must be between 0 and 100")
	}
	return nil
}

func (p *Plugin) execPlay(ctx context.Context, run *action.Run) error {
	c := run.Config()
	if err := validatePlay(c); err != nil {
		return err
	}
	sound := run.Text("sound")
	if run.DryRun {
		run.Notef("would play %s at %.0f%%", sound, c.Number("volume"))
		return nil
	}
	played, err := p.play(sound, c.Number("volume")/100, "", "", 0, "flow", "")
	if err == nil && !played {
		run.Notef("muted: %s not played", sound)
	}
	return err
}

package multicam

import (
	"context"
	"fmt"

	"github.com/ltth/ltth/backend/action"
)

// blocks: the multicam.switch action (cooldowns apply, role gates do not).
func (p *Plugin) blocks() action.Blocks {
	return action.Blocks{Actions: []action.Action{{
		Info: action.Info{Type: "multicam.switch", Name: "Switch camera", Category: "Multi-cam",
			Description: "Switches to a camera scene: a number (1 = first camera), next, prev, main or a scene name.",
			Fields: []action.FieldSpec{{Name: "camera", Label: "Camera", Kind: action.FieldTemplate, Required: true, Default: "next"},
				{Name: "ignoreCooldown", Label: "Ignore the cooldown", Kind: action.FieldBool}}},
		Execute: func(_ context.Context, run *action.Run) error {
			arg := run.Text("camera")
			if run.DryRun {
				run.Notef("would switch to camera %q", arg)
				return nil
			}
			if run.Config().Bool("ignoreCooldown") {
				p.mu.Lock()
				p.last = p.last.Add(-24 * 3600e9)
				p.mu.Unlock()
			}
			scene := p.Switch(arg, "", "flow")
			if scene == "" {
				return fmt.Errorf("camera %q: no such camera, or the cooldown is running", arg)
			}
			run.Notef("switched to %s", scene)
			return nil
		},
	}}}
}

package vdoninja

import (
	"context"

	"github.com/ltth/ltth/backend/action"
)

// Flow action type ids.
const (
	ActionMute   = "vdoninja.mute"
	ActionSolo   = "vdoninja.solo"
	ActionVolume = "vdoninja.volume"
	ActionLayout = "vdoninja.layout"
)

func guestField() action.FieldSpec {
	return action.FieldSpec{Name: "guest", Label: "Guest slot", Kind: action.FieldNumber, Required: true, Help: "1-based, as in the invite links"}
}

func (p *Plugin) blocks() action.Blocks {
	mk := func(typ, name, desc string, fields []action.FieldSpec, change func(c *action.Config, ctl *Controls) ([]Command, error)) action.Action {
		return action.Action{
			Info:       action.Info{Type: typ, Name: name, Category: "VDO.Ninja", Description: desc, Fields: fields},
			DryRunSafe: true,
			Validate: func(c *action.Config) error {
				probe := Controls{}
				probe.fit(99)
				_, err := change(c, &probe)
				return err
			},
			Execute: func(ctx context.Context, run *action.Run) error {
				c := run.Config()
				if run.DryRun {
					probe := p.State().Controls
					cmds, err := change(c, &probe)
					for _, cmd := range cmds {
						run.Notef("would send %s to guest %q: %v", cmd.Action, cmd.Target, cmd.Value)
					}
					return err
				}
				return p.control(func(ctl *Controls) ([]Command, error) { return change(c, ctl) })
			},
		}
	}
	slot := func(c *action.Config) int { return int(c.Int("guest")) }
	return action.Blocks{Actions: []action.Action{
		mk(ActionMute, "Mute a guest", "Mutes or unmutes a guest's microphone.",
			[]action.FieldSpec{guestField(), {Name: "muted", Label: "Muted", Kind: action.FieldBool, Default: true}},
			func(c *action.Config, ctl *Controls) ([]Command, error) { return ctl.Mute(slot(c), c.Bool("muted")) }),
		mk(ActionSolo, "Solo a guest", "Highlights one guest (or ends it).",
			[]action.FieldSpec{guestField(), {Name: "solo", Label: "Solo", Kind: action.FieldBool, Default: true}},
			func(c *action.Config, ctl *Controls) ([]Command, error) { return ctl.Solo(slot(c), c.Bool("solo")) }),
		mk(ActionVolume, "Guest volume", "Sets a guest's volume, 0 to 200 (100 = normal).",
			[]action.FieldSpec{guestField(), {Name: "volume", Label: "Volume", Kind: action.FieldNumber, Required: true, Default: 100}},
			func(c *action.Config, ctl *Controls) ([]Command, error) {
				return ctl.Volume(slot(c), int(c.Int("volume")))
			}),
		mk(ActionLayout, "VDO.Ninja layout", "Switches the layout: 0 = auto-mixer, n = the nth of &layouts.",
			[]action.FieldSpec{{Name: "layout", Label: "Layout", Kind: action.FieldNumber, Required: true}},
			func(c *action.Config, ctl *Controls) ([]Command, error) { return ctl.SetLayout(int(c.Int("layout"))) }),
	}}
}

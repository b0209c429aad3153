package vrchat

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/ltth/ltth/backend/action"
)

const cat = "VRChat"

func presetOptions() []action.Option {
	names := make([]string, 0, len(Presets))
	for n := range Presets {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]action.Option, len(names))
	for i, n := range names {
		out[i] = action.Option{Value: n, Label: n}
	}
	return out
}

func paramOptions() []action.Option {
	names := make([]string, 0, len(StandardParameters))
	for n := range StandardParameters {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]action.Option, len(names))
	for i, n := range names {
		out[i] = action.Option{Value: n, Label: n + " (" + StandardParameters[n] + ")"}
	}
	return out
}

func (p *Plugin) blocks() action.Blocks {
	return action.Blocks{Actions: []action.Action{
		{Info: action.Info{Type: "vrchat.preset", Name: "VRChat preset", Category: cat,
			Fields: []action.FieldSpec{{Name: "preset", Label: "Preset", Kind: action.FieldSelect, Options: presetOptions(), Default: "Wave"}}},
			Execute: func(_ context.Context, run *action.Run) error {
				name := run.Config().String("preset")
				if run.DryRun {
					run.Notef("would play preset %s", name)
					return nil
				}
				return p.Preset(name)
			}},
		{Info: action.Info{Type: "vrchat.parameter", Name: "VRChat avatar parameter", Category: cat,
			Fields: []action.FieldSpec{
				{Name: "parameter", Label: "Parameter", Kind: action.FieldTemplate, Required: true,
					Help: "a standard one (VRCEmote, GestureLeft…) or your avatar's own", OptionsURL: "/api/plugins/vrchat/parameters"},
				{Name: "type", Label: "Type", Kind: action.FieldSelect, Default: "b", Options: []action.Option{
					{Value: "b", Label: "bool"}, {Value: "i", Label: "int"}, {Value: "f", Label: "float"}}},
				{Name: "value", Label: "Value", Kind: action.FieldTemplate, Default: "true"},
				{Name: "pulseMs", Label: "Reset after (ms)", Kind: action.FieldNumber, Default: 0}}},
			Execute: func(_ context.Context, run *action.Run) error {
				c := run.Config()
				name, val := run.Text("parameter"), run.Text("value")
				if run.DryRun {
					run.Notef("would set %s = %s", name, val)
					return nil
				}
				return p.Parameter(name, c.String("type"), val, int(c.Number("pulseMs")))
			}},
		{Info: action.Info{Type: "vrchat.chatbox", Name: "VRChat chatbox", Category: cat,
			Description: "Shows text in the VRChat chatbox (144 characters, at most one message per 1.5 s).",
			Fields:      []action.FieldSpec{{Name: "text", Label: "Text", Kind: action.FieldTemplate, Required: true}}},
			Execute: func(_ context.Context, run *action.Run) error {
				text := ChatboxText(run.Text("text"))
				if run.DryRun {
					run.Notef("would show %s", strconv.Quote(text))
					return nil
				}
				if !p.Chatbox(text) {
					return fmt.Errorf("chatbox queue is full (VRChat takes one message per %v)", ChatboxInterval)
				}
				return nil
			}},
	}}
}

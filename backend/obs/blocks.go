package obs

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/action"
)

const catOBS = "OBS"

var _ action.BlockProvider = (*Module)(nil)

// Option endpoints for the form editor (see action.FieldSpec.OptionsURL).
const (
	optScenes  = "/api/obs/options?kind=scenes"
	optSources = "/api/obs/options?kind=sources&scene={scene}"
	optInputs  = "/api/obs/options?kind=inputs"
	optFilters = "/api/obs/options?kind=filters&source={source}"
)

func sceneField() action.FieldSpec {
	return action.FieldSpec{Name: "scene", Label: "Scene", Kind: action.FieldTemplate, Required: true, OptionsURL: optScenes}
}

func sourceField(url string) action.FieldSpec {
	return action.FieldSpec{Name: "source", Label: "Source", Kind: action.FieldTemplate, Required: true, OptionsURL: url}
}

func secondsField() action.FieldSpec {
	return action.FieldSpec{Name: "seconds", Label: "Revert after (seconds)", Kind: action.FieldNumber, Default: 0,
		Help: "0 = keep; otherwise switch back after this long"}
}

// Blocks implements action.BlockProvider.
func (m *Module) Blocks() action.Blocks {
	onOff := func(name, label string) action.FieldSpec {
		return action.FieldSpec{Name: name, Label: label, Kind: action.FieldBool, Default: true}
	}
	acts := []action.Action{
		m.act("obs.setScene", "Switch OBS scene", "", []action.FieldSpec{sceneField()},
			func(r *action.Run) Command { return Command{Op: OpSetScene, Scene: r.Text("scene")} }),
		m.act("obs.setSourceVisible", "Show/hide OBS source", "", []action.FieldSpec{sceneField(), sourceField(optSources),
			onOff("visible", "Visible"), secondsField()},
			func(r *action.Run) Command {
				return Command{Op: OpSetSourceVisible, Scene: r.Text("scene"), Source: r.Text("source"),
					On: r.Config().Bool("visible"), Seconds: r.Config().Number("seconds")}
			}),
		m.act("obs.toggleSource", "Toggle OBS source", "", []action.FieldSpec{sceneField(), sourceField(optSources), secondsField()},
			func(r *action.Run) Command {
				return Command{Op: OpToggleSource, Scene: r.Text("scene"), Source: r.Text("source"), Seconds: r.Config().Number("seconds")}
			}),
		m.act("obs.setFilterEnabled", "Enable/disable OBS filter", "", []action.FieldSpec{sourceField(optInputs),
			{Name: "filter", Label: "Filter", Kind: action.FieldTemplate, Required: true, OptionsURL: optFilters},
			onOff("enabled", "Enabled"), secondsField()},
			func(r *action.Run) Command {
				return Command{Op: OpSetFilterEnabled, Source: r.Text("source"), Filter: r.Text("filter"),
					On: r.Config().Bool("enabled"), Seconds: r.Config().Number("seconds")}
			}),
		m.act("obs.setText", "Set OBS text", "Sets a text source's text.", []action.FieldSpec{sourceField(optInputs),
			{Name: "text", Label: "Text", Kind: action.FieldTemplate, Help: "e.g. Thanks {nickname}!"}},
			func(r *action.Run) Command {
				return Command{Op: OpSetText, Source: r.Text("source"), Text: r.Text("text")}
			}),
		m.act("obs.setInputUrl", "Set OBS browser/media URL", "", []action.FieldSpec{sourceField(optInputs),
			{Name: "url", Label: "URL", Kind: action.FieldTemplate, Required: true}},
			func(r *action.Run) Command {
				return Command{Op: OpSetInputURL, Source: r.Text("source"), Text: r.URL("url")}
			}),
		m.act("obs.setInputFile", "Set OBS media file", "", []action.FieldSpec{sourceField(optInputs),
			{Name: "file", Label: "File path", Kind: action.FieldTemplate, Required: true}},
			func(r *action.Run) Command {
				return Command{Op: OpSetInputFile, Source: r.Text("source"), Text: r.Text("file")}
			}),
		m.act("obs.setMute", "Mute/unmute OBS input", "", []action.FieldSpec{sourceField(optInputs), onOff("muted", "Muted"), secondsField()},
			func(r *action.Run) Command {
				return Command{Op: OpSetMute, Source: r.Text("source"), On: r.Config().Bool("muted"), Seconds: r.Config().Number("seconds")}
			}),
		m.act("obs.setVolume", "Set OBS input volume", "", []action.FieldSpec{sourceField(optInputs),
			{Name: "db", Label: "Volume (dB)", Kind: action.FieldNumber, Default: 0, Help: "-100 … 26"}},
			func(r *action.Run) Command {
				return Command{Op: OpSetVolume, Source: r.Text("source"), Number: r.Config().Number("db")}
			}),
		m.act("obs.hotkey", "Trigger OBS hotkey", "", []action.FieldSpec{{Name: "hotkey", Label: "Hotkey name", Kind: action.FieldText,
			Required: true, Help: "e.g. OBSBasic.StartRecording"}},
			func(r *action.Run) Command { return Command{Op: OpHotkey, Text: r.Config().String("hotkey")} }),
	}
	for _, o := range [][3]string{{"obs.startStream", "Start streaming", OpStartStream}, {"obs.stopStream", "Stop streaming", OpStopStream},
		{"obs.startRecord", "Start recording", OpStartRecord}, {"obs.stopRecord", "Stop recording", OpStopRecord},
		{"obs.saveReplay", "Save replay buffer", OpSaveReplay}} {
		op := o[2]
		acts = append(acts, m.act(o[0], "OBS: "+o[1], "", nil, func(*action.Run) Command { return Command{Op: op} }))
	}
	return action.Blocks{Actions: acts, Triggers: Triggers()}
}

// act builds an action that runs the command build returns and waits for
// OBS's answer, so a failure (OBS down, unknown scene) lands in the trace.
func (m *Module) act(typ, name, desc string, fields []action.FieldSpec, build func(*action.Run) Command) action.Action {
	return action.Action{
		Info: action.Info{Type: typ, Name: name, Category: catOBS, Description: desc, Fields: fields},
		Execute: func(ctx context.Context, run *action.Run) error {
			cmd := build(run)
			if run.DryRun {
				run.Notef("would send %s to OBS", describe(cmd))
				return nil
			}
			if err := m.Do(ctx, cmd); err != nil {
				return fmt.Errorf("OBS %s: %w", cmd.Op, err)
			}
			run.Notef("OBS: %s", describe(cmd))
			return nil
		},
	}
}

func describe(c Command) string {
	parts := []string{c.Op}
	for _, kv := range [][2]string{{"scene", c.Scene}, {"source", c.Source}, {"filter", c.Filter}, {"value", c.Text}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+strconv.Quote(kv[1]))
		}
	}
	return strings.Join(parts, " ")
}

// Triggers are the OBS event triggers.
func Triggers() []action.Trigger {
	scene := action.Trigger{
		Info: action.Info{Type: "obs.sceneChanged", Name: "OBS scene changed", Category: catOBS,
			Description: "OBS switched its program scene. {scene}, {previousScene}.",
			Fields: []action.FieldSpec{{Name: "scene", Label: "Scene", Kind: action.FieldText,
				Help: "empty = any scene", OptionsURL: optScenes}}},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			want := cfg.String("scene")
			return action.Matcher{Keys: []string{TypeSceneChanged}, Match: func(in *action.Input) (map[string]string, bool) {
				d := in.Data()
				s, _ := d["scene"].(string)
				if s == "" || want != "" && !strings.EqualFold(s, want) {
					return nil, false
				}
				prev, _ := d["previous"].(string)
				return map[string]string{"scene": s, "previousScene": prev}, true
			}}, nil
		}}
	out := []action.Trigger{scene,
		flag("obs.connected", "OBS connected", TypeConnection, "connected", true),
		flag("obs.lost", "OBS connection lost", TypeConnection, "connected", false)}
	for _, o := range []struct{ typ, name, output string }{
		{"obs.streamStarted", "OBS stream started", "stream"}, {"obs.streamStopped", "OBS stream stopped", "stream"},
		{"obs.recordStarted", "OBS recording started", "record"}, {"obs.recordStopped", "OBS recording stopped", "record"}} {
		out = append(out, outputTrigger(o.typ, o.name, o.output, strings.HasSuffix(o.typ, "Started")))
	}
	return out
}

func flag(typ, name, key, field string, want bool) action.Trigger {
	return action.Trigger{Info: action.Info{Type: typ, Name: name, Category: catOBS},
		Compile: func(*action.Config) (action.Matcher, error) {
			return action.Matcher{Keys: []string{key}, Match: func(in *action.Input) (map[string]string, bool) {
				v, ok := in.Data()[field].(bool)
				if !ok || v != want {
					return nil, false
				}
				r, _ := in.Data()["reason"].(string)
				return map[string]string{"reason": r}, true
			}}, nil
		}}
}

func outputTrigger(typ, name, output string, active bool) action.Trigger {
	return action.Trigger{Info: action.Info{Type: typ, Name: name, Category: catOBS},
		Compile: func(*action.Config) (action.Matcher, error) {
			return action.Matcher{Keys: []string{TypeOutput}, Match: func(in *action.Input) (map[string]string, bool) {
				d := in.Data()
				o, _ := d["output"].(string)
				a, _ := d["active"].(bool)
				return nil, o == output && a == active
			}}, nil
		}}
}

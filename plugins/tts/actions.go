package tts

import (
	"context"

	"github.com/ltth/ltth/backend/action"
)

// Flow action types.
const (
	ActionSpeak = "tts.speak"
	ActionSkip  = "tts.skip"
	ActionClear = "tts.clear"
	ActionPause = "tts.pause"
)

func (p *Plugin) blocks() action.Blocks {
	control := func(typ, name, desc string, fields []action.FieldSpec, do func(run *action.Run)) action.Action {
		return action.Action{Info: action.Info{Type: typ, Name: name, Category: "Text-to-speech", Description: desc, Fields: fields},
			DryRunSafe: true,
			Execute: func(ctx context.Context, run *action.Run) error {
				if run.DryRun {
					run.Notef("would %s", name)
					return nil
				}
				do(run)
				return nil
			}}
	}
	return action.Blocks{Actions: []action.Action{{
		Info: action.Info{Type: ActionSpeak, Name: "Speak", Category: "Text-to-speech",
			Description: "Reads a text aloud on the TTS overlay (moderated, queued in order).",
			Fields: []action.FieldSpec{
				{Name: "text", Label: "Text", Kind: action.FieldTemplate, Required: true},
				{Name: "voice", Label: "Voice (optional)", Kind: action.FieldText},
				{Name: "engine", Label: "Engine (optional)", Kind: action.FieldSelect, Options: []action.Option{
					{Value: "", Label: "First that works"}, {Value: "tiktok", Label: "TikTok"}, {Value: "google", Label: "Google Translate"},
					{Value: "http", Label: "HTTP engine"}, {Value: "espeak", Label: "espeak-ng (offline)"},
					{Value: "sapi", Label: "Windows voices (offline)"}}},
			}},
		DryRunSafe: true,
		Execute: func(ctx context.Context, run *action.Run) error {
			text := run.Text("text")
			if run.DryRun {
				run.Notef("would say %q", text)
				return nil
			}
			c := run.Config()
			return p.speakText(text, c.String("voice"), c.String("engine"))
		},
	},
		control(ActionSkip, "skip the current message", "Stops the message being spoken; the next one follows.", nil, func(*action.Run) { p.skip() }),
		control(ActionClear, "clear the speech queue", "Drops every waiting message and stops the current one.", nil, func(*action.Run) { p.clear() }),
		control(ActionPause, "pause or resume speech", "Pauses speech (the queue keeps filling) or resumes it.",
			[]action.FieldSpec{{Name: "paused", Label: "Paused", Kind: action.FieldBool, Default: true}},
			func(run *action.Run) { p.pause(run.Config().Bool("paused")) }),
	}}
}

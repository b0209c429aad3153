package vrchat

import (
	"strings"
	"unicode/utf8"
)

// ParamPrefix is the address prefix of avatar parameters.
const ParamPrefix = "/avatar/parameters/"

// StandardParameters are VRChat's built-in avatar parameters with their OSC
// types (i int, f float, b bool).
var StandardParameters = map[string]string{
	"VRCEmote": "i", "GestureLeft": "i", "GestureRight": "i", "GestureLeftWeight": "f", "GestureRightWeight": "f",
	"Viseme": "i", "Voice": "f", "AFK": "b", "MuteSelf": "b", "Earmuffs": "b", "Seated": "b", "InStation": "b",
	"Grounded": "b", "Upright": "f", "AngularY": "f", "VelocityX": "f", "VelocityY": "f", "VelocityZ": "f",
	"TrackingType": "i", "VRMode": "i", "IsLocal": "b",
}

// Preset is a named avatar reaction: a parameter set for a while.
type Preset struct {
	Param string
	Type  string
	Value any
}

// Presets are the reactions of the original app. Each is a bool parameter
// the avatar's animator reacts to, except Wave (the VRCEmote wave).
var Presets = map[string]Preset{
	"Wave":         {Param: "VRCEmote", Type: "i", Value: 1},
	"Celebrate":    {Param: "Celebrate", Type: "b", Value: true},
	"DanceTrigger": {Param: "DanceTrigger", Type: "b", Value: true},
	"Hearts":       {Param: "Hearts", Type: "b", Value: true},
	"Confetti":     {Param: "Confetti", Type: "b", Value: true},
}

// Chatbox limits of VRChat: 144 characters, 9 lines, and a rate limit
// (messages faster than about one per 1.5 s are dropped by VRChat).
const (
	ChatboxMaxChars = 144
	ChatboxMaxLines = 9
)

// ChatboxText fits s to VRChat's chatbox limits.
func ChatboxText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if len(lines) > ChatboxMaxLines {
		lines = lines[:ChatboxMaxLines]
	}
	s = strings.TrimSpace(strings.Join(lines, "\n"))
	if utf8.RuneCountInString(s) <= ChatboxMaxChars {
		return s
	}
	r := []rune(s)
	return string(r[:ChatboxMaxChars-1]) + "…"
}

package osc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/httpapi"
)

// Bus message types. Plugins make LTTH send OSC by publishing TypeSend
// (Data: Send); every received message is published as TypeReceived
// (Data: Received).
const (
	TypeSend     = "oscSend"
	TypeReceived = "oscReceived"
	TypeStatus   = "oscStatus" // retained, key KeyStatus
	KeyStatus    = "osc:status"
)

// Arg is one typed OSC argument: Type is i (int32), f (float32), s
// (string), T or F (bool), or "b" (bool from Value).
type Arg struct {
	Type string `json:"type"`
	// Value is a JSON scalar (number, string or bool; absent for T and F),
	// read according to Type (goValue). It stays untyped on purpose: the
	// user picks its JSON type (a form's number, a flow template's text),
	// and Type, not the value, says what is sent.
	Value any `json:"value,omitempty"`
}

// Send is one message to send; PulseMs > 0 sends the argument's reset
// value (0, 0.0, false, "") after that many milliseconds.
type Send struct {
	Address string `json:"address"`
	Args    []Arg  `json:"args"`
	PulseMs int    `json:"pulseMs,omitempty"`
}

// Received is one received message.
type Received struct {
	Address string `json:"address"`
	Types   string `json:"types"`
	Args    []any  `json:"args"`
	From    string `json:"from,omitempty"`
}

func invalid(format string, a ...any) error {
	return httpapi.NewError(httpapi.ErrInvalid, fmt.Sprintf(format, a...))
}

// CheckAddress checks an OSC address.
func CheckAddress(a string) error {
	if !strings.HasPrefix(a, "/") || strings.ContainsAny(a, " #*,?[]{}") || len(a) > 256 {
		return invalid("OSC address %q must start with / and contain no spaces or # * , ? [ ] { }", a)
	}
	return nil
}

// goValue converts a to the Go value go-osc encodes with a's type tag.
func goValue(a Arg) (any, error) {
	text := strings.TrimSpace(fmt.Sprint(a.Value))
	if a.Value == nil {
		text = ""
	}
	switch a.Type {
	case "i":
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return nil, invalid("OSC int %q is not a number", text)
		}
		return int32(f), nil
	case "f":
		f, err := strconv.ParseFloat(text, 32)
		if err != nil {
			return nil, invalid("OSC float %q is not a number", text)
		}
		return float32(f), nil
	case "s":
		if s, ok := a.Value.(string); ok {
			return s, nil
		}
		return text, nil
	case "T":
		return true, nil
	case "F":
		return false, nil
	case "b", "bool":
		return truthy(text), nil
	}
	return nil, invalid("OSC type %q must be i, f, s, T, F or b", a.Type)
}

func truthy(s string) bool {
	switch strings.ToLower(s) {
	case "", "0", "false", "no", "off", "f":
		return false
	}
	return true
}

// resetValue is what a pulse goes back to.
func resetValue(v any) any {
	switch v.(type) {
	case int32:
		return int32(0)
	case float32:
		return float32(0)
	case bool:
		return false
	}
	return ""
}

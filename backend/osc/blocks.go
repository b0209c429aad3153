package osc

import (
	"context"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/action"
)

const catOSC = "OSC / VRChat"

var _ action.BlockProvider = (*Module)(nil)

// Blocks implements action.BlockProvider: osc.send and osc.received.
func (m *Module) Blocks() action.Blocks {
	return action.Blocks{Actions: []action.Action{m.sendAction()}, Triggers: []action.Trigger{ReceivedTrigger()}}
}

func typeOptions() []action.Option {
	return []action.Option{{Value: "i", Label: "int"}, {Value: "f", Label: "float"}, {Value: "b", Label: "bool (from value)"},
		{Value: "T", Label: "true"}, {Value: "F", Label: "false"}, {Value: "s", Label: "string"}}
}

func (m *Module) sendAction() action.Action {
	return action.Action{
		Info: action.Info{Type: "osc.send", Name: "Send OSC", Category: catOSC,
			Description: "Sends one OSC message, e.g. /avatar/parameters/Wave.",
			Fields: []action.FieldSpec{
				{Name: "address", Label: "Address", Kind: action.FieldTemplate, Required: true, Help: "/avatar/parameters/Wave"},
				{Name: "type", Label: "Type", Kind: action.FieldSelect, Options: typeOptions(), Default: "i"},
				{Name: "value", Label: "Value", Kind: action.FieldTemplate, Default: "1"},
				{Name: "pulseMs", Label: "Reset after (ms)", Kind: action.FieldNumber, Default: 0, Help: "0 = keep the value"}}},
		Execute: func(_ context.Context, run *action.Run) error {
			c := run.Config()
			s := Send{Address: strings.TrimSpace(run.Text("address")), PulseMs: int(c.Number("pulseMs")),
				Args: []Arg{{Type: c.String("type"), Value: run.Text("value")}}}
			if run.DryRun {
				run.Notef("would send OSC %s %s %v", s.Address, s.Args[0].Type, s.Args[0].Value)
				return nil
			}
			if err := m.Send(s); err != nil {
				return err
			}
			run.Notef("sent OSC %s %s %v", s.Address, s.Args[0].Type, s.Args[0].Value)
			return nil
		},
	}
}

// ReceivedTrigger fires on received OSC messages whose address matches a
// pattern (* ? [..] as in path.Match; empty = any) and whose first
// argument passes an optional comparison.
func ReceivedTrigger() action.Trigger {
	ops := []action.Option{{Value: "any", Label: "any value"}, {Value: "=", Label: "="}, {Value: "!=", Label: "≠"},
		{Value: ">", Label: ">"}, {Value: ">=", Label: "≥"}, {Value: "<", Label: "<"}, {Value: "<=", Label: "≤"}}
	return action.Trigger{
		Info: action.Info{Type: "osc.received", Name: "OSC message received", Category: catOSC,
			Description: "An OSC app (VRChat) sent a message. {address}, {value}.",
			Fields: []action.FieldSpec{{Name: "address", Label: "Address pattern", Kind: action.FieldText, Help: "/avatar/parameters/* ; empty = any"},
				{Name: "op", Label: "Value", Kind: action.FieldSelect, Options: ops, Default: "any"},
				{Name: "value", Label: "Compare with", Kind: action.FieldText}}},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			pat, op, want := cfg.String("address"), cfg.String("op"), cfg.String("value")
			if pat != "" {
				if _, err := path.Match(pat, "/"); err != nil {
					return action.Matcher{}, fmt.Errorf("address pattern %q: %w", pat, err)
				}
			}
			return action.Matcher{Keys: []string{TypeReceived}, Match: func(in *action.Input) (map[string]string, bool) {
				d := in.Data()
				addr, _ := d["address"].(string)
				if addr == "" || pat != "" && !matchAddr(pat, addr) {
					return nil, false
				}
				val := ""
				if args, _ := d["args"].([]any); len(args) > 0 {
					val = action.ValueOf(args[0]).Text()
				}
				if !compare(op, val, want) {
					return nil, false
				}
				return map[string]string{"address": addr, "value": val}, true
			}}, nil
		}}
}

func matchAddr(pat, addr string) bool {
	ok, _ := path.Match(pat, addr)
	return ok
}

// compare checks got op want, numerically when both are numbers.
func compare(op, got, want string) bool {
	if op == "" || op == "any" {
		return true
	}
	g, e1 := strconv.ParseFloat(got, 64)
	w, e2 := strconv.ParseFloat(want, 64)
	if e1 != nil || e2 != nil {
		g, w = 0, 0
		if got == want || truthy(got) == truthy(want) && isBool(got) && isBool(want) {
			g, w = 1, 1
		} else if got > want {
			g = 1
		} else {
			w = 1
		}
	}
	switch op {
	case "=":
		return g == w
	case "!=":
		return g != w
	case ">":
		return g > w
	case ">=":
		return g >= w
	case "<":
		return g < w
	case "<=":
		return g <= w
	}
	return false
}

func isBool(s string) bool {
	s = strings.ToLower(s)
	return s == "true" || s == "false"
}

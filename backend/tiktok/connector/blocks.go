package connector

import (
	"slices"
	"sync"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/module"
)

// The interfaces core discovers on this module.
var (
	_ module.Module        = (*Connector)(nil)
	_ module.RouteProvider = (*Connector)(nil)
	_ action.BlockProvider = (*Connector)(nil)
)

// Blocks implements action.BlockProvider: the connector owns the
// connection.state trigger, fed by its own TypeConnection messages.
func (c *Connector) Blocks() action.Blocks {
	return action.Blocks{Triggers: []action.Trigger{ConnectionTrigger()}}
}

// ConnectionTrigger fires when the connection state changes (optionally
// only into some states). Arguments: the payload's fields ({state},
// {source}, {reason}…).
func ConnectionTrigger() action.Trigger {
	states := []action.Option{{Value: StateConnected, Label: "Connected"}, {Value: StateDisconnected, Label: "Disconnected"},
		{Value: StateConnecting, Label: "Connecting"}, {Value: StateReconnecting, Label: "Reconnecting"}, {Value: StateError, Label: "Error"}}
	return action.Trigger{
		Info: action.Info{Type: "connection.state", Name: "Connection state changed", Category: "Stream",
			Description: "The TikTok connection changed state. {state}, {source}, {reason}.",
			Fields:      []action.FieldSpec{{Name: "states", Label: "States (empty = any)", Kind: action.FieldList, Options: states}}},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			want := cfg.Strings("states")
			var mu sync.Mutex
			last := ""
			return action.Matcher{Keys: []string{TypeConnection}, Match: func(in *action.Input) (map[string]string, bool) {
				d := in.Data()
				state, _ := d["state"].(string)
				if state == "" {
					return nil, false
				}
				mu.Lock()
				defer mu.Unlock()
				changed := state != last
				if !in.DryRun {
					last = state
				}
				if !changed || len(want) > 0 && !slices.Contains(want, state) {
					return nil, false
				}
				return action.FlattenArgs(d, nil), true
			}}, nil
		}}
}

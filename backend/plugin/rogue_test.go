package plugin_test

import (
	"context"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/plugin"
)

// rogue tries to register a block outside its namespace.
type rogue struct{}

func (rogue) Start(_ context.Context, h plugin.Host) error {
	return h.AddBlocks(action.Blocks{Actions: []action.Action{{Info: action.Info{Type: "alert.show"},
		Execute: func(context.Context, *action.Run) error { return nil }}}})
}

func (rogue) Stop(context.Context) error { return nil }

package core

import (
	"fmt"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/overlay"
)

// addBlocks adds to reg the flow blocks of every module that owns some
// (action.BlockProvider, discovered like module.RouteProvider) and of the
// overlay pages. It runs before the modules start, so the flow engine
// compiles the stored flows against all of them.
func addBlocks(reg *action.Registry, mods []module.Module) error {
	providers := []action.BlockProvider{overlay.FlowBlocks{}}
	for _, m := range mods {
		if p, ok := m.(action.BlockProvider); ok {
			providers = append(providers, p)
		}
	}
	for _, p := range providers {
		if err := reg.AddBlocks(p.Blocks()); err != nil {
			return fmt.Errorf("flow blocks of %T: %w", p, err)
		}
	}
	return nil
}

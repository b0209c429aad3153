package flow

import (
	"errors"

	"github.com/ltth/ltth/backend/action"
)

// registerBuiltins adds the engine's own, generic triggers, conditions and
// actions to its registry. Blocks about one capability (alert.show, goal.*,
// overlay.*, connection.state) belong to that capability's package, which
// provides them as an action.BlockProvider; core adds them.
func registerBuiltins(e *Engine) error {
	var errs []error
	for _, t := range append(eventTriggers(), stateTriggers()...) {
		errs = append(errs, e.reg.AddTrigger(t))
	}
	for _, c := range builtinConditions() {
		errs = append(errs, e.reg.AddCondition(c))
	}
	actions := []action.Action{setVarAction(), e.incrementAction(), delayAction(), e.runFlowAction(),
		stopAction(), e.webhookAction(), logAction()}
	for _, a := range actions {
		errs = append(errs, e.reg.AddAction(a))
	}
	return errors.Join(errs...)
}

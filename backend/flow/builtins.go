package flow

import (
	"errors"

	"github.com/ltth/ltth/backend/action"
)

// registerBuiltins adds the engine's own triggers, conditions and actions
// to its registry.
func registerBuiltins(e *Engine) error {
	var errs []error
	for _, t := range append(eventTriggers(), stateTriggers()...) {
		errs = append(errs, e.reg.AddTrigger(t))
	}
	for _, c := range builtinConditions() {
		errs = append(errs, e.reg.AddCondition(c))
	}
	actions := []action.Action{alertAction(),
		overlayAction("text", "Overlay text"), overlayAction("image", "Overlay image"),
		overlayAction("video", "Overlay video"), overlayAction("clear", "Clear overlay"),
		goalAction(), setVarAction(), e.incrementAction(), delayAction(), e.runFlowAction(),
		stopAction(), e.webhookAction(), logAction()}
	for _, a := range actions {
		errs = append(errs, e.reg.AddAction(a))
	}
	return errors.Join(errs...)
}

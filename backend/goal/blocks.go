package goal

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
)

const catGoals = "Goals"

// The interfaces core discovers on this module.
var (
	_ module.Module        = (*Module)(nil)
	_ module.RouteProvider = (*Module)(nil)
	_ action.BlockProvider = (*Module)(nil)
)

// Blocks implements action.BlockProvider: the goal.update action (a
// TypeCommand message this module consumes) and the goal.reached (from
// TypeReached) and goal.progress (from TypeGoal) triggers.
func (m *Module) Blocks() action.Blocks {
	return action.Blocks{
		Triggers: []action.Trigger{ReachedTrigger(), ProgressTrigger()},
		Actions:  []action.Action{UpdateAction()},
	}
}

// UpdateAction sends a Command to the goal module.
func UpdateAction() action.Action {
	ops := []action.Option{{Value: OpAdd, Label: "Add"}, {Value: OpSet, Label: "Set to"}, {Value: OpReset, Label: "Reset"}}
	return action.Action{
		Info: action.Info{Type: "goal.update", Name: "Update goal", Category: catGoals,
			Fields: []action.FieldSpec{{Name: "goalId", Label: "Goal", Kind: action.FieldText, Required: true},
				{Name: "op", Label: "Operation", Kind: action.FieldSelect, Options: ops, Default: OpAdd},
				{Name: "amount", Label: "Amount", Kind: action.FieldTemplate, Default: "1", Help: "a number or e.g. {coins}"}}},
		DryRunSafe: true,
		Execute: func(_ context.Context, run *action.Run) error {
			c := run.Config()
			cmd := Command{GoalID: c.String("goalId"), Op: c.String("op")}
			if cmd.Op != OpReset {
				s := strings.TrimSpace(run.Text("amount"))
				f, err := strconv.ParseFloat(s, 64)
				if err != nil {
					return fmt.Errorf("amount %q is not a number", s)
				}
				cmd.Amount = int64(f)
			}
			run.Notef("goal %s: %s %d", cmd.GoalID, cmd.Op, cmd.Amount)
			run.Publish(domain.Message{Type: TypeCommand, Data: cmd})
			return nil
		},
	}
}

// goalArgs are a trigger's arguments for a goal's fields.
func goalArgs(id, name, kind string, value, target float64) map[string]string {
	pct := 0.0
	if target > 0 {
		pct = value / target * 100
	}
	return map[string]string{"goalId": id, "goalName": name, "goalKind": kind,
		"value": action.FormatNumber(value), "target": action.FormatNumber(target),
		"percent": action.FormatNumber(float64(int(pct)))}
}

// goalState reads a TypeGoal state message.
func goalState(in *action.Input) (id string, value, target float64, args map[string]string) {
	d := in.Data()
	if d == nil {
		return "", 0, 0, nil
	}
	id, _ = d["id"].(string)
	value, _ = action.ValueOf(d["value"]).Float()
	target, _ = action.ValueOf(d["target"]).Float()
	args = goalArgs(id, action.ValueOf(d["name"]).Text(), action.ValueOf(d["kind"]).Text(), value, target)
	return id, value, target, args
}

func goalIDField() action.FieldSpec {
	return action.FieldSpec{Name: "goalId", Label: "Goal", Kind: action.FieldText, Help: "empty = any goal"}
}

// ReachedTrigger fires on this module's TypeReached message: once each time
// a goal reaches its target.
func ReachedTrigger() action.Trigger {
	return action.Trigger{
		Info: action.Info{Type: "goal.reached", Name: "Goal reached", Category: catGoals,
			Description: "A goal reached its target. {goalName}, {value}, {target}.",
			Fields:      []action.FieldSpec{goalIDField()}},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			want := cfg.String("goalId")
			return action.Matcher{Keys: []string{TypeReached}, Match: func(in *action.Input) (map[string]string, bool) {
				d := in.Data()
				id, _ := d["goalId"].(string)
				if id == "" || want != "" && id != want {
					return nil, false
				}
				value, _ := action.ValueOf(d["value"]).Float()
				target, _ := action.ValueOf(d["target"]).Float()
				return goalArgs(id, action.ValueOf(d["name"]).Text(), action.ValueOf(d["kind"]).Text(), value, target), true
			}}, nil
		}}
}

// ProgressTrigger fires when a goal's value changes, or when its progress
// rises past minPercent.
func ProgressTrigger() action.Trigger {
	return action.Trigger{
		Info: action.Info{Type: "goal.progress", Name: "Goal progress", Category: catGoals,
			Description: "A goal's value changed (or rose past a percentage). {goalName}, {value}, {target}, {percent}.",
			Fields: []action.FieldSpec{goalIDField(),
				{Name: "minPercent", Label: "When progress passes (%)", Kind: action.FieldNumber, Default: 0}}},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			want, minPct := cfg.String("goalId"), cfg.Number("minPercent")
			var mu sync.Mutex
			last := map[string]float64{}
			return action.Matcher{Keys: []string{TypeGoal}, Match: func(in *action.Input) (map[string]string, bool) {
				id, value, target, args := goalState(in)
				if args == nil || want != "" && id != want {
					return nil, false
				}
				mu.Lock()
				defer mu.Unlock()
				prev, seen := last[id]
				if !in.DryRun {
					last[id] = value
				}
				if minPct <= 0 {
					return args, !seen || prev != value
				}
				limit := minPct / 100 * target
				return args, target > 0 && value >= limit && (!seen || prev < limit)
			}}, nil
		}}
}

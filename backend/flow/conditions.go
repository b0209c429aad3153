package flow

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/action"
)

const (
	catLogic  = "Logic"
	catViewer = "Viewer"
	catTime   = "Time"
	catLimits = "Limits"
	catVars   = "Variables"
)

func builtinConditions() []action.Condition {
	return []action.Condition{compareCondition(), variableCondition(),
		groupCondition("and", "All of (AND)"), groupCondition("or", "Any of (OR)"), groupCondition("not", "None of (NOT)"),
		roleCondition(), cooldownCondition(), rateLimitCondition(), timeOfDayCondition(), weekdayCondition(),
		chanceCondition()}
}

func compareFields(first action.FieldSpec) []action.FieldSpec {
	return []action.FieldSpec{first,
		{Name: "op", Label: "Operator", Kind: action.FieldSelect, Options: opOptions(), Default: "=="},
		{Name: "value", Label: "Value", Kind: action.FieldJSON, Help: "a number, text, true/false, or a list for in / not in"},
		{Name: "ignoreCase", Label: "Ignore case", Kind: action.FieldBool, Default: true}}
}

// compareCondition compares an event field, trigger argument or variable.
func compareCondition() action.Condition {
	return action.Condition{
		Info: action.Info{Type: "compare", Name: "Compare a field", Category: catLogic,
			Description: "Compare an event field ({coins}, {comment}…), a trigger argument or var.<name>.",
			Fields: compareFields(action.FieldSpec{Name: "field", Label: "Field", Kind: action.FieldText, Required: true,
				Help: "e.g. coins, comment, nickname, var.score, args.arg1"})},
		Compile: func(cfg *action.Config, _ action.Compiler) (action.Check, error) {
			return compileCompare(cfg.String("field"), cfg)
		}}
}

// variableCondition is compare on var.<name>.
func variableCondition() action.Condition {
	return action.Condition{
		Info: action.Info{Type: "variable", Name: "Check a variable", Category: catVars,
			Fields: compareFields(action.FieldSpec{Name: "name", Label: "Variable", Kind: action.FieldText, Required: true})},
		Compile: func(cfg *action.Config, _ action.Compiler) (action.Check, error) {
			return compileCompare("var."+cfg.String("name"), cfg)
		}}
}

func compileCompare(field string, cfg *action.Config) (action.Check, error) {
	ref, err := action.ParseRef(field)
	if err != nil {
		return nil, err
	}
	cmp, err := newComparer(cfg.String("op"), cfg.Raw("value"), cfg.Bool("ignoreCase"))
	if err != nil {
		return nil, err
	}
	name := ref.String()
	return func(ev *action.Eval) action.Result {
		got, ok := ev.Scope.Resolve(&ref)
		res := cmp.test(got, ok)
		return action.Result{OK: res, Reason: cmp.reason(name, got, ok, res)}
	}, nil
}

// groupCondition is and/or/not over a nested list.
func groupCondition(kind, name string) action.Condition {
	return action.Condition{
		Info: action.Info{Type: kind, Name: name, Category: catLogic,
			Fields: []action.FieldSpec{{Name: "conditions", Label: "Conditions", Kind: action.FieldConditions, Required: true}}},
		Compile: func(cfg *action.Config, c action.Compiler) (action.Check, error) {
			g, err := c.CompileConditions(cfg.Raw("conditions"))
			if err != nil {
				return nil, err
			}
			return func(ev *action.Eval) action.Result {
				switch kind {
				case "or":
					ok, ch := ev.Any(g)
					return action.Result{OK: ok, Reason: "any of " + strconv.Itoa(len(g)), Children: ch}
				case "not":
					mark := ev.Mark()
					ok, ch := ev.Any(g)
					ev.Rollback(mark)
					return action.Result{OK: !ok, Reason: "none of " + strconv.Itoa(len(g)), Children: ch}
				}
				ok, ch := ev.All(g)
				return action.Result{OK: ok, Reason: "all of " + strconv.Itoa(len(g)), Children: ch}
			}, nil
		}}
}

// roleCondition passes for viewers with one of the roles, or one of the
// listed users.
func roleCondition() action.Condition {
	return action.Condition{
		Info: action.Info{Type: "role", Name: "Viewer role", Category: catViewer,
			Description: "The viewer has one of the roles, or is one of the users.",
			Fields: []action.FieldSpec{
				{Name: "roles", Label: "Roles (any of)", Kind: action.FieldList, Options: action.RoleOptions()},
				{Name: "topN", Label: "Top gifter places", Kind: action.FieldNumber, Default: 3},
				{Name: "users", Label: "Or these users (@handle or user id)", Kind: action.FieldList}}},
		Compile: compileRole,
	}
}

func compileRole(cfg *action.Config, _ action.Compiler) (action.Check, error) {
	roles, users, topN := cfg.Strings("roles"), cfg.Strings("users"), int(cfg.Int("topN"))
	if len(roles) == 0 && len(users) == 0 {
		return nil, fmt.Errorf("give roles or users")
	}
	return func(ev *action.Eval) action.Result {
		e := ev.Scope.Event
		if e == nil || !e.Type.HasUser() {
			return action.Fail("no viewer in this run")
		}
		who := "@" + e.UniqueID
		if action.MatchUser(e.User, users) {
			return action.Pass(who + " is a listed user")
		}
		if len(roles) == 0 {
			return action.Fail(who + " is not a listed user")
		}
		ok, err := action.HasAnyRole(ev.Roles, e.User, roles, topN)
		switch {
		case ok:
			return action.Pass(who + " has one of " + strings.Join(roles, ", "))
		case err != nil:
			return action.Fail("role lookup failed: " + err.Error())
		}
		return action.Fail(who + " has none of " + strings.Join(roles, ", "))
	}, nil
}

// chanceCondition passes with a probability.
func chanceCondition() action.Condition {
	return action.Condition{
		Info: action.Info{Type: "chance", Name: "Random chance", Category: catLogic,
			Fields: []action.FieldSpec{{Name: "percent", Label: "Chance (%)", Kind: action.FieldNumber, Required: true}}},
		Compile: func(cfg *action.Config, _ action.Compiler) (action.Check, error) {
			p := cfg.Number("percent")
			if p < 0 || p > 100 {
				return nil, fmt.Errorf("percent must be between 0 and 100")
			}
			return func(ev *action.Eval) action.Result {
				roll := ev.Rand() * 100
				r := "rolled " + strconv.FormatFloat(roll, 'f', 1, 64) + " for a " + action.FormatNumber(p) + "% chance"
				return action.Result{OK: roll < p, Reason: r}
			}, nil
		}}
}

// timeOfDayCondition passes between two clock times (wrapping midnight).
func timeOfDayCondition() action.Condition {
	return action.Condition{
		Info: action.Info{Type: "timeOfDay", Name: "Time of day", Category: catTime,
			Description: "Between two times (HH:MM); 22:00 to 02:00 wraps midnight.",
			Fields: []action.FieldSpec{{Name: "from", Label: "From", Kind: action.FieldText, Required: true},
				{Name: "to", Label: "To", Kind: action.FieldText, Required: true}}},
		Compile: func(cfg *action.Config, _ action.Compiler) (action.Check, error) {
			from, err1 := parseClock(cfg.String("from"))
			to, err2 := parseClock(cfg.String("to"))
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("from/to: %v", firstErr(err1, err2))
			}
			return func(ev *action.Eval) action.Result {
				m := ev.Now.Hour()*60 + ev.Now.Minute()
				ok := from <= m && m < to
				if from > to {
					ok = m >= from || m < to
				}
				return action.Result{OK: ok, Reason: ev.Now.Format("15:04") + " between " +
					cfg.String("from") + " and " + cfg.String("to") + ": " + strconv.FormatBool(ok)}
			}, nil
		}}
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// weekdayCondition passes on the chosen weekdays.
func weekdayCondition() action.Condition {
	return action.Condition{
		Info: action.Info{Type: "weekday", Name: "Weekday", Category: catTime,
			Fields: []action.FieldSpec{{Name: "days", Label: "Days", Kind: action.FieldList, Options: weekdayOptions(), Required: true}}},
		Compile: func(cfg *action.Config, _ action.Compiler) (action.Check, error) {
			set, err := weekdaySet(cfg.Strings("days"))
			if err != nil {
				return nil, err
			}
			return func(ev *action.Eval) action.Result {
				d := ev.Now.Weekday()
				ok := set&(1<<d) != 0
				return action.Result{OK: ok, Reason: d.String() + " in " + strings.Join(cfg.Strings("days"), ", ") +
					": " + strconv.FormatBool(ok)}
			}, nil
		}}
}

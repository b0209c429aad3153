package flow

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// commandTrigger fires on a chat "!command" (or one of its aliases), gated
// by viewer role. Arguments: {command}, {args} (the rest of the line),
// {arg1}…{arg9}, {argCount}.
func commandTrigger() action.Trigger {
	return action.Trigger{
		Info: action.Info{Type: "tiktok.command", Name: "Chat command", Category: catTikTok,
			Description: "A chat message starting with a command such as !hello; {args}, {arg1}… hold what follows.",
			Fields: []action.FieldSpec{
				{Name: "command", Label: "Command", Kind: action.FieldText, Required: true, Help: `e.g. "!hello"; "!" is added when missing`},
				{Name: "aliases", Label: "Aliases", Kind: action.FieldList},
				{Name: "roles", Label: "Only from (any of)", Kind: action.FieldList, Options: action.RoleOptions()},
				{Name: "topN", Label: "Top gifter places", Kind: action.FieldNumber, Default: 3},
			}},
		Compile: compileCommand,
	}
}

func normalizeCommand(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= '0' && s[0] <= '9') {
		s = "!" + s
	}
	return s
}

func compileCommand(cfg *action.Config) (action.Matcher, error) {
	names := append([]string{cfg.String("command")}, cfg.Strings("aliases")...)
	set := make([]string, 0, len(names))
	for _, n := range names {
		n = normalizeCommand(n)
		if n == "" || strings.ContainsAny(n, " \t") {
			return action.Matcher{}, fmt.Errorf("invalid command %q (one word)", n)
		}
		set = append(set, n)
	}
	roles, topN := cfg.Strings("roles"), int(cfg.Int("topN"))
	return action.Matcher{Keys: []string{string(domain.EventChat)}, Match: func(in *action.Input) (map[string]string, bool) {
		e := in.Event
		if e == nil {
			return nil, false
		}
		text := strings.TrimSpace(e.Comment)
		word, rest, _ := strings.Cut(text, " ")
		if !commandIn(word, set) {
			return nil, false
		}
		if ok, _ := action.HasAnyRole(in.Roles, e.User, roles, topN); !ok {
			return nil, false
		}
		return commandArgs(word, strings.TrimSpace(rest)), true
	}}, nil
}

func commandIn(word string, set []string) bool {
	for _, c := range set {
		if strings.EqualFold(word, c) {
			return true
		}
	}
	return false
}

func commandArgs(word, rest string) map[string]string {
	fields := strings.Fields(rest)
	args := map[string]string{"command": strings.ToLower(word), "args": rest,
		"argCount": strconv.Itoa(len(fields))}
	for i, f := range fields {
		if i == 9 {
			break
		}
		args["arg"+strconv.Itoa(i+1)] = f
	}
	return args
}

const catExt = "External"

func stateTriggers() []action.Trigger {
	return []action.Trigger{pluginTrigger(), manualTrigger(), webhookTrigger(), intervalTrigger(), scheduleTrigger()}
}

// pluginTrigger fires on bus messages of type "plugin:<id>:<event>"; the
// payload's top-level fields become arguments.
func pluginTrigger() action.Trigger {
	return action.Trigger{
		Info: action.Info{Type: "plugin.event", Name: "Plugin event", Category: catExt,
			Description: "An event a plugin published; its fields are available as {field}.",
			Fields: []action.FieldSpec{{Name: "plugin", Label: "Plugin id", Kind: action.FieldText, Required: true},
				{Name: "event", Label: "Event", Kind: action.FieldText, Required: true}}},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			p, ev := cfg.String("plugin"), cfg.String("event")
			if strings.ContainsAny(p+ev, ": \t") {
				return action.Matcher{}, fmt.Errorf("plugin id and event cannot contain ':' or spaces")
			}
			return action.Matcher{Keys: []string{"plugin:" + p + ":" + ev}, Match: func(in *action.Input) (map[string]string, bool) {
				return action.FlattenArgs(in.Data(), nil), true
			}}, nil
		}}
}

func manualTrigger() action.Trigger {
	return action.Trigger{
		Info: action.Info{Type: "manual", Name: "Manual (button / REST)", Category: catExt,
			Description: "Run from the dashboard button or POST /api/flows/{id}/run.",
			Fields:      []action.FieldSpec{{Name: "label", Label: "Button label", Kind: action.FieldText}}},
		Compile: func(*action.Config) (action.Matcher, error) {
			return action.Matcher{Keys: []string{action.KeyManual}, Match: func(in *action.Input) (map[string]string, bool) {
				return in.Args, true
			}}, nil
		}}
}

func validHookID(s string) bool {
	return len(s) >= 3 && ValidID(s)
}

func webhookTrigger() action.Trigger {
	return action.Trigger{
		Info: action.Info{Type: "webhook", Name: "Incoming webhook", Category: catExt,
			Description: "POST /api/flows/webhook/{hookId}; the JSON body's fields are available as {field}.",
			Fields: []action.FieldSpec{{Name: "hookId", Label: "Hook id", Kind: action.FieldText, Required: true,
				Help: "3-64 letters, digits, - or _"}}},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			id := cfg.String("hookId")
			if !validHookID(id) {
				return action.Matcher{}, fmt.Errorf("invalid hook id %q (3-64 letters, digits, - or _)", id)
			}
			return action.Matcher{Keys: []string{action.WebhookKey(id)}, Match: func(in *action.Input) (map[string]string, bool) {
				return in.Args, true
			}}, nil
		}}
}

package action

import (
	"fmt"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// VarSource reads persistent variables.
type VarSource interface {
	Var(name string) (Value, bool)
}

// Scope is what templates and conditions read during one run: the event (may
// be nil for timer, manual and webhook runs), the trigger's arguments (command
// arguments, goal fields, webhook or plugin payload fields), the variables and
// a few facts about the run.
type Scope struct {
	Event    *domain.Event
	Args     map[string]string
	Vars     VarSource
	FlowID   string
	FlowName string
	RunID    string
	Trigger  string // type of the trigger that started the run
	Now      time.Time
}

type refKind uint8

const (
	refName  refKind = iota // an argument, else an event field
	refEvent                // event.<field>
	refArg                  // args.<name>
	refVar                  // var.<name>
	refSpecial
)

// Ref is a compiled reference to a value in a Scope: "coins", "nickname",
// "var.score", "args.command", "event.giftName", "flow.name", "run.id",
// "trigger", "time" (HH:MM), "date" (YYYY-MM-DD), "weekday".
type Ref struct {
	kind  refKind
	name  string
	field eventField
}

// maxRefLen bounds a reference's length.
const maxRefLen = 64

// ParseRef compiles a reference. It fails for empty or malformed names.
func ParseRef(s string) (Ref, error) {
	if !validRefName(s) {
		return Ref{}, fmt.Errorf("invalid field reference %q", s)
	}
	prefix, rest, dotted := strings.Cut(s, ".")
	switch {
	case dotted && (prefix == "var" || prefix == "vars"):
		return Ref{kind: refVar, name: rest}, nil
	case dotted && (prefix == "args" || prefix == "arg"):
		return Ref{kind: refArg, name: rest}, nil
	case dotted && prefix == "event":
		f := lookupEventField(rest)
		if f == fieldNone {
			return Ref{}, fmt.Errorf("unknown event field %q", rest)
		}
		return Ref{kind: refEvent, name: rest, field: f}, nil
	}
	switch s {
	case "flow.id", "flow.name", "run.id", "trigger", "time", "date", "weekday":
		return Ref{kind: refSpecial, name: s}, nil
	}
	return Ref{kind: refName, name: s, field: lookupEventField(s)}, nil
}

// MustParseRef is ParseRef for references known to be valid.
func MustParseRef(s string) Ref {
	r, err := ParseRef(s)
	if err != nil {
		panic(err)
	}
	return r
}

func validRefName(s string) bool {
	if s == "" || len(s) > maxRefLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		digit := c >= '0' && c <= '9'
		sep := c == '.' || c == '-' || c == ':'
		if i == 0 && !alpha || !alpha && !digit && !sep {
			return false
		}
	}
	return s[len(s)-1] != '.'
}

// String returns the reference as written.
func (r Ref) String() string {
	switch r.kind {
	case refVar:
		return "var." + r.name
	case refArg:
		return "args." + r.name
	case refEvent:
		return "event." + r.name
	}
	return r.name
}

// Known reports whether r names something that always exists (an event
// field, a variable, a run fact) rather than an argument a trigger may or
// may not provide.
func (r Ref) Known() bool {
	return r.kind == refVar || r.kind == refEvent || r.kind == refSpecial || r.field != fieldNone
}

// Resolve reads r from s. ok is false when the value does not exist.
func (s *Scope) Resolve(r *Ref) (Value, bool) {
	switch r.kind {
	case refVar:
		if s.Vars == nil {
			return Value{}, false
		}
		return s.Vars.Var(r.name)
	case refArg:
		v, ok := s.Args[r.name]
		return StringValue(v), ok
	case refEvent:
		if s.Event == nil {
			return Value{}, false
		}
		return eventValue(s.Event, r.field), true
	case refSpecial:
		return s.special(r.name), true
	}
	if v, ok := s.Args[r.name]; ok {
		return StringValue(v), true
	}
	if r.field != fieldNone && s.Event != nil {
		return eventValue(s.Event, r.field), true
	}
	return Value{}, false
}

func (s *Scope) special(name string) Value {
	now := s.Now
	if now.IsZero() {
		now = time.Now()
	}
	switch name {
	case "flow.id":
		return StringValue(s.FlowID)
	case "flow.name":
		return StringValue(s.FlowName)
	case "run.id":
		return StringValue(s.RunID)
	case "trigger":
		return StringValue(s.Trigger)
	case "time":
		return StringValue(now.Format("15:04"))
	case "date":
		return StringValue(now.Format("2006-01-02"))
	case "weekday":
		return StringValue(strings.ToLower(now.Weekday().String()[:3]))
	}
	return Value{}
}

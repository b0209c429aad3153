package flow

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// mapVars is a VarSource for check-level tests.
type mapVars map[string]action.Value

func (m mapVars) Var(name string) (action.Value, bool) { v, ok := m[name]; return v, ok }

func compileCond(t testing.TB, reg *action.Registry, doc string) action.Group {
	t.Helper()
	cc := &condCompiler{reg: reg}
	g, err := cc.CompileConditions([]byte("[" + doc + "]"))
	if err != nil {
		t.Fatalf("%s: %v", doc, err)
	}
	return g
}

func TestCompareOperators(t *testing.T) {
	reg := builtinRegistry(t)
	ev := gift("alice", 5655, 150)
	ev.Nickname, ev.GiftName, ev.IsFollower = "Alice", "Rose", true
	scope := &action.Scope{Event: ev, Args: map[string]string{"arg1": "42"},
		Vars: mapVars{"score": action.IntValue(10), "flag": action.BoolValue(true)}}
	cases := []struct {
		field, op, value string
		fold, want       bool
	}{
		{"coins", "==", `150`, true, true}, {"coins", "==", `"150"`, true, true},
		{"coins", "!=", `100`, true, true}, {"coins", ">", `100`, true, true},
		{"coins", ">=", `150`, true, true}, {"coins", "<", `150`, true, false},
		{"coins", "<=", `150`, true, true}, {"nickname", "==", `"alice"`, true, true},
		{"nickname", "==", `"alice"`, false, false}, {"nickname", "contains", `"LIC"`, true, true},
		{"nickname", "notContains", `"bob"`, true, true}, {"nickname", "startsWith", `"al"`, true, true},
		{"nickname", "endsWith", `"ce"`, false, true}, {"nickname", "regex", `"^a.i"`, true, true},
		{"nickname", "regex", `"^a.i"`, false, false}, {"giftName", "in", `["Rose","Lion"]`, true, true},
		{"giftName", "notIn", `["Rose","Lion"]`, true, false}, {"giftName", "in", `"rose, lion"`, true, true},
		{"coins", "in", `[100, 150]`, true, true}, {"avatarUrl", "exists", ``, true, false},
		{"nickname", "exists", ``, true, true}, {"args.missing", "notExists", ``, true, true},
		{"isFollower", "isTrue", ``, true, true}, {"isModerator", "isFalse", ``, true, true},
		{"var.score", ">=", `10`, true, true}, {"var.flag", "isTrue", ``, true, true},
		{"var.none", "notExists", ``, true, true}, {"arg1", ">", `40`, true, true},
		{"isFollower", "==", `true`, true, true},
	}
	for _, c := range cases {
		doc := `{"type":"compare","config":{"field":"` + c.field + `","op":"` + c.op + `","ignoreCase":` +
			map[bool]string{true: "true", false: "false"}[c.fold]
		if c.value != "" {
			doc += `,"value":` + c.value
		}
		g := compileCond(t, reg, doc+`}}`)
		r := g[0].Check(&action.Eval{Scope: scope})
		if r.OK != c.want {
			t.Errorf("%s %s %s (fold %v) = %v, want %v (%s)", c.field, c.op, c.value, c.fold, r.OK, c.want, r.Reason)
		}
		if r.Reason == "" {
			t.Errorf("%s %s: no reason", c.field, c.op)
		}
	}
}

func TestCompareValidation(t *testing.T) {
	reg := builtinRegistry(t)
	cc := &condCompiler{reg: reg}
	for _, doc := range []string{
		`{"type":"compare","config":{"field":"coins","op":">","value":"abc"}}`,
		`{"type":"compare","config":{"field":"comment","op":"regex","value":"(x"}}`,
		`{"type":"compare","config":{"field":"comment","op":"like","value":"x"}}`,
		`{"type":"compare","config":{"field":"","op":"==","value":1}}`,
		`{"type":"compare","config":{"field":"coins","op":"=="}}`,
		`{"type":"nope"}`,
		`{"type":"and","config":{"conditions":[{"type":"nope"}]}}`,
	} {
		if _, err := cc.CompileConditions([]byte("[" + doc + "]")); err == nil {
			t.Errorf("accepted %s", doc)
		}
	}
}

func TestGroups(t *testing.T) {
	reg := builtinRegistry(t)
	big := `{"type":"compare","config":{"field":"coins","op":">=","value":100}}`
	rose := `{"type":"compare","config":{"field":"giftName","op":"==","value":"Rose"}}`
	scope := &action.Scope{Event: gift("a", 1, 10)}
	scope.Event.GiftName = "Rose"
	check := func(doc string) action.Result {
		return compileCond(t, reg, doc)[0].Check(&action.Eval{Scope: scope})
	}
	if r := check(`{"type":"and","config":{"conditions":[` + big + `,` + rose + `]}}`); r.OK || len(r.Children) != 2 || !r.Children[1].Skipped {
		t.Fatalf("and: %+v", r)
	}
	if r := check(`{"type":"or","config":{"conditions":[` + big + `,` + rose + `]}}`); !r.OK || !r.Children[1].Result {
		t.Fatalf("or: %+v", r)
	}
	if r := check(`{"type":"not","config":{"conditions":[` + big + `]}}`); !r.OK {
		t.Fatalf("not: %+v", r)
	}
	nested := `{"type":"or","config":{"conditions":[{"type":"not","config":{"conditions":[` + rose + `]}},` + big + `]}}`
	if r := check(nested); r.OK || len(r.Children[0].Children) != 1 {
		t.Fatalf("nested: %+v", r)
	}
}

func TestRoleCondition(t *testing.T) {
	reg := builtinRegistry(t)
	g := compileCond(t, reg, `{"type":"role","config":{"roles":["subscriber","topGifter"],"topN":1,"users":["@VIP"]}}`)
	lookup := roles{"topGifter": {"king"}}
	for _, c := range []struct {
		user string
		sub  bool
		want bool
	}{{"nobody", false, false}, {"king", false, true}, {"vip", false, true}, {"fan", true, true}} {
		ev := chat(c.user, "hi")
		ev.IsSubscriber = c.sub
		r := g[0].Check(&action.Eval{Scope: &action.Scope{Event: ev}, Roles: lookup})
		if r.OK != c.want {
			t.Errorf("%s: %v (%s)", c.user, r.OK, r.Reason)
		}
	}
	if r := g[0].Check(&action.Eval{Scope: &action.Scope{}}); r.OK {
		t.Fatal("no viewer must fail")
	}
}

func TestTimeConditions(t *testing.T) {
	reg := builtinRegistry(t)
	night := compileCond(t, reg, `{"type":"timeOfDay","config":{"from":"22:00","to":"02:00"}}`)[0]
	day := compileCond(t, reg, `{"type":"timeOfDay","config":{"from":"09:00","to":"17:00"}}`)[0]
	mon := compileCond(t, reg, `{"type":"weekday","config":{"days":["mon","fri"]}}`)[0]
	at := func(h, m int, d int) *action.Eval {
		return &action.Eval{Scope: &action.Scope{}, Now: time.Date(2026, 3, d, h, m, 0, 0, time.UTC)}
	}
	for _, c := range []struct {
		g    action.Compiled
		ev   *action.Eval
		want bool
	}{{night, at(23, 0, 2), true}, {night, at(1, 59, 2), true}, {night, at(2, 0, 2), false}, {night, at(12, 0, 2), false},
		{day, at(12, 0, 2), true}, {day, at(17, 0, 2), false}, {mon, at(12, 0, 2), true}, {mon, at(12, 0, 3), false},
		{mon, at(12, 0, 6), true}} {
		if r := c.g.Check(c.ev); r.OK != c.want {
			t.Errorf("%s at %s: %v (%s)", c.g.Type, c.ev.Now.Format("Mon 15:04"), r.OK, r.Reason)
		}
	}
	if _, err := (&condCompiler{reg: reg}).CompileConditions([]byte(`[{"type":"timeOfDay","config":{"from":"9","to":"17:00"}}]`)); err == nil {
		t.Fatal("bad time accepted")
	}
}

// seq is an injectable rand returning the given values in turn.
type seq struct {
	mu sync.Mutex
	v  []float64
}

func (s *seq) next() float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	x := s.v[0]
	if len(s.v) > 1 {
		s.v = s.v[1:]
	}
	return x
}

func TestChanceCondition(t *testing.T) {
	g := compileCond(t, builtinRegistry(t), `{"type":"chance","config":{"percent":25}}`)[0]
	r := &seq{v: []float64{0.2, 0.3}}
	ev := &action.Eval{Scope: &action.Scope{}, Rand: r.next}
	if !g.Check(ev).OK || g.Check(ev).OK {
		t.Fatal("25% chance: 0.2 passes, 0.3 fails")
	}
}

func statuses(ts []*Trace) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.Status)
	}
	return strings.Join(s, ",")
}

func TestCooldownGlobalAndPerUser(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("global", `{"type":"tiktok.gift"}`, `[{"type":"cooldown","config":{"seconds":30}}]`, ""))
	h.save(flowDoc("peruser", `{"type":"tiktok.chat"}`, `[{"type":"cooldown","config":{"seconds":30,"scope":"user"}}]`, ""))
	h.publish(gift("a", 1, 1))
	h.runs("global", 1)
	h.clock.Advance(10 * time.Second)
	h.publish(gift("b", 1, 1))
	h.clock.Advance(21 * time.Second)
	h.publish(gift("c", 1, 1))
	ts := h.runs("global", 3)
	if statuses(ts) != "completed,rejected,completed" || !strings.Contains(ts[1].Conditions[0].Reason, "20.0s left") {
		t.Fatalf("global: %s / %+v", statuses(ts), ts[1].Conditions)
	}

	h.publish(chat("a", "1"))
	h.runs("peruser", 1)
	h.publish(chat("b", "1"))
	h.runs("peruser", 2)
	h.clock.Advance(10 * time.Second)
	h.publish(chat("a", "2"))
	h.clock.Advance(25 * time.Second)
	h.publish(chat("a", "3"))
	if got := statuses(h.runs("peruser", 4)); got != "completed,completed,rejected,completed" {
		t.Fatalf("per user: %s", got)
	}
}

func TestCooldownStartsOnlyWhenTheRunIsAdmitted(t *testing.T) {
	r := &seq{v: []float64{0.9, 0.1}}
	h := newHarness(t, func(o *Options) { o.Rand = r.next })
	h.save(flowDoc("cd", `{"type":"tiktok.gift"}`,
		`[{"type":"cooldown","config":{"seconds":30}},{"type":"chance","config":{"percent":50}}]`, ""))
	h.publish(gift("a", 1, 1)) // chance fails: no cooldown
	h.publish(gift("a", 1, 1)) // passes
	h.publish(gift("a", 1, 1)) // cooling down
	ts := h.runs("cd", 3)
	if statuses(ts) != "rejected,completed,rejected" || !ts[0].Conditions[0].Result || ts[2].Conditions[0].Result {
		t.Fatalf("%s", statuses(ts))
	}
}

func TestRateLimit(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("rl", `{"type":"tiktok.gift"}`, `[{"type":"rateLimit","config":{"count":2,"windowSeconds":60}}]`, ""))
	h.save(flowDoc("rlu", `{"type":"tiktok.chat"}`, `[{"type":"rateLimit","config":{"count":1,"windowSeconds":60,"scope":"user"}}]`, ""))
	for i := 0; i < 3; i++ {
		h.publish(gift("a", 1, 1))
		h.runs("rl", i+1)
		h.clock.Advance(time.Second)
	}
	h.clock.Advance(58 * time.Second)
	h.publish(gift("a", 1, 1))
	if got := statuses(h.runs("rl", 4)); got != "completed,completed,rejected,completed" {
		t.Fatalf("global: %s", got)
	}
	for _, u := range []string{"a", "b", "a"} {
		h.publish(chat(u, "x"))
	}
	if got := statuses(h.runs("rlu", 3)); strings.Count(got, "rejected") != 1 {
		t.Fatalf("per user: %s", got)
	}
}

func TestVariableCondition(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("v", `{"type":"tiktok.follow"}`, `[{"type":"variable","config":{"name":"enabled","op":"isTrue"}}]`, ""))
	follow := &domain.Event{Type: domain.EventFollow, User: domain.User{UniqueID: "f"}}
	h.publish(follow)
	if err := h.e.SetVariables(map[string]json.RawMessage{"enabled": json.RawMessage("true")}); err != nil {
		t.Fatal(err)
	}
	h.publish(follow)
	if got := statuses(h.runs("v", 2)); got != "rejected,completed" {
		t.Fatalf("%s", got)
	}
}

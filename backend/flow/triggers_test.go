package flow

import (
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/action/actiontest"
	"github.com/ltth/ltth/backend/domain"
)

// builtinRegistry returns a registry with the built-in blocks.
func builtinRegistry(t testing.TB) *action.Registry {
	t.Helper()
	h := newHarness(t)
	return h.e.reg
}

func evIn(e *domain.Event) *action.Input {
	m := domain.EventMessage(e)
	return &action.Input{Key: m.Type, Msg: &m, Event: e, Now: time.Now()}
}

func TestGiftTriggers(t *testing.T) {
	reg := builtinRegistry(t)
	m := actiontest.Trigger(t, reg, "tiktok.gift", `{"minCoins":100}`)
	if m.Keys[0] != "gift" || actiontest.Matches(m, evIn(gift("a", 1, 99))) || !actiontest.Matches(m, evIn(gift("a", 1, 100))) {
		t.Fatal("minCoins")
	}
	m = actiontest.Trigger(t, reg, "tiktok.gift", `{"giftId":5655}`)
	if actiontest.Matches(m, evIn(gift("a", 1, 500))) || !actiontest.Matches(m, evIn(gift("a", 5655, 1))) {
		t.Fatal("giftId")
	}
	m = actiontest.Trigger(t, reg, "tiktok.giftStreak", `{}`)
	if m.Keys[0] != "giftStreak" {
		t.Fatalf("giftStreak keys %v", m.Keys)
	}
}

func like(count, total int64) *domain.Event {
	return &domain.Event{Type: domain.EventLike, LikeCount: count, TotalLikeCount: total}
}

func TestLikeTriggerThresholds(t *testing.T) {
	reg := builtinRegistry(t)
	m := actiontest.Trigger(t, reg, "tiktok.like", `{"minLikes":10}`)
	if actiontest.Matches(m, evIn(like(5, 5))) || !actiontest.Matches(m, evIn(like(15, 20))) {
		t.Fatal("minLikes")
	}
	m = actiontest.Trigger(t, reg, "tiktok.like", `{"everyTotal":1000}`)
	steps := []struct {
		total int64
		want  string
	}{{500, ""}, {990, ""}, {1005, "1000"}, {1100, ""}, {2003, "2000"}, {2010, ""}}
	for _, s := range steps {
		args, ok := m.Match(evIn(like(15, s.total)))
		if ok != (s.want != "") || ok && args["milestone"] != s.want {
			t.Fatalf("total %d: ok=%v args=%v, want milestone %q", s.total, ok, args, s.want)
		}
	}
	m = actiontest.Trigger(t, reg, "tiktok.like", `{"totalReached":5000}`)
	for _, s := range []struct {
		total int64
		ok    bool
	}{{4990, false}, {5010, true}, {6000, false}} {
		if actiontest.Matches(m, evIn(like(15, s.total))) != s.ok {
			t.Fatalf("totalReached at %d: want %v", s.total, s.ok)
		}
	}
}

func TestLikeTriggerDryRunKeepsState(t *testing.T) {
	m := actiontest.Trigger(t, builtinRegistry(t), "tiktok.like", `{"everyTotal":100}`)
	m.Match(evIn(like(10, 90)))
	dry := evIn(like(15, 105))
	dry.DryRun = true
	if !actiontest.Matches(m, dry) || !actiontest.Matches(m, evIn(like(15, 105))) {
		t.Fatal("a dry run must not consume the milestone")
	}
}

func TestChatTriggerModes(t *testing.T) {
	reg := builtinRegistry(t)
	cases := []struct {
		cfg, text string
		want      bool
	}{
		{`{}`, "anything", true},
		{`{"match":"contains","text":"Hello"}`, "oh hello there", true},
		{`{"match":"contains","text":"Hello","ignoreCase":false}`, "oh hello there", false},
		{`{"match":"equals","text":"gg"}`, " GG ", true},
		{`{"match":"equals","text":"gg"}`, "ggs", false},
		{`{"match":"startsWith","text":"hi"}`, "Hi all", true},
		{`{"match":"endsWith","text":"!!"}`, "wow!!", true},
		{`{"match":"regex","text":"^\\d{3}$"}`, "123", true},
		{`{"match":"regex","text":"^\\d{3}$"}`, "1234", false},
	}
	for _, c := range cases {
		m := actiontest.Trigger(t, reg, "tiktok.chat", c.cfg)
		if got := actiontest.Matches(m, evIn(chat("u", c.text))); got != c.want {
			t.Errorf("%s on %q = %v, want %v", c.cfg, c.text, got, c.want)
		}
	}
	def, _ := reg.Trigger("tiktok.chat")
	cfg, _ := action.NewConfig([]byte(`{"match":"regex","text":"(unclosed"}`), def.Fields)
	if _, err := def.Compile(cfg); err == nil || !strings.Contains(err.Error(), "regular expression") {
		t.Fatalf("bad regex: %v", err)
	}
}

// roles is a RoleLookup for tests: users listed per role.
type roles map[string][]string

func (r roles) HasRole(u domain.User, role string, topN int) (bool, error) {
	for _, id := range r[role] {
		if id == u.UserID {
			return true, nil
		}
	}
	return false, nil
}

func TestChatTriggerRoleGate(t *testing.T) {
	m := actiontest.Trigger(t, builtinRegistry(t), "tiktok.chat", `{"roles":["moderator","topGifter"]}`)
	mod := chat("m", "hi")
	mod.IsModerator = true
	in := evIn(chat("top", "hi"))
	in.Roles = roles{"topGifter": {"top"}}
	if actiontest.Matches(m, evIn(chat("x", "hi"))) || !actiontest.Matches(m, evIn(mod)) || !actiontest.Matches(m, in) {
		t.Fatal("role gate")
	}
}

func TestCommandTrigger(t *testing.T) {
	reg := builtinRegistry(t)
	m := actiontest.Trigger(t, reg, "tiktok.command", `{"command":"!hello","aliases":["hi"]}`)
	args, ok := m.Match(evIn(chat("u", "!HELLO world  foo")))
	if !ok || args["command"] != "!hello" || args["args"] != "world  foo" || args["arg1"] != "world" ||
		args["arg2"] != "foo" || args["argCount"] != "2" {
		t.Fatalf("args %v ok %v", args, ok)
	}
	if !actiontest.Matches(m, evIn(chat("u", "!hi"))) || actiontest.Matches(m, evIn(chat("u", "!helloo"))) || actiontest.Matches(m, evIn(chat("u", "say !hello"))) {
		t.Fatal("aliases / exact word")
	}
	gated := actiontest.Trigger(t, reg, "tiktok.command", `{"command":"!skip","roles":["subscriber"]}`)
	sub := chat("s", "!skip")
	sub.IsSubscriber = true
	if actiontest.Matches(gated, evIn(chat("x", "!skip"))) || !actiontest.Matches(gated, evIn(sub)) {
		t.Fatal("role gate")
	}
}

func TestSubscribeAndViewersTriggers(t *testing.T) {
	reg := builtinRegistry(t)
	m := actiontest.Trigger(t, reg, "tiktok.subscribe", `{"minMonths":3}`)
	if actiontest.Matches(m, evIn(&domain.Event{Type: domain.EventSubscribe, SubMonth: 2})) ||
		!actiontest.Matches(m, evIn(&domain.Event{Type: domain.EventSubscribe, SubMonth: 3})) {
		t.Fatal("minMonths")
	}
	m = actiontest.Trigger(t, reg, "tiktok.viewers", `{"minViewers":100}`)
	for i, s := range []struct {
		n    int64
		want bool
	}{{50, false}, {120, true}, {130, false}, {80, false}, {150, true}} {
		if got := actiontest.Matches(m, evIn(&domain.Event{Type: domain.EventViewers, ViewerCount: s.n})); got != s.want {
			t.Fatalf("step %d (%d viewers) = %v", i, s.n, got)
		}
	}
}

func TestEveryEventTypeHasATrigger(t *testing.T) {
	reg := builtinRegistry(t)
	for _, et := range domain.EventTypes {
		m := actiontest.Trigger(t, reg, "tiktok."+string(et), `{}`)
		if len(m.Keys) != 1 || m.Keys[0] != string(et) {
			t.Errorf("%s: keys %v", et, m.Keys)
		}
		ev := SampleEvent(et)
		if et == domain.EventLike || et == domain.EventViewers || et == domain.EventGift || et == domain.EventGiftStreak ||
			et == domain.EventSubscribe {
			continue // thresholds tested above; defaults match any
		}
		if !actiontest.Matches(m, evIn(ev)) {
			t.Errorf("%s does not match its sample", et)
		}
	}
	m := actiontest.Trigger(t, reg, "tiktok.event", `{"types":["follow","share"]}`)
	if strings.Join(m.Keys, ",") != "follow,share" {
		t.Fatalf("keys %v", m.Keys)
	}
}

func TestPluginTrigger(t *testing.T) {
	reg := builtinRegistry(t)
	p := actiontest.Trigger(t, reg, "plugin.event", `{"plugin":"emoji-rain","event":"done"}`)
	if p.Keys[0] != "plugin:emoji-rain:done" {
		t.Fatalf("keys %v", p.Keys)
	}
	args, ok := p.Match(actiontest.State("plugin:emoji-rain:done", map[string]any{"count": 12, "who": "bob"}))
	if !ok || args["count"] != "12" || args["who"] != "bob" {
		t.Fatalf("plugin args %v", args)
	}
}

func TestTimerTriggers(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("every10", `{"type":"timer.interval","config":{"seconds":10}}`, "", ""))
	h.save(flowDoc("anytime", `{"type":"timer.interval","config":{"seconds":10,"onlyLive":false}}`, "", ""))
	h.save(flowDoc("evening", `{"type":"timer.schedule","config":{"times":["20:00"],"weekdays":["mon"]}}`, "", ""))
	h.e.Tick(h.clock.Now()) // arms the intervals
	h.clock.Advance(5 * time.Second)
	h.e.Tick(h.clock.Now())
	h.clock.Advance(5 * time.Second)
	h.e.Tick(h.clock.Now())
	h.runs("anytime", 1)
	h.noMoreRuns("every10", 0) // not live
	h.publish(&domain.Event{Type: domain.EventConnected, RoomID: "1"})
	h.clock.Advance(10 * time.Second)
	h.e.Tick(h.clock.Now())
	h.runs("every10", 1)
	h.runs("anytime", 2)

	mon := time.Date(2026, 3, 2, 20, 0, 5, 0, time.UTC)
	for _, at := range []time.Time{mon.Add(-10 * time.Second), mon, mon.Add(20 * time.Second), mon.Add(24 * time.Hour)} {
		h.e.Tick(at)
	}
	h.runs("evening", 1)
	h.noMoreRuns("evening", 1)
}

func TestManualAndWebhookTriggers(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("button", `{"type":"manual","config":{"label":"Go"}}`, "", ""))
	h.save(flowDoc("hook", `{"type":"webhook","config":{"hookId":"stream-deck"}}`, "",
		`[{"type":"variable.set","config":{"name":"last","value":"{key}"}}]`))
	res, err := h.e.Run("button", chat("viewer", "x"), nil)
	if err != nil || res.Status != "running" {
		t.Fatalf("run: %+v %v", res, err)
	}
	if tr := h.runs("button", 1)[0]; tr.Trigger.Type != "manual" || tr.Trigger.Index != 0 || tr.Status != StatusCompleted {
		t.Fatalf("trace %+v", tr)
	}
	if fired := h.e.Webhook("nope", nil, nil); len(fired) != 0 {
		t.Fatal("unknown hook fired")
	}
	fired := h.e.Webhook("stream-deck", map[string]string{"key": "F1"}, nil)
	if len(fired) != 1 || fired[0].FlowID != "hook" {
		t.Fatalf("fired %+v", fired)
	}
	h.runs("hook", 1)
	if v, _ := h.e.vars.get("last"); v.Text() != "F1" {
		t.Fatalf("webhook args: last = %q", v.Text())
	}
}

func TestTriggerValidation(t *testing.T) {
	h := newHarness(t)
	bad := []string{
		`{"type":"tiktok.command","config":{"command":"two words"}}`,
		`{"type":"webhook","config":{"hookId":"a/b"}}`,
		`{"type":"timer.interval","config":{"seconds":0}}`,
		`{"type":"timer.schedule","config":{"times":["25:00"]}}`,
		`{"type":"timer.schedule","config":{"times":["10:00"],"weekdays":["someday"]}}`,
		`{"type":"plugin.event","config":{"plugin":"a:b","event":"x"}}`,
		`{"type":"tiktok.gift","config":{"minCoin":5}}`,
		`{"type":"tiktok.gift","config":{"minCoins":"lots"}}`,
	}
	for _, trig := range bad {
		f, _ := Decode([]byte(flowDoc("bad", trig, "", "")))
		if _, err := h.e.Save(f); err == nil {
			t.Errorf("accepted %s", trig)
		}
	}
}

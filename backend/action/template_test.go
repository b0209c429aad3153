package action

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/domain"
)

type vars map[string]Value

func (v vars) Var(name string) (Value, bool) { x, ok := v[name]; return x, ok }

const hostile = `<img src=x onerror=alert(1)>`

func scope() *Scope {
	return &Scope{
		Event: &domain.Event{Type: domain.EventGift, User: domain.User{UserID: "1", UniqueID: "fan",
			Nickname: hostile}, GiftID: 5655, GiftName: `Rose "red"`, Coins: 150, RepeatCount: 3},
		Args:     map[string]string{"command": "!hi", "arg1": "a&b"},
		Vars:     vars{"score": IntValue(42), "title": StringValue("Top")},
		FlowName: "Big gift",
	}
}

func TestRenderText(t *testing.T) {
	tpl := CompileTemplate("{nickname} sent {{repeatCount}}x {giftName} ({coins} coins), score {var.score}, {command} {arg1} {flow.name}")
	want := hostile + ` sent 3x Rose "red" (150 coins), score 42, !hi a&b Big gift`
	if got := tpl.RenderText(scope()); got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func TestRenderHTMLEscapesHostileValues(t *testing.T) {
	tpl := CompileTemplate(`<b>{nickname}</b> sent {giftName}`)
	got := tpl.RenderHTML(scope())
	if strings.Contains(got, "<img") || !strings.HasPrefix(got, "<b>&lt;img src=x onerror=alert(1)&gt;</b>") ||
		!strings.Contains(got, "Rose &#34;red&#34;") {
		t.Fatalf("not escaped: %s", got)
	}
}

func TestRenderJSONStaysValid(t *testing.T) {
	tpl := CompileTemplate(`{"user":"{nickname}","gift":"{giftName}","coins":{coins},"x":{"nested":1}}`)
	out := tpl.RenderJSON(scope())
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("invalid JSON %s: %v", out, err)
	}
	if m["user"] != hostile || m["gift"] != `Rose "red"` || m["coins"] != 150.0 || strings.Contains(out, "<img") {
		t.Fatalf("%s", out)
	}
}

func TestRenderURL(t *testing.T) {
	got := CompileTemplate("https://x.test/api?u={nickname}&a={arg1}").RenderURL(scope())
	if got != "https://x.test/api?u=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E&a=a%26b" {
		t.Fatalf("%s", got)
	}
}

func TestUnknownAndLiteralPlaceholders(t *testing.T) {
	s := scope()
	cases := map[string]string{
		"{unknown} stays":      "{unknown} stays",
		"{ not a ref }":        "{ not a ref }",
		"{}{{}}":               "{}{{}}",
		"{var.missing}|":       "|", // variables are known names: empty when unset
		"{comment}|":           "|", // an event field the gift lacks
		"{{ nickname }}":       hostile,
		"{username} {user_id}": hostile + " 1",
		"unterminated {coins":  "unterminated {coins",
	}
	for src, want := range cases {
		if got := CompileTemplate(src).RenderText(s); got != want {
			t.Errorf("%q -> %q, want %q", src, got, want)
		}
	}
	if !CompileTemplate("plain").IsStatic() || CompileTemplate("{coins}").IsStatic() {
		t.Fatal("IsStatic")
	}
}

func TestValuesNeverReexpand(t *testing.T) {
	s := &Scope{Event: &domain.Event{Type: domain.EventChat, Comment: "{var.secret}"},
		Vars: vars{"secret": StringValue("leak")}}
	if got := CompileTemplate("{comment}").RenderText(s); got != "{var.secret}" {
		t.Fatalf("re-expanded: %q", got)
	}
}

func TestRenderWithoutEvent(t *testing.T) {
	s := &Scope{Args: map[string]string{"nickname": "from webhook"}}
	if got := CompileTemplate("{nickname}/{coins}").RenderText(s); got != "from webhook/" {
		t.Fatalf("%q", got)
	}
}

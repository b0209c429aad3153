package flow

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

func TestDryRunHasNoSideEffects(t *testing.T) {
	srv := newHookServer(t)
	var called atomic.Int32
	reg := action.NewRegistry()
	reg.AddAction(action.Action{Info: action.Info{Type: "obs.scene", Name: "Switch scene", Category: "OBS",
		Fields: []action.FieldSpec{{Name: "scene", Label: "Scene", Kind: action.FieldTemplate}}},
		Execute: func(context.Context, *action.Run) error { called.Add(1); return nil }})
	reg.AddAction(action.Action{Info: action.Info{Type: "test.announce", Name: "Announce", Category: "Test"},
		DryRunSafe: true,
		Execute: func(_ context.Context, run *action.Run) error {
			run.Publish(domain.Message{Type: "announce"})
			return nil
		}})
	h := newHarness(t, func(o *Options) { o.Registry = reg })
	h.save(flowDoc("big", `{"type":"tiktok.gift","config":{"minCoins":100}}`,
		`[{"type":"cooldown","config":{"seconds":60}}]`, `[
		{"type":"test.announce"},
		{"type":"variable.increment","config":{"name":"total","by":"{coins}"}},
		{"type":"delay","config":{"ms":600000}},
		{"type":"webhook.send","config":{"url":"`+srv.URL+`/x","body":"{\"n\":\"{nickname}\"}"}},
		{"type":"obs.scene","config":{"scene":"Gift {giftName}"}},
		{"type":"log.write","config":{"message":"hello"}}]`))
	tr, err := h.e.Test("big", TestRequest{Event: gift("ann", 5655, 150)})
	if err != nil {
		t.Fatal(err)
	}
	if !tr.DryRun || tr.Status != StatusCompleted || !tr.Trigger.Matched || tr.Trigger.Type != "tiktok.gift" ||
		len(tr.Conditions) != 1 || !tr.Conditions[0].Result || len(tr.Actions) != 6 {
		t.Fatalf("trace %+v", tr)
	}
	notes := ""
	for _, a := range tr.Actions {
		if a.Status != "dryRun" {
			t.Errorf("action %s: %s %s", a.Type, a.Status, a.Error)
		}
		notes += strings.Join(a.Notes, "|") + "\n"
	}
	for _, want := range []string{`would publish "announce"`, "would set variable total = 150", "would wait 10m0s",
		"would POST " + srv.URL + "/x", `would run obs.scene (scene="Gift Rose")`, "would log (info): hello"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if tr.Variables["total"].Num != 150 {
		t.Errorf("snapshot %+v", tr.Variables)
	}
	h.none("announce")
	if called.Load() != 0 || len(srv.requests()) != 0 {
		t.Fatal("side effects in a dry run")
	}
	if _, ok := h.e.vars.get("total"); ok {
		t.Fatal("variable written by a dry run")
	}
	if runs, _ := h.e.Runs("big"); len(runs) != 0 {
		t.Fatal("dry run recorded as a run")
	}
	// The cooldown was not consumed: a real gift still runs.
	if tr, _ := h.e.Test("big", TestRequest{Event: gift("bob", 1, 500)}); len(tr.Conditions) != 1 || !tr.Conditions[0].Result {
		t.Fatalf("cooldown consumed: %+v", tr.Conditions)
	}
}

func TestDryRunSamplesAndForce(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("cmd", `{"type":"tiktok.command","config":{"command":"!so"}}`,
		`[{"type":"compare","config":{"field":"arg1","op":"exists"}}]`,
		`[{"type":"variable.set","config":{"name":"shout","value":"{arg1}"}}]`))
	h.save(flowDoc("tick", `{"type":"timer.interval","config":{"seconds":60}}`, "", ""))
	tr, _ := h.e.Test("cmd", TestRequest{})
	if tr.Status != StatusRejected || tr.Trigger.Matched || !strings.Contains(tr.Reason, "no trigger") {
		t.Fatalf("default chat sample is not a command: %+v", tr)
	}
	tr, _ = h.e.Test("cmd", TestRequest{Event: chat("mod", "!so")})
	if tr.Status != StatusRejected || tr.Conditions[0].Result {
		t.Fatalf("condition should fail: %+v", tr)
	}
	tr, _ = h.e.Test("cmd", TestRequest{Event: chat("mod", "!so"), Force: true})
	if tr.Status != StatusCompleted || len(tr.Actions) != 1 {
		t.Fatalf("forced: %+v", tr)
	}
	tr, _ = h.e.Test("cmd", TestRequest{Event: chat("mod", "!so @friend")})
	if tr.Status != StatusCompleted || tr.Args["arg1"] != "@friend" || tr.Variables["shout"].Str != "@friend" {
		t.Fatalf("matched: %+v", tr)
	}
	tr, _ = h.e.Test("tick", TestRequest{})
	if tr.Status != StatusCompleted || tr.Trigger.Type != "test" {
		t.Fatalf("timer flow without sample: %+v", tr)
	}
	stateFlow := `{"id":"g","name":"g","triggers":[{"type":"plugin.event","config":{"plugin":"goals","event":"reached"}}],
		"actions":[{"type":"log.write","config":{"message":"{goalName}"}}]}`
	f, _ := Decode([]byte(stateFlow))
	tr, err := h.e.Test("g", TestRequest{Flow: f, Message: &SampleMessage{Type: "plugin:goals:reached",
		Data: []byte(`{"id":"x","goalName":"Likes","value":10,"target":10}`)}})
	if err != nil || tr.Status != StatusCompleted || tr.Args["goalName"] != "Likes" {
		t.Fatalf("unsaved flow with a state sample: %+v %v", tr, err)
	}
	if _, err := h.e.Test("missing", TestRequest{}); err == nil {
		t.Fatal("missing flow")
	}
	_ = domain.EventChat
}

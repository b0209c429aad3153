package flow

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/store"
)

// storeAdapter is the adapter core uses to hand *store.DB to the engine.
func storeAdapter(db *store.DB) Store {
	return StoreFuncs{
		VariableStore: db,
		List: func() ([]FlowRecord, error) {
			rs, err := db.ListFlows()
			out := make([]FlowRecord, len(rs))
			for i, r := range rs {
				out[i] = FlowRecord(r)
			}
			return out, err
		},
		Put:    func(r FlowRecord) error { return db.PutFlow(store.FlowRecord(r)) },
		Delete: db.DeleteFlow,
	}
}

func startOn(t *testing.T, st Store, dir string) *Engine {
	t.Helper()
	e, err := New(Options{Bus: bus.New(), Store: st, DataDir: dir, TickInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e
}

func stopEngine(t *testing.T, e *Engine) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := e.Stop(ctx); err != nil {
		t.Fatal(err)
	}
}

func waitRuns(t *testing.T, e *Engine, id string, n int) []*Trace {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		ts, _ := e.Runs(id)
		if len(ts) >= n {
			return ts
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %d runs, want %d", id, len(ts), n)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func TestVariablesSurviveRestartWithRealStore(t *testing.T) {
	dir := t.TempDir()
	m, err := store.OpenManager(dir)
	if err != nil {
		t.Fatal(err)
	}
	db, err := m.Open("default")
	if err != nil {
		t.Fatal(err)
	}
	e := startOn(t, storeAdapter(db), dir)
	f, _ := Decode([]byte(`{"id":"counter","name":"Gift counter","enabled":true,"mode":"queued",
		"triggers":[{"type":"tiktok.gift"}],
		"actions":[{"type":"variable.increment","config":{"name":"gifts","by":"{coins}"}},
			{"type":"variable.set","config":{"name":"last","value":"{nickname}"}}]}`))
	if _, err := e.Save(f); err != nil {
		t.Fatal(err)
	}
	for i, who := range []string{"ann", "bob", "cid"} {
		e.handle(domainMsg(gift(who, 1, int64(i+1))))
	}
	waitRuns(t, e, "counter", 3)
	stopEngine(t, e)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = m.Open("default")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	e = startOn(t, storeAdapter(db), dir)
	defer stopEngine(t, e)
	vars := e.Variables()
	if vars["gifts"].Num != 6 || vars["last"].Str != "cid" {
		t.Fatalf("after restart: %+v", vars)
	}
	if v, err := e.Get("counter"); err != nil || !v.Enabled || v.Name != "Gift counter" {
		t.Fatalf("flow after restart: %+v %v", v, err)
	}
	e.handle(domainMsg(gift("dan", 1, 4)))
	waitRuns(t, e, "counter", 1)
	if v, _ := e.vars.get("gifts"); v.Num != 10 {
		t.Fatalf("gifts = %v", v)
	}
}

func TestInvalidFlowsLoadDisabledWithReason(t *testing.T) {
	h := newHarness(t)
	put := func(id, def string) {
		if err := h.store.PutFlow(FlowRecord{ID: id, Name: id, Enabled: true, Definition: json.RawMessage(def)}); err != nil {
			t.Fatal(err)
		}
	}
	put("badjson", `{"triggers": [`)
	put("unknowntrigger", flowDoc("unknowntrigger", `{"type":"tiktok.telepathy"}`, "", ""))
	put("badregex", flowDoc("badregex", `{"type":"tiktok.chat","config":{"match":"regex","text":"(oops"}}`, "", ""))
	put("later", flowDoc("later", `{"type":"tiktok.gift"}`, "", `[{"type":"later.action"}]`))
	put("good", flowDoc("good", `{"type":"tiktok.gift"}`, "", ""))
	if err := h.e.Reload(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"badjson": "invalid flow JSON", "unknowntrigger": `unknown trigger type "tiktok.telepathy"`,
		"badregex": "bad regular expression", "later": `unknown action type "later.action"`}
	for id, reason := range want {
		v, err := h.e.Get(id)
		if err != nil || v.Enabled || v.Status.Valid || !strings.Contains(v.Status.Error, reason) {
			t.Errorf("%s: enabled=%v status=%+v", id, v.Enabled, v.Status)
		}
	}
	if v, _ := h.e.Get("badjson"); v.Status.Definition != `{"triggers": [` {
		t.Errorf("raw definition not shown: %q", v.Status.Definition)
	}
	if _, err := h.e.SetEnabled("badregex", true); !errors.Is(err, ErrInvalid) {
		t.Errorf("enabling an invalid flow: %v", err)
	}
	h.publish(gift("a", 1, 1))
	h.runs("good", 1)

	// A module registering the missing block later brings the flow back.
	err := h.e.Registry().AddAction(action.Action{Info: action.Info{Type: "later.action", Name: "Later"},
		Execute: func(context.Context, *action.Run) error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	h.e.Reload()
	if v, _ := h.e.Get("later"); !v.Enabled || !v.Status.Valid {
		t.Fatalf("after reload: %+v", v.Status)
	}
}

func TestImportExport(t *testing.T) {
	h := newHarness(t)
	res, err := h.e.Import([]byte(`[` + flowDoc("one", `{"type":"tiktok.follow"}`, "", "") + `,
		{"name":"no id","enabled":true,"triggers":[{"type":"manual"}],"actions":[{"type":"delay","config":{"ms":1}}]},
		{"id":"broken","name":"broken","enabled":true,"triggers":[{"type":"nope"}],"actions":[]}]`))
	if err != nil || len(res) != 3 {
		t.Fatalf("%+v %v", res, err)
	}
	if !res[0].Enabled || res[1].ID == "" || !ValidID(res[1].ID) || res[2].Enabled || res[2].Error == "" {
		t.Fatalf("results %+v", res)
	}
	if _, err := h.e.Import([]byte(`{"id":"single","name":"s","triggers":[{"type":"manual"}],"actions":[{"type":"flow.stop"}]}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := h.e.Import([]byte(`not json`)); !errors.Is(err, ErrInvalid) {
		t.Fatalf("bad JSON: %v", err)
	}
	out := h.e.Export()
	var docs []Flow
	if err := json.Unmarshal(out, &docs); err != nil || len(docs) != 4 {
		t.Fatalf("export %s: %v", out, err)
	}

	h2 := newHarness(t)
	res, err = h2.e.Import(out)
	if err != nil || len(res) != 4 {
		t.Fatalf("re-import %+v %v", res, err)
	}
	for _, v := range h.e.Flows() {
		w, err := h2.e.Get(v.ID)
		if err != nil || w.Enabled != v.Enabled || w.Name != v.Name || len(w.Actions) != len(v.Actions) {
			t.Errorf("%s differs after round trip: %+v vs %+v", v.ID, w.Flow, v.Flow)
		}
	}
	if one := h.e.Export("one"); !strings.Contains(string(one), `"one"`) || strings.Contains(string(one), `"id": "single"`) {
		t.Fatalf("export by id: %s", one)
	}
}

func TestFlowLogFile(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.LogMaxBytes = 600 })
	h.save(flowDoc("logged", `{"type":"tiktok.gift"}`, "", `[{"type":"log.write","config":{"message":"gift from {nickname}\nforged line"}}]`))
	for i := 0; i < 8; i++ {
		h.publish(gift("ann", 1, 1))
		h.runs("logged", i+1)
	}
	p := h.e.logs.path("logged")
	cur, err1 := readFile(p)
	old, err2 := readFile(p + ".1")
	if err1 != nil || err2 != nil {
		t.Fatalf("log files: %v %v", err1, err2)
	}
	if len(cur) > 600 || !strings.Contains(cur+old, "gift from ann forged line") || strings.Contains(cur, "\nforged") {
		t.Fatalf("log:\n%s", cur)
	}
	if err := h.e.Delete("logged"); err != nil {
		t.Fatal(err)
	}
	if _, err := readFile(p); err == nil {
		t.Fatal("log kept after delete")
	}
}

// TestRunHistorySurvivesEngineRebuild: a profile switch away and back
// rebuilds the engine; with the profile's TraceStore the runs are still there.
func TestRunHistorySurvivesEngineRebuild(t *testing.T) {
	dir := t.TempDir()
	m, err := store.OpenManager(dir)
	if err != nil {
		t.Fatal(err)
	}
	db, err := m.Open("default")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	traces := NewTraceStore(0)
	start := func() *Engine {
		e, err := New(Options{Bus: bus.New(), Store: storeAdapter(db), DataDir: dir, TickInterval: -1, TraceStore: traces})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		return e
	}
	e := start()
	f, _ := Decode([]byte(`{"id":"thanks","name":"Thanks","enabled":true,"triggers":[{"type":"tiktok.gift"}],
		"actions":[{"type":"variable.set","config":{"name":"last","value":"{nickname}"}}]}`))
	if _, err := e.Save(f); err != nil {
		t.Fatal(err)
	}
	e.handle(domainMsg(gift("ann", 1, 1)))
	waitRuns(t, e, "thanks", 1)
	stopEngine(t, e)
	e = start()
	defer stopEngine(t, e)
	if runs, _ := e.Runs("thanks"); len(runs) != 1 {
		t.Fatalf("after the rebuild: %d runs, want 1", len(runs))
	}
}

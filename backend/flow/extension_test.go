package flow_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/flow"
	"github.com/ltth/ltth/backend/store"
)

// soundModule and pointsModule stand for other subsystems: they only know
// the action package and register their blocks on the registry core hands
// them.
type soundModule struct{ played chan string }

func (s *soundModule) register(reg *action.Registry) error {
	return reg.AddAction(action.Action{
		Info: action.Info{Type: "sound.play", Name: "Play sound", Category: "Sound",
			Fields: []action.FieldSpec{
				{Name: "file", Label: "Sound", Kind: action.FieldTemplate, Required: true},
				{Name: "volume", Label: "Volume", Kind: action.FieldNumber, Default: 80}}},
		DryRunSafe: true,
		Validate: func(cfg *action.Config) error {
			if v := cfg.Number("volume"); v < 0 || v > 100 {
				return fmt.Errorf("volume must be 0-100")
			}
			return nil
		},
		Execute: func(_ context.Context, run *action.Run) error {
			file := run.Text("file")
			if run.DryRun {
				run.Notef("would play %s at %v%%", file, run.Config().Number("volume"))
				return nil
			}
			s.played <- file
			return nil
		},
	})
}

func registerPoints(reg *action.Registry) error {
	trig := action.Trigger{
		Info: action.Info{Type: "points.levelUp", Name: "Viewer levelled up", Category: "Points",
			Fields: []action.FieldSpec{{Name: "minLevel", Label: "From level", Kind: action.FieldNumber, Default: 1}}},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			min := cfg.Number("minLevel")
			return action.Matcher{Keys: []string{"points:levelUp"}, Match: func(in *action.Input) (map[string]string, bool) {
				d := in.Data()
				lvl, _ := action.ValueOf(d["level"]).Float()
				if lvl < min {
					return nil, false
				}
				return action.FlattenArgs(d, nil), true
			}}, nil
		},
	}
	cond := action.Condition{
		Info: action.Info{Type: "points.notBanned", Name: "Not banned", Category: "Points",
			Fields: []action.FieldSpec{{Name: "banned", Label: "Banned users", Kind: action.FieldList}}},
		Compile: func(cfg *action.Config, _ action.Compiler) (action.Check, error) {
			banned := cfg.Strings("banned")
			return func(ev *action.Eval) action.Result {
				u := ev.Scope.Args["user"]
				for _, b := range banned {
					if b == u {
						return action.Fail(u + " is banned")
					}
				}
				return action.Pass(u + " is not banned")
			}, nil
		},
	}
	if err := reg.AddTrigger(trig); err != nil {
		return err
	}
	return reg.AddCondition(cond)
}

// newEngineOn wires the engine the way core does: a real profile database
// through the record-type adapter, a shared registry, the bus.
func newEngineOn(t *testing.T, reg *action.Registry) (*flow.Engine, *bus.Bus) {
	t.Helper()
	dir := t.TempDir()
	m, err := store.OpenManager(dir)
	if err != nil {
		t.Fatal(err)
	}
	db, err := m.Open("default")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	b := bus.New()
	e, err := flow.New(flow.Options{Bus: b, Store: flow.StoreFuncs{
		VariableStore: db,
		List: func() ([]flow.FlowRecord, error) {
			rs, err := db.ListFlows()
			out := make([]flow.FlowRecord, len(rs))
			for i, r := range rs {
				out[i] = flow.FlowRecord(r)
			}
			return out, err
		},
		Put:    func(r flow.FlowRecord) error { return db.PutFlow(store.FlowRecord(r)) },
		Delete: db.DeleteFlow,
	}, Registry: reg, DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Stop(context.Background()) })
	return e, b
}

func TestRegistryExtensionByAnotherPackage(t *testing.T) {
	// What core does: one registry, modules add to it, the engine gets it.
	reg := action.NewRegistry()
	snd := &soundModule{played: make(chan string, 4)}
	if err := snd.register(reg); err != nil {
		t.Fatal(err)
	}
	if err := registerPoints(reg); err != nil {
		t.Fatal(err)
	}
	e, b := newEngineOn(t, reg)

	f, _ := flow.Decode([]byte(`{"id":"levelup","name":"Level-up fanfare","enabled":true,
		"triggers":[{"type":"points.levelUp","config":{"minLevel":5}}],
		"conditions":[{"type":"points.notBanned","config":{"banned":["troll"]}}],
		"actions":[{"type":"sound.play","config":{"file":"/sounds/level{level}.mp3","volume":50}}]}`))
	if _, err := e.Save(f); err != nil {
		t.Fatal(err)
	}
	bad, _ := flow.Decode([]byte(`{"id":"loud","triggers":[{"type":"manual"}],
		"actions":[{"type":"sound.play","config":{"file":"x.mp3","volume":500}}]}`))
	if _, err := e.Save(bad); err == nil || !strings.Contains(err.Error(), "volume must be 0-100") {
		t.Fatalf("module validation not applied: %v", err)
	}

	// Through the real bus: the engine subscribes to the module's message type.
	b.Publish(domain.Message{Type: "points:levelUp", Data: map[string]any{"user": "troll", "level": 9}})
	b.Publish(domain.Message{Type: "points:levelUp", Data: map[string]any{"user": "ann", "level": 3}})
	b.Publish(domain.Message{Type: "points:levelUp", Data: map[string]any{"user": "ann", "level": 6}})
	select {
	case got := <-snd.played:
		if got != "/sounds/level6.mp3" {
			t.Fatalf("played %q", got)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("sound never played")
	}
	var runs []*flow.Trace
	for deadline := time.Now().Add(3 * time.Second); len(runs) < 2 && time.Now().Before(deadline); {
		time.Sleep(2 * time.Millisecond)
		runs, _ = e.Runs("levelup")
	}
	if len(runs) != 2 || runs[1].Status != flow.StatusRejected || runs[1].Conditions[0].Reason != "troll is banned" {
		t.Fatalf("runs %+v", runs)
	}

	tr, err := e.Test("levelup", flow.TestRequest{Message: &flow.SampleMessage{Type: "points:levelUp",
		Data: []byte(`{"user":"bob","level":7}`)}})
	if err != nil || tr.Status != flow.StatusCompleted || tr.Actions[0].Notes[0] != "would play /sounds/level7.mp3 at 50%" {
		t.Fatalf("dry run %+v %v", tr, err)
	}
	found := false
	for _, a := range reg.Schema().Actions {
		found = found || a.Type == "sound.play" && len(a.Fields) == 2 && a.Category == "Sound"
	}
	if !found {
		t.Fatal("module action missing from the registry schema")
	}
	select {
	case got := <-snd.played:
		t.Fatalf("extra sound %q", got)
	default:
	}
}

package external

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// installCaller puts testdata/caller.js (with the example's ws.js) in
// root as plugin "caller" with perms.
func installCaller(t *testing.T, root string, perms string) {
	t.Helper()
	dir := mkdir(t, root, "caller")
	for src, dst := range map[string]string{"testdata/caller.js": "main.js", "../../../examples/plugins/node-hello/ws.js": "ws.js"} {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, dst), b, 0o644)
	}
	write(t, filepath.Join(dir, "plugin.json"), []byte(`{"id":"caller","name":"Caller","version":"1",
		"command":"node","args":["main.js"],"permissions":`+perms+`}`), 0o644)
}

// A plugin with actions:call runs an existing action (its config checked
// like a flow step's); bad requests get error frames; an invoke it never
// answers fails the flow step after the timeout.
func TestCallActionAndInvokeTimeout(t *testing.T) {
	root := t.TempDir()
	installCaller(t, root, `["actions:call","actions:register","events:publish"]`)
	marks := make(chan string, 4)
	e := newEnv(t, root, Backoff{})
	e.mod.opts.InvokeTimeout = 300 * time.Millisecond
	err := e.reg.AddAction(action.Action{Info: action.Info{Type: "test.mark", Name: "Mark",
		Fields: []action.FieldSpec{{Name: "text", Label: "Text", Kind: action.FieldTemplate, Required: true}}},
		Execute: func(_ context.Context, run *action.Run) error {
			marks <- run.Text("text")
			run.Publish(domain.Message{Type: "test:marked"})
			return nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	e.enable("caller", true)
	e.connected("caller", "caller.hang")
	select {
	case m := <-marks:
		if m != "from the plugin" {
			t.Fatalf("mark %q", m)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the call did not run the action")
	}
	logs := ""
	e.waitFor("the answers", func() bool {
		logs = e.logs("caller")
		return strings.Count(logs, `"type":"error"`) >= 3 && strings.Contains(logs, `"id":"c1","ok":true`)
	})
	for _, want := range []string{`"id":"c2","code":"failed","error":"test.mark: text is required"`,
		`"id":"c3","code":"failed","error":"no action \"no.such\""`, `"id":"p1","code":"failed"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %s:\n%s", want, logs)
		}
	}
	if len(marks) != 0 {
		t.Fatal("a refused call ran")
	}
	checkTrigger(t, e)
	began := time.Now()
	err = e.runAction("caller.hang", `{}`, action.Scope{})
	if !errors.Is(err, errInvokeTimeout) || time.Since(began) > 2*time.Second {
		t.Fatalf("unanswered invoke: %v after %s", err, time.Since(began))
	}
}

// Events go to a plugin through its own bounded queue: when it is full the
// event is dropped and counted for the Plugins page, and the bus never
// waits.
func TestFullQueueDropsAndCounts(t *testing.T) {
	m := &Module{opts: Options{QueueSize: 2}}
	r := &runner{mod: m, e: &entry{}}
	r.sess = newSession(r, "tok")
	set := map[string]bool{"gift": true}
	r.wanted.Store(&set)
	for i := 0; i < 5; i++ {
		msg := domain.EventMessage(gift("a", "Rose", 1))
		if !r.wants(&msg) {
			t.Fatal("a subscribed type was filtered out")
		}
		r.deliver(msg)
	}
	chat := domain.Message{Type: "chat"}
	if r.wants(&chat) {
		t.Fatal("an unsubscribed type passed the filter")
	}
	if got := r.e.status.Dropped; got != 3 || len(r.sess.events) != 2 {
		t.Fatalf("dropped %d, queued %d; want 3 and 2", got, len(r.sess.events))
	}
	var f struct {
		Type, Event string
		TS          int64
		Data        map[string]any
	}
	if err := json.Unmarshal(<-r.sess.events, &f); err != nil || f.Type != "event" || f.Event != "gift" || f.TS == 0 || f.Data["giftName"] != "Rose" {
		t.Fatalf("frame %+v %v", f, err)
	}
}

// checkTrigger: the registered trigger fires on the plugin's own event
// when the fields the flow set match.
func checkTrigger(t *testing.T, e *env) {
	t.Helper()
	tr, ok := e.reg.Trigger("caller.ping")
	if !ok {
		t.Fatal("the trigger is not registered")
	}
	cfg, err := action.NewConfig([]byte(`{"who":"ann"}`), tr.Fields)
	if err != nil {
		t.Fatal(err)
	}
	m, err := tr.Compile(cfg)
	if err != nil || len(m.Keys) != 1 || m.Keys[0] != "plugin:caller:ping" {
		t.Fatalf("matcher %v %v", m.Keys, err)
	}
	for who, want := range map[string]bool{"ann": true, "bob": false} {
		msg := domain.Message{Type: "plugin:caller:ping", Data: map[string]any{"who": who, "n": 1}}
		args, ok := m.Match(&action.Input{Key: msg.Type, Msg: &msg})
		if ok != want || ok && args["n"] != "1" {
			t.Fatalf("who=%s: match %v args %v", who, ok, args)
		}
	}
}

// BenchmarkDeliver is what one event costs on the host side for a
// subscribed plugin: the filter, the JSON frame and the queue offer.
func BenchmarkDeliver(b *testing.B) {
	m := &Module{opts: Options{QueueSize: 256}}
	r := &runner{mod: m, e: &entry{}}
	r.sess = newSession(r, "tok")
	set := map[string]bool{"gift": true}
	r.wanted.Store(&set)
	msg := domain.EventMessage(gift("alice", "Rose", 5))
	b.ReportAllocs()
	for b.Loop() {
		if r.wants(&msg) {
			r.deliver(msg)
		}
		select {
		case <-r.sess.events:
		default:
		}
	}
}

package osc_test

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/flow"
	"github.com/ltth/ltth/backend/osc"
	"github.com/ltth/ltth/backend/store"
)

func openDB(t *testing.T) *store.DB {
	t.Helper()
	mgr, err := store.OpenManager(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := mgr.Open(mgr.Active())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// requireLiblo skips without oscdump/oscsend unless CI is set.
func requireLiblo(t *testing.T) {
	for _, p := range []string{"oscdump", "oscsend"} {
		if _, err := exec.LookPath(p); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s missing under CI: install liblo-tools", p)
			}
			t.Skipf("%s missing (apt-get install liblo-tools)", p)
		}
	}
}

// dump is a running oscdump.
type dump struct {
	port int
	out  *syncBuf
}

// startDump runs oscdump -L on a free port and waits until it is bound.
func startDump(t *testing.T) *dump {
	t.Helper()
	requireLiblo(t)
	port := freeUDPPort(t)
	d := &dump{port: port, out: &syncBuf{}}
	cmd := exec.Command("oscdump", "-L", strconv.Itoa(port))
	cmd.Stdout = d.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	// oscdump binds 0.0.0.0:port; wait until the port is taken.
	deadline := time.Now().Add(5 * time.Second)
	for udpFree(port) {
		if time.Now().After(deadline) {
			t.Fatal("oscdump did not bind")
		}
		time.Sleep(20 * time.Millisecond)
	}
	return d
}

// waitLines waits until the dump shows n lines and returns them without
// their time tags.
func (d *dump) waitLines(t *testing.T, n int) []string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		lines := d.out.lines()
		if len(lines) >= n || time.Now().After(deadline) {
			out := make([]string, len(lines))
			for i, l := range lines {
				_, rest, _ := strings.Cut(l, " ")
				out[i] = rest
			}
			return out
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func startModule(t *testing.T, b *bus.Bus, s osc.Settings) *osc.Module {
	t.Helper()
	m := osc.New(b, openDB(t), osc.Options{})
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Stop(context.Background()) })
	if err := m.SetSettings(s); err != nil {
		t.Fatal(err)
	}
	return m
}

// Exact addresses, type tags and values reach a real OSC peer, the pulse
// reset included.
func TestSendToOscdump(t *testing.T) {
	d := startDump(t)
	m := startModule(t, bus.New(), osc.Settings{TargetHost: "127.0.0.1", TargetPort: d.port, Enabled: true})
	send := func(s osc.Send) {
		t.Helper()
		if err := m.Send(s); err != nil {
			t.Fatal(err)
		}
	}
	send(osc.Send{Address: "/avatar/parameters/Wave", Args: []osc.Arg{{Type: "i", Value: 1}, {Type: "f", Value: 0.5}, {Type: "T"}}})
	send(osc.Send{Address: "/avatar/parameters/Hearts", Args: []osc.Arg{{Type: "b", Value: "true"}}})
	send(osc.Send{Address: "/chatbox/input", Args: []osc.Arg{{Type: "s", Value: "hi there"}, {Type: "T"}, {Type: "F"}}})
	send(osc.Send{Address: "/avatar/parameters/Confetti", Args: []osc.Arg{{Type: "i", Value: "3"}}, PulseMs: 100})
	got := d.waitLines(t, 5)
	want := []string{
		"/avatar/parameters/Wave ifT 1 0.500000 #T",
		"/avatar/parameters/Hearts T #T",
		`/chatbox/input sTF "hi there" #T #F`,
		"/avatar/parameters/Confetti i 3",
		"/avatar/parameters/Confetti i 0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("oscdump saw\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if err := m.Send(osc.Send{Address: "/x", Args: []osc.Arg{{Type: "i", Value: "abc"}}}); err == nil {
		t.Fatal("a non-number int was sent")
	}
	if err := m.Send(osc.Send{Address: "no slash"}); err == nil {
		t.Fatal("a bad address was sent")
	}
}

func TestRateLimit(t *testing.T) {
	d := startDump(t)
	m := startModule(t, bus.New(), osc.Settings{TargetHost: "127.0.0.1", TargetPort: d.port, Enabled: true, RateLimit: 10})
	failed := 0
	for i := 0; i < 30; i++ {
		if err := m.Send(osc.Send{Address: "/a", Args: []osc.Arg{{Type: "i", Value: i}}}); err != nil {
			failed++
		}
	}
	if failed < 15 || m.Status().Dropped != uint64(failed) {
		t.Fatalf("%d of 30 refused, dropped=%d; want the burst capped at 10", failed, m.Status().Dropped)
	}
}

// oscsend → our listener → the real flow engine fires an osc.received flow,
// in order, and a packet with an unknown type tag does not stop it.
func TestOscsendFiresFlow(t *testing.T) {
	requireLiblo(t)
	d := startDump(t)
	reg := action.NewRegistry()
	b := bus.New()
	m := osc.New(b, openDB(t), osc.Options{})
	if err := reg.AddBlocks(m.Blocks()); err != nil {
		t.Fatal(err)
	}
	e := newEngine(t, b, reg)
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Stop(context.Background()) })
	listen := freeUDPPort(t)
	if err := m.SetSettings(osc.Settings{TargetHost: "127.0.0.1", TargetPort: d.port, ListenPort: listen, Enabled: true}); err != nil {
		t.Fatal(err)
	}
	// Echo: when VRChat reports Wave >= 1, send /echo with the value.
	f, _ := flow.Decode([]byte(`{"id":"echo","name":"echo","enabled":true,
		"triggers":[{"type":"osc.received","config":{"address":"/avatar/parameters/W*","op":">=","value":"1"}}],
		"actions":[{"type":"osc.send","config":{"address":"/echo","type":"i","value":"{value}"}}]}`))
	if _, err := e.Save(f); err != nil {
		t.Fatal(err)
	}
	oscsend := func(args ...string) {
		if out, err := exec.Command("oscsend", append([]string{"127.0.0.1", strconv.Itoa(listen)}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("oscsend: %v %s", err, out)
		}
	}
	oscsend("/avatar/parameters/Wave", "i", "0") // below the condition
	oscsend("/bad", "I")                         // unknown tag for go-osc: skipped
	oscsend("/avatar/parameters/Wave", "i", "2")
	oscsend("/avatar/parameters/Wave", "i", "3")
	got := d.waitLines(t, 2)
	if strings.Join(got, "|") != "/echo i 2|/echo i 3" {
		t.Fatalf("echoes %q", got)
	}
}

func newEngine(t *testing.T, b *bus.Bus, reg *action.Registry) *flow.Engine {
	db := openDB(t)
	e, err := flow.New(flow.Options{Bus: b, Registry: reg, DataDir: t.TempDir(), Store: flow.StoreFuncs{
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
	}})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Stop(context.Background()) })
	return e
}

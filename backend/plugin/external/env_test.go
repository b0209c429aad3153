package external

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/plugin"
	"github.com/ltth/ltth/backend/server"
	"github.com/ltth/ltth/backend/store"
)

const testToken = "external-test-token"

// env is LTTH's side for external plugins over real peers: a bus, a
// SQLite profile in a temp dir, the plugin host, this module and a real
// listener. The plugins are the example programs, run as processes.
type env struct {
	t    *testing.T
	root string // <data-dir>/plugins
	bus  *bus.Bus
	reg  *action.Registry
	db   *store.DB
	srv  *server.Server
	mod  *Module
	host *plugin.Manager
	url  string
}

var (
	buildOnce sync.Once
	goBinary  string
	buildErr  error
)

// goExample builds examples/plugins/go-gift-logger once per test binary.
func goExample(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ltth-extplug-build")
		if err != nil {
			buildErr = err
			return
		}
		goBinary = filepath.Join(dir, "go-gift-logger")
		out, err := exec.Command("go", "build", "-o", goBinary, "../../../examples/plugins/go-gift-logger").CombinedOutput()
		if err != nil {
			buildErr = &buildError{string(out)}
		}
	})
	if buildErr != nil {
		t.Fatalf("building the Go example: %v", buildErr)
	}
	return goBinary
}

type buildError struct{ out string }

func (e *buildError) Error() string { return e.out }

func TestMain(m *testing.M) {
	code := m.Run()
	if goBinary != "" {
		os.RemoveAll(filepath.Dir(goBinary))
	}
	os.Exit(code)
}

// install copies an example into root under its id, applying edit to its
// manifest (nil: unchanged).
func install(t *testing.T, root, example string, edit func(m map[string]any)) {
	t.Helper()
	src := filepath.Join("..", "..", "..", "examples", "plugins", example)
	dst := filepath.Join(root, example)
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(src, "plugin.json"))
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		edit(m)
		raw, _ = json.Marshal(m)
	}
	write(t, filepath.Join(dst, "plugin.json"), raw, 0o644)
	if example == "go-gift-logger" {
		bin, err := os.ReadFile(goExample(t))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dst, "go-gift-logger"), bin, 0o755)
		return
	}
	for _, f := range []string{"main.js", "ws.js"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dst, f), b, 0o644)
	}
}

func write(t *testing.T, path string, b []byte, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, b, mode); err != nil {
		t.Fatal(err)
	}
}

// newEnv starts everything over the plugins installed in root.
func newEnv(t *testing.T, root string, bo Backoff) *env {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the process tests use POSIX signals")
	}
	mgr, err := store.OpenManager(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := mgr.Open(mgr.Active())
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, root: root, bus: bus.New(), reg: action.NewRegistry(), db: db}
	e.srv = server.New(server.Config{Addr: "127.0.0.1:0", Token: testToken, Version: "test"},
		server.Deps{Bus: e.bus, Log: zerolog.Nop()})
	ctx, cancel := context.WithCancel(context.Background())
	if err := e.srv.Start(ctx); err != nil {
		cancel()
		t.Fatal(err)
	}
	e.url = "http://" + e.srv.Addr()
	e.mod = New(Options{Root: root, Bus: e.bus, Registry: e.reg, BaseURL: func() string { return e.url },
		Log: zerolog.Nop(), Backoff: bo, InvokeTimeout: 3 * time.Second})
	e.host, err = plugin.New(plugin.Options{Bus: e.bus, Registry: e.reg, Store: db, Log: zerolog.Nop(),
		DataDir: filepath.Join(filepath.Dir(db.Path()), "plugins"), Plugins: e.mod.Registrations(), StopTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	e.mod.SetSettings(e.host)
	for _, r := range append(e.host.Routes(), e.mod.Routes()...) {
		if err := e.srv.Handle(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.host.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = e.mod.Stop(context.Background())
		_ = e.host.Stop(context.Background())
		e.srv.Shutdown(context.Background())
		cancel()
		db.Close()
	})
	return e
}

func (e *env) enable(id string, on bool) {
	e.t.Helper()
	if _, err := e.host.SetEnabled(context.Background(), id, on); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) proc(id string) ProcStatus {
	for _, p := range e.mod.Status().Plugins {
		if p.ID == id {
			return p.Process
		}
	}
	e.t.Fatalf("no external plugin %s", id)
	return ProcStatus{}
}

// logs is the plugin's log ring as one string.
func (e *env) logs(id string) string {
	lines, err := e.host.Logs(id)
	if err != nil {
		e.t.Fatal(err)
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.Level + " " + l.Message + "\n")
	}
	return b.String()
}

// waitFor polls cond for up to 10 seconds.
func (e *env) waitFor(what string, cond func() bool) {
	e.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			e.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// connected waits until the plugin's process connected and registered
// its blocks.
func (e *env) connected(id, block string) ProcStatus {
	e.t.Helper()
	var st ProcStatus
	e.waitFor(id+" connected with "+block, func() bool {
		st = e.proc(id)
		_, ok := e.reg.Action(block)
		return st.Connected && ok
	})
	return st
}

// dataDir is the plugin's data folder in the profile.
func (e *env) dataDir(id string) string {
	return filepath.Join(filepath.Dir(e.db.Path()), "plugins", id)
}

// runAction runs a registered action the way a flow step does: config
// checked against its fields, templates rendered from the run's event.
func (e *env) runAction(typ, cfg string, scope action.Scope) error {
	e.t.Helper()
	a, ok := e.reg.Action(typ)
	if !ok {
		e.t.Fatalf("action %s is not registered", typ)
	}
	c, err := action.NewConfig(json.RawMessage(cfg), a.Fields)
	if err != nil {
		e.t.Fatal(err)
	}
	run := action.NewRun(nopHost{}, scope, false, 0)
	run.SetConfig(c)
	return a.Execute(context.Background(), run)
}

// nopHost is a run's engine side with nothing behind it (the plugin's
// action does not use it).
type nopHost struct{}

func (nopHost) Publish(domain.Message)            {}
func (nopHost) SetVar(string, action.Value) error { return nil }
func (nopHost) Log(string, string)                {}
func (nopHost) Note(string)                       {}

package external

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

func gift(user, name string, count int64) *domain.Event {
	return &domain.Event{Type: domain.EventGift, ID: "g-" + user, TS: time.Now().UnixMilli(),
		User: domain.User{UserID: "1", UniqueID: user}, GiftName: name, RepeatCount: count, DiamondCount: 1, Coins: count}
}

func fileHas(path, s string) func() bool {
	return func() bool {
		b, _ := os.ReadFile(path)
		return strings.Contains(string(b), s)
	}
}

// The Go example, a separate process, starts disabled, then on enable gets
// gifts, registers its action, and answers the invoke a flow step sends
// (writing the line and publishing "logged" back). A settings change
// reaches it without a restart.
func TestGoExampleGiftsAndInvoke(t *testing.T) {
	root := t.TempDir()
	install(t, root, "go-gift-logger", nil)
	e := newEnv(t, root, Backoff{})
	if st := e.proc("go-gift-logger"); st.State != ProcStopped || st.PID != 0 {
		t.Fatalf("a newly discovered plugin must not run: %+v", st)
	}
	e.enable("go-gift-logger", true)
	st := e.connected("go-gift-logger", "go-gift-logger.log")
	if st.State != ProcRunning || st.PID == 0 {
		t.Fatalf("status: %+v", st)
	}
	logPath := filepath.Join(e.dataDir("go-gift-logger"), "gifts.log")
	e.waitFor("subscribed", func() bool { return len(e.proc("go-gift-logger").Subscribed) == 1 })
	e.bus.PublishEvent(gift("alice", "Rose", 3))
	e.waitFor("the gift in gifts.log", fileHas(logPath, "gift alice Rose x3"))

	logged := e.bus.Subscribe("t", 8, func(m *domain.Message) bool { return m.Type == "plugin:go-gift-logger:logged" })
	defer logged.Close()
	err := e.runAction("go-gift-logger.log", `{"text":"thanks {uniqueId}"}`, action.Scope{Event: gift("bob", "Lion", 1)})
	if err != nil {
		t.Fatal(err)
	}
	if !fileHas(logPath, "action thanks bob")() {
		t.Fatal("the invoke did not reach the plugin before its result")
	}
	select {
	case m := <-logged.C():
		if !strings.Contains(string(mustJSON(t, m.Data)), "thanks bob") {
			t.Fatalf("logged event: %v", m.Data)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the plugin's published event did not arrive")
	}

	pid := st.PID
	if _, err := e.host.PutSettings(context.Background(), "go-gift-logger", []byte(`{"prefix":"GIFT"}`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the pushed settings frame is ahead of the next event
	e.bus.PublishEvent(gift("carol", "Rose", 1))
	e.waitFor("the new prefix", fileHas(logPath, "GIFT carol Rose x1"))
	if got := e.proc("go-gift-logger").PID; got != pid {
		t.Fatalf("a settings change restarted the process (%d → %d)", pid, got)
	}
	if !strings.Contains(e.logs("go-gift-logger"), "gift alice Rose x3") {
		t.Fatalf("stdout not captured in the log ring:\n%s", e.logs("go-gift-logger"))
	}
}

// The Node example (plain node, its own websocket client) gets gifts and
// answers its action by publishing "greeted".
func TestNodeExampleGiftsAndInvoke(t *testing.T) {
	root := t.TempDir()
	install(t, root, "node-hello", nil)
	e := newEnv(t, root, Backoff{})
	e.enable("node-hello", true)
	e.connected("node-hello", "node-hello.greet")
	e.waitFor("subscribed", func() bool { return len(e.proc("node-hello").Subscribed) == 1 })
	e.bus.PublishEvent(gift("dora", "Rose", 2))
	e.waitFor("the gift in its stdout", func() bool { return strings.Contains(e.logs("node-hello"), "gift from dora: Rose x2") })

	greeted := e.bus.Subscribe("t", 8, func(m *domain.Message) bool { return m.Type == "plugin:node-hello:greeted" })
	defer greeted.Close()
	if err := e.runAction("node-hello.greet", `{"name":"{nickname}"}`,
		action.Scope{Event: &domain.Event{Type: domain.EventFollow, User: domain.User{Nickname: "Eve"}}}); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-greeted.C():
		if !strings.Contains(string(mustJSON(t, m.Data)), "Hello, Eve!") {
			t.Fatalf("greeted: %v", m.Data)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no greeted event")
	}
}

// Killing the process is a crash: it is restarted with growing delays,
// and after CrashLoop quick crashes it is left crashed.
func TestCrashRestartsWithBackoffThenCrashLoop(t *testing.T) {
	root := t.TempDir()
	install(t, root, "go-gift-logger", nil)
	bo := Backoff{Min: 150 * time.Millisecond, Max: time.Second, CrashLoop: 4, Quick: 10 * time.Second}
	e := newEnv(t, root, bo)
	e.enable("go-gift-logger", true)
	st := e.connected("go-gift-logger", "go-gift-logger.log")
	for i := 1; i <= 3; i++ {
		old := st.PID
		if err := syscall.Kill(old, syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		e.waitFor("a restart", func() bool {
			st = e.proc("go-gift-logger")
			return st.PID != 0 && st.PID != old && st.Connected
		})
		want := bo.Min << (i - 1)
		if gap := time.Duration(st.StartedAt-st.LastExitAt) * time.Millisecond; gap < want {
			t.Fatalf("restart %d after %s, want ≥ %s", i, gap, want)
		}
		if st.Restarts != i || !strings.Contains(st.LastExit, "killed") {
			t.Fatalf("after crash %d: %+v", i, st)
		}
	}
	if err := syscall.Kill(st.PID, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	e.waitFor("crash loop", func() bool { return e.proc("go-gift-logger").State == ProcCrashed })
	if _, ok := e.reg.Action("go-gift-logger.log"); ok {
		t.Fatal("a crashed plugin's action stayed in the registry")
	}
	if l := e.logs("go-gift-logger"); !strings.Contains(l, "restarting in 300ms") || !strings.Contains(l, "crash loop") {
		t.Fatalf("log:\n%s", l)
	}
}

// Disabling stops the process (SIGTERM, it exits), its action leaves the
// registry, and its token is revoked.
func TestDisableStopsProcessAndRemovesBlocks(t *testing.T) {
	root := t.TempDir()
	install(t, root, "go-gift-logger", nil)
	e := newEnv(t, root, Backoff{})
	e.enable("go-gift-logger", true)
	st := e.connected("go-gift-logger", "go-gift-logger.log")
	tok := e.tokenOf("go-gift-logger")
	e.enable("go-gift-logger", false)
	if _, ok := e.reg.Action("go-gift-logger.log"); ok {
		t.Fatal("the action stayed in the registry")
	}
	if err := syscall.Kill(st.PID, 0); err == nil {
		t.Fatalf("process %d still alive", st.PID)
	}
	after := e.proc("go-gift-logger")
	if after.State != ProcStopped || after.PID != 0 || after.Connected || !strings.Contains(after.LastExit, "exit status 0") {
		t.Fatalf("status after disable: %+v", after)
	}
	if code := e.dial(tok); code != http.StatusUnauthorized {
		t.Fatalf("revoked token: %d, want 401", code)
	}
}

// A plugin whose manifest lacks actions:register gets an error frame for
// its register and nothing is added; its other frames still work.
func TestMissingPermissionIsRefused(t *testing.T) {
	root := t.TempDir()
	install(t, root, "node-hello", func(m map[string]any) { m["permissions"] = []string{"events:read"} })
	e := newEnv(t, root, Backoff{})
	e.enable("node-hello", true)
	e.waitFor("the refusal in its stderr", func() bool {
		return strings.Contains(e.logs("node-hello"), "permission_denied: register needs the \"actions:register\" permission")
	})
	if _, ok := e.reg.Action("node-hello.greet"); ok {
		t.Fatal("a refused register was executed")
	}
	if st := e.proc("node-hello"); !st.Connected || len(st.Subscribed) != 1 || len(st.Blocks) != 0 {
		t.Fatalf("status: %+v", st)
	}
}

// Without a token, with a wrong one, or a second time with the same one,
// the socket is refused.
func TestSocketNeedsTheLiveToken(t *testing.T) {
	root := t.TempDir()
	install(t, root, "go-gift-logger", nil)
	e := newEnv(t, root, Backoff{})
	if code := e.dial(""); code != http.StatusUnauthorized {
		t.Fatalf("no token: %d", code)
	}
	if code := e.dial(testToken); code != http.StatusUnauthorized {
		t.Fatalf("the dashboard's token: %d", code)
	}
	e.enable("go-gift-logger", true)
	e.connected("go-gift-logger", "go-gift-logger.log")
	if code := e.dial(e.tokenOf("go-gift-logger")); code != http.StatusConflict {
		t.Fatalf("second connection: %d", code)
	}
}

func (e *env) tokenOf(id string) string {
	e.mod.mu.Lock()
	defer e.mod.mu.Unlock()
	for tok, s := range e.mod.sessions {
		if s.r.spec.ID == id {
			return tok
		}
	}
	e.t.Fatalf("no session for %s", id)
	return ""
}

// dial opens the plugin socket with tok and returns the HTTP status.
func (e *env) dial(tok string) int {
	h := http.Header{}
	if tok != "" {
		h.Set("Authorization", "Bearer "+tok)
	}
	c, resp, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(e.url, "http")+WSPath, h)
	if err == nil {
		c.Close()
		return http.StatusSwitchingProtocols
	}
	if resp == nil {
		e.t.Fatal(err)
	}
	return resp.StatusCode
}

package core

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/appconfig"
	"github.com/ltth/ltth/backend/domain"
)

// holdPort keeps a port busy for the test.
func holdPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln.Addr().(*net.TCPAddr).Port
}

func newCoreOn(t *testing.T, dir string, port int, headless bool) *Core {
	t.Helper()
	c, err := New(Options{DataDir: dir, Listen: fmt.Sprintf("127.0.0.1:%d", port), Console: io.Discard, Headless: headless, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestHeadlessStartWithBusyPortFailsNamingListen(t *testing.T) {
	busy := holdPort(t)
	c := newCoreOn(t, t.TempDir(), busy, true)
	err := c.Start(context.Background())
	if err == nil {
		c.Stop(context.Background())
		t.Fatal("headless start succeeded on a busy port")
	}
	if !strings.Contains(err.Error(), "--listen") || !strings.Contains(err.Error(), "already in use") {
		t.Fatalf("error does not explain the busy port: %v", err)
	}
	c.Stop(context.Background())
}

func TestDesktopStartWithBusyPortRunsUnboundUntilAnotherPortIsChosen(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // never the real login entries
	dir := t.TempDir()
	busy := holdPort(t)
	c := newCoreOn(t, dir, busy, false)
	if err := c.Start(context.Background()); err != nil {
		t.Fatalf("desktop start with a busy port: %v", err)
	}
	defer stopCore(t, c)

	st := c.ListenStatus()
	if st.Listening || st.Port != busy || !strings.Contains(st.Error, fmt.Sprintf("port %d is in use", busy)) {
		t.Fatalf("status while the port is busy: %+v", st)
	}
	self := fmt.Sprintf("(pid %d)", os.Getpid())
	if !strings.Contains(st.Holder, self) || !strings.Contains(st.Error, self) {
		t.Fatalf("the holder (this test process) is not named: %+v", st)
	}
	// Everything but the listener runs: an event reaches the journal.
	ev := domain.Event{ID: "unbound-1", Type: domain.EventChat, User: domain.User{UniqueID: "maya"}, Comment: "hi"}
	if err := c.simulate(ev); err != nil {
		t.Fatalf("the event pipeline is not up: %v", err)
	}

	// The busy port again: refused, nothing changes.
	if st, err := c.RetryListen(); err == nil || st.Listening || st.Holder == "" {
		t.Fatalf("retry on the busy port: %+v %v", st, err)
	}
	if _, err := c.ChoosePort(0); err == nil {
		t.Fatal("port 0 accepted")
	}
	next := c.SuggestPort()
	if next <= busy || appconfig.CheckPortFree(fmt.Sprintf("127.0.0.1:%d", next)) != nil {
		t.Fatalf("suggested port %d (busy %d) is not a free later one", next, busy)
	}
	st, err := c.ChoosePort(next)
	want := fmt.Sprintf("http://127.0.0.1:%d", next)
	if err != nil || !st.Listening || st.URL != want || st.Error != "" || c.URL() != want {
		t.Fatalf("choose port %d: %+v %v", next, st, err)
	}
	if got, _ := appconfig.Load(dir); got.Port != next {
		t.Fatalf("the chosen port was not saved: %d", got.Port)
	}
	if !recentIDs(t, c)["unbound-1"] {
		t.Fatal("the event published while unbound is not in the recent events")
	}
	simulate(t, c, map[string]any{"type": "gift", "uniqueId": "leo", "giftName": "Rose", "diamondCount": 1})

	// Listening now: ChoosePort is an ordinary, live port change.
	moved := c.SuggestPort()
	if st, err := c.ChoosePort(moved); err != nil || st.URL != fmt.Sprintf("http://127.0.0.1:%d", moved) {
		t.Fatalf("moving the running listener: %+v %v", st, err)
	}
}

func TestDesktopRetryListenBindsOnceTheOtherProgramClosed(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := held.Addr().(*net.TCPAddr).Port
	c := newCoreOn(t, dir, port, false)
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer stopCore(t, c)
	other := holdPort(t)
	if _, err := c.ChoosePort(other); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("port %d is in use", other)) {
		t.Fatalf("choosing another busy port: %v", err)
	}
	if st := c.ListenStatus(); st.Listening || st.Port != port || !strings.Contains(st.Error, fmt.Sprintf("port %d", port)) {
		t.Fatalf("a refused choice changed the status: %+v", st)
	}
	held.Close()
	st, err := c.RetryListen()
	want := fmt.Sprintf("http://127.0.0.1:%d", port)
	if err != nil || !st.Listening || st.URL != want {
		t.Fatalf("retry after the port was freed: %+v %v", st, err)
	}
	simulate(t, c, map[string]any{"type": "follow", "uniqueId": "sam"})
	if _, err := os.Stat(filepath.Join(dir, appconfig.FileName)); !os.IsNotExist(err) {
		t.Fatal("a retry on the same port wrote the settings file")
	}
}

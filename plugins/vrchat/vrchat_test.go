package vrchat_test

import (
	"context"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/osc"
	"github.com/ltth/ltth/backend/store"
	"github.com/ltth/ltth/plugins/internal/plugintest"
	"github.com/ltth/ltth/plugins/vrchat"
)

type lines struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lines) Write(p []byte) (int, error) { l.mu.Lock(); defer l.mu.Unlock(); return l.b.Write(p) }

// wait returns the logged lines without time tags once there are n.
func (l *lines) wait(t *testing.T, n int, within time.Duration) []string {
	t.Helper()
	end := time.Now().Add(within)
	for {
		l.mu.Lock()
		var out []string
		for _, s := range strings.Split(l.b.String(), "\n") {
			if _, rest, ok := strings.Cut(s, " "); ok {
				out = append(out, rest)
			}
		}
		l.mu.Unlock()
		if len(out) >= n || time.Now().After(end) {
			return out
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func freePort(t *testing.T) int {
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port
}

// setup runs oscdump (VRChat's side), the osc module and the plugin.
func setup(t *testing.T, settings string) (*plugintest.Env, *lines, int) {
	for _, p := range []string{"oscdump", "oscsend"} {
		if _, err := exec.LookPath(p); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s missing under CI", p)
			}
			t.Skip("liblo-tools missing")
		}
	}
	out := &lines{}
	port := freePort(t)
	dump := exec.Command("oscdump", "-L", strconv.Itoa(port))
	dump.Stdout = out
	if err := dump.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = dump.Process.Kill(); _ = dump.Wait() })
	time.Sleep(150 * time.Millisecond)
	env := plugintest.New(t)
	mgr, err := store.OpenManager(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := mgr.Open(mgr.Active())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	m := osc.New(env.Bus, db, osc.Options{})
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Stop(context.Background()) })
	listen := freePort(t)
	if err := m.SetSettings(osc.Settings{TargetHost: "127.0.0.1", TargetPort: port, ListenPort: listen, Enabled: true}); err != nil {
		t.Fatal(err)
	}
	env.Start("vrchat", settings)
	return env, out, listen
}

func TestGiftPresetCommandAndChatbox(t *testing.T) {
	env, out, _ := setup(t, `{"pulseMs":200,"gifts":[{"gift":"Rose","preset":"Hearts"}],
		"commands":[{"command":"!wave","preset":"Wave"}],"chatboxOnGift":"Thanks {nickname} for {giftName}!"}`)
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventGift, GiftName: "Rose", User: domain.User{Nickname: "Anna"}})
	got := out.wait(t, 3, 3*time.Second)
	want := []string{"/avatar/parameters/Hearts T #T", `/chatbox/input sTF "Thanks Anna for Rose!" #T #F`, "/avatar/parameters/Hearts F #F"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventChat, Comment: "!wave hi"})
	got = out.wait(t, 5, 3*time.Second)
	if strings.Join(got[3:], "|") != "/avatar/parameters/VRCEmote i 1|/avatar/parameters/VRCEmote i 0" {
		t.Fatalf("wave: %q", got[3:])
	}
}

// Long text is cut to VRChat's 144 characters; a second message waits for
// the chatbox interval.
func TestChatboxRules(t *testing.T) {
	env, out, _ := setup(t, `{}`)
	long := strings.Repeat("a", 200)
	if _, err := env.Exec("vrchat.chatbox", `{"text":"`+long+`"}`, nil); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := env.Exec("vrchat.chatbox", `{"text":"second"}`, nil); err != nil {
		t.Fatal(err)
	}
	got := out.wait(t, 2, 5*time.Second)
	if len(got) != 2 {
		t.Fatalf("got %q", got)
	}
	if want := `/chatbox/input sTF "` + strings.Repeat("a", 143) + `…" #T #F`; got[0] != want {
		t.Fatalf("first = %q", got[0])
	}
	if d := time.Since(start); d < vrchat.ChatboxInterval-100*time.Millisecond {
		t.Fatalf("second message after %v, want ≥ %v", d, vrchat.ChatboxInterval)
	}
}

// An /avatar/change from VRChat becomes a plugin event.
func TestAvatarChange(t *testing.T) {
	env, _, listen := setup(t, `{}`)
	w := env.Watch("plugin:vrchat:avatarChanged")
	if out, err := exec.Command("oscsend", "127.0.0.1", strconv.Itoa(listen), "/avatar/change", "s", "avtr_123").CombinedOutput(); err != nil {
		t.Fatalf("oscsend: %v %s", err, out)
	}
	var got map[string]string
	plugintest.JSON(t, w.Next().Data, &got)
	if got["avatarId"] != "avtr_123" {
		t.Fatalf("avatar event %v", got)
	}
}

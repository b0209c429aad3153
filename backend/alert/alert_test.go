package alert

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
)

func long(screen string, prio int) Config {
	return Config{Enabled: true, Text: "{nickname}", DurationMs: 60000, Screen: screen, Priority: prio}
}

func TestStartPublishesPausedSnapshot(t *testing.T) {
	h := newHarness(t, newStore(t), Options{})
	msg := h.next(TypePaused)
	if msg.Key != TypePaused || msg.Data.(Paused).Paused {
		t.Fatalf("got %+v", msg)
	}
}

func TestQueuePerScreenAndPriority(t *testing.T) {
	h := newHarness(t, newStore(t), Options{})
	h.set("follow", long("main", 10))
	h.set("gift", long("main", 20))
	h.set("subscribe", long("side", 30))

	h.bus.PublishEvent(follow("f1"))
	h.bus.PublishEvent(follow("f2"))
	h.bus.PublishEvent(gift("g1", domain.EventGift, 1, 1))
	h.bus.PublishEvent(&domain.Event{Type: domain.EventSubscribe, User: user("s1")})

	if a := h.nextAlert(); a.Text != "f1" || a.Screen != "main" {
		t.Fatalf("first alert %+v", a)
	}
	// The side screen has its own queue and shows at once.
	if a := h.nextAlert(); a.Text != "s1" || a.Screen != "side" {
		t.Fatalf("side alert %+v", a)
	}
	h.quiet(50 * time.Millisecond) // main is busy for 60 s

	if !h.m.Skip("main") {
		t.Fatal("skip: nothing showing")
	}
	if c := h.next(TypeControl).Data.(Control); c != (Control{Screen: "main", Action: "skip"}) {
		t.Fatalf("control %+v", c)
	}
	if a := h.nextAlert(); a.Text != "g1" { // higher priority jumps the queue
		t.Fatalf("after skip %+v", a)
	}
	h.m.Skip("main")
	if a := h.nextAlert(); a.Text != "f2" {
		t.Fatalf("after 2nd skip %+v", a)
	}
	st := h.m.Status()
	if len(st) != 2 || st[0].Name != "main" || st[0].Queued != 0 || st[0].Showing == nil {
		t.Fatalf("status %+v", st)
	}
}

func TestNextAlertAfterDurationAndGap(t *testing.T) {
	h := newHarness(t, newStore(t), Options{Gap: 50 * time.Millisecond})
	h.set("follow", Config{Enabled: true, Text: "{nickname}", DurationMs: 500})
	h.bus.PublishEvent(follow("a"))
	h.bus.PublishEvent(follow("b"))
	first := h.nextAlert()
	start := time.Now()
	second := h.nextAlert()
	if first.Text != "a" || second.Text != "b" || first.DurationMs != 500 {
		t.Fatalf("got %+v then %+v", first, second)
	}
	if el := time.Since(start); el < 530*time.Millisecond {
		t.Fatalf("second alert after %v, want >= duration+gap", el)
	}
}

func TestClear(t *testing.T) {
	h := newHarness(t, newStore(t), Options{})
	h.set("follow", long("main", 0))
	for _, n := range []string{"a", "b", "c"} {
		h.bus.PublishEvent(follow(n))
	}
	h.nextAlert()
	waitQueued(t, h.m, "main", 2)
	if n := h.m.Clear("main"); n != 3 {
		t.Fatalf("cleared %d, want 3", n)
	}
	if c := h.next(TypeControl).Data.(Control); c.Action != "clear" {
		t.Fatalf("control %+v", c)
	}
	h.m.Skip("main")
	h.quiet(100 * time.Millisecond)
	h.bus.PublishEvent(follow("d"))
	if a := h.nextAlert(); a.Text != "d" {
		t.Fatalf("after clear %+v", a)
	}
}

func waitQueued(t *testing.T, m *Module, screen string, n int) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		for _, s := range m.Status() {
			if s.Name == screen && s.Queued == n {
				return
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("screen %s never had %d queued: %+v", screen, n, m.Status())
}

func TestPauseAndResume(t *testing.T) {
	h := newHarness(t, newStore(t), Options{})
	h.next(TypePaused)
	h.set("follow", Config{Enabled: true, Text: "{nickname}", DurationMs: 500})
	h.m.SetPaused(true)
	if msg := h.next(TypePaused); !msg.Data.(Paused).Paused || msg.Key != "alertsPaused" {
		t.Fatalf("paused message %+v", msg)
	}
	h.bus.PublishEvent(follow("a"))
	waitQueued(t, h.m, "main", 1)
	h.quiet(150 * time.Millisecond)
	h.m.SetPaused(false)
	if msg := h.next(TypePaused); msg.Data.(Paused).Paused {
		t.Fatal("resume published paused=true")
	}
	if a := h.nextAlert(); a.Text != "a" {
		t.Fatalf("after resume %+v", a)
	}
}

func TestMinCoins(t *testing.T) {
	h := newHarness(t, newStore(t), Options{})
	c := long("main", 0)
	c.MinCoins = 100
	h.set("gift", c)
	h.set("follow", long("main", 0))
	h.bus.PublishEvent(gift("small", domain.EventGift, 10, 5)) // 50 coins
	h.bus.PublishEvent(follow("marker"))
	if a := h.nextAlert(); a.Text != "marker" {
		t.Fatalf("gift below min coins alerted: %+v", a)
	}
	h.m.Clear("main")
	h.bus.PublishEvent(gift("big", domain.EventGift, 20, 5)) // 100 coins
	if a := h.nextAlert(); a.Text != "big" || a.Event.Coins != 100 {
		t.Fatalf("gift at min coins: %+v", a)
	}
}

func TestStreakEndOnlyByDefault(t *testing.T) {
	h := newHarness(t, newStore(t), Options{})
	h.set("gift", Config{Enabled: true, Text: "{nickname} x{repeatCount}", DurationMs: 60000})
	for i := int64(1); i <= 3; i++ {
		h.bus.PublishEvent(gift("u", domain.EventGiftStreak, i, 1))
	}
	h.bus.PublishEvent(gift("u", domain.EventGift, 3, 1))
	if a := h.nextAlert(); a.Text != "u x3" || a.EventType != "gift" {
		t.Fatalf("got %+v", a)
	}
	waitQueued(t, h.m, "main", 0)
	h.quiet(50 * time.Millisecond)
}

func TestComboStepsOption(t *testing.T) {
	h := newHarness(t, newStore(t), Options{})
	h.set("gift", Config{Enabled: true, Text: "{nickname} x{repeatCount}", DurationMs: 60000, ComboSteps: true})
	h.set("follow", long("main", -1))
	h.bus.PublishEvent(gift("u", domain.EventGiftStreak, 1, 1))
	if a := h.nextAlert(); a.Text != "u x1" || a.EventType != "giftStreak" {
		t.Fatalf("first step %+v", a)
	}
	for i := int64(2); i <= 4; i++ { // pending steps of one streak merge
		h.bus.PublishEvent(gift("u", domain.EventGiftStreak, i, 1))
	}
	h.bus.PublishEvent(gift("u", domain.EventGift, 4, 1)) // end at the last shown count: no extra alert
	h.bus.PublishEvent(follow("marker"))
	waitQueued(t, h.m, "main", 2)
	h.m.Skip("main")
	if a := h.nextAlert(); a.Text != "u x4" {
		t.Fatalf("merged step %+v", a)
	}
	h.m.Skip("main")
	if a := h.nextAlert(); a.Text != "marker" {
		t.Fatalf("streak end alerted again: %+v", a)
	}
	// A streak end with a higher count than the last step still alerts.
	h.bus.PublishEvent(gift("v", domain.EventGiftStreak, 1, 1))
	h.bus.PublishEvent(gift("v", domain.EventGift, 7, 1))
	h.bus.PublishEvent(follow("marker 2")) // queued once the streak end was handled (the bus keeps order)
	waitQueued(t, h.m, "main", 2)
	h.m.Skip("main")
	if a := h.nextAlert(); a.Text != "v x7" || a.EventType != "gift" {
		t.Fatalf("streak end %+v", a)
	}
}

func TestHostileNicknameStaysLiteral(t *testing.T) {
	h := newHarness(t, newStore(t), Options{})
	h.set("gift", Config{Enabled: true, Text: "{nickname} sent {repeatCount}x {giftName}", DurationMs: 1000,
		ImageURL: "{avatarUrl}"})
	nick := `<img src=x onerror=alert(1)>{giftName}{{coins}}`
	e := gift("x", domain.EventGift, 2, 1)
	e.Nickname, e.GiftName, e.AvatarURL = nick, "<b>Rose</b>", "javascript:alert(1)"
	h.bus.PublishEvent(e)
	a := h.nextAlert()
	want := nick + " sent 2x <b>Rose</b>"
	if a.Text != want {
		t.Fatalf("text %q, want %q", a.Text, want)
	}
	if a.ImageURL != "" {
		t.Fatalf("unsafe image url kept: %q", a.ImageURL)
	}
	b, err := json.Marshal(a)
	if err != nil || strings.Contains(string(b), "<img") {
		t.Fatalf("JSON not escaped: %s %v", b, err)
	}
}

func TestRender(t *testing.T) {
	e := &domain.Event{Type: domain.EventGift, User: user("bob"), GiftName: "Rose", RepeatCount: 3, Coins: 3}
	cases := map[string]string{
		"{nickname} sent {repeatCount}x {giftName}": "bob sent 3x Rose",
		"{{username}} {gift_name} x{repeat_count}":  "bob Rose x3",
		"{unknown} { nickname} {nickname":           "{unknown} { nickname} {nickname",
		"{ hi {nickname}}":                          "{ hi bob}",
		"{coins} coins":                             "3 coins",
	}
	for tmpl, want := range cases {
		if got := Render(tmpl, e); got != want {
			t.Errorf("Render(%q) = %q, want %q", tmpl, got, want)
		}
	}
}

func TestConfigPersistsAndValidates(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, openStore(t, dir), Options{})
	patch := func(body string) (Config, error) {
		req := PutConfigRequest{EventType: "follow"}
		if err := httpapi.Strict([]byte(body), &req.Patch); err != nil {
			return Config{}, err
		}
		return h.m.Service().PutConfig(context.Background(), req)
	}
	if _, err := patch(`{"text":"hi {nickname}","screen":"left","priority":7}`); err != nil {
		t.Fatal(err)
	}
	bad := []string{`{"screen":"a b"}`, `{"durationMs":5}`, `{"imageUrl":"javascript:alert(1)"}`, `{"minCoins":-1}`, `{`}
	for _, p := range bad {
		if _, err := patch(p); err == nil {
			t.Errorf("patch %s accepted", p)
		}
	}
	if _, err := h.m.SetConfig("viewers", Config{}); err == nil {
		t.Error("viewers accepted")
	}
	h2 := newHarness(t, openStore(t, dir), Options{}) // a second handle on the same file
	c := h2.m.Configs()["follow"]
	if c.Text != "hi {nickname}" || c.Screen != "left" || c.Priority != 7 || !c.Enabled || c.DurationMs != DefaultDurationMs {
		t.Fatalf("reloaded %+v", c)
	}
}

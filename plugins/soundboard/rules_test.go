package soundboard

import (
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

func gift(user string, id int64) *domain.Event {
	return &domain.Event{Type: domain.EventGift, User: domain.User{UserID: user}, GiftID: id, GiftName: "Rosa", RepeatCount: 1}
}

func chatEv(user, text string) *domain.Event {
	return &domain.Event{Type: domain.EventChat, User: domain.User{UserID: user}, Comment: text}
}

func likes(n int64) *domain.Event {
	return &domain.Event{Type: domain.EventLike, User: domain.User{UserID: "l"}, LikeCount: n}
}

func mustRules(t *testing.T, c Cooldowns, ms ...Mapping) *Rules {
	t.Helper()
	r := NewRules()
	if err := r.Set(ms, c); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestMappingsMatchByGiftIDAndEventKind(t *testing.T) {
	r := mustRules(t, Cooldowns{},
		Mapping{ID: "rose", Trigger: OnGift, GiftID: 5655, Sound: "https://x/rose.mp3"},
		Mapping{ID: "follow", Trigger: OnFollow, Sound: "https://x/f.mp3"},
		Mapping{ID: "share", Trigger: OnShare, Sound: "https://x/s.mp3"},
		Mapping{ID: "sub", Trigger: OnSubscribe, Sound: "https://x/sub.mp3"},
		Mapping{ID: "cam1", Trigger: OnCommand, Command: "!cam1", Sound: "https://x/c.mp3"})
	now := time.Now()
	cases := []struct {
		ev   *domain.Event
		want string
	}{
		{gift("a", 5655), "rose"}, // the name is localized ("Rosa"); the id decides
		{gift("b", 5269), ""},
		{&domain.Event{Type: domain.EventGiftStreak, GiftID: 5655, User: domain.User{UserID: "c"}}, ""},
		{&domain.Event{Type: domain.EventFollow, User: domain.User{UserID: "d"}}, "follow"},
		{&domain.Event{Type: domain.EventShare, User: domain.User{UserID: "e"}}, "share"},
		{&domain.Event{Type: domain.EventSubscribe, User: domain.User{UserID: "f"}}, "sub"},
		{chatEv("g", "!CAM1 please"), "cam1"},
		{chatEv("h", "!cam10"), ""},
		{chatEv("i", "say !cam1"), ""},
	}
	for _, c := range cases {
		m, ok := r.Match(c.ev, now)
		if got := map[bool]string{true: m.ID}[ok]; got != c.want {
			t.Errorf("%s %q/%d: got %q, want %q", c.ev.Type, c.ev.Comment, c.ev.GiftID, got, c.want)
		}
	}
}

func TestCooldownsPerUserAndGlobal(t *testing.T) {
	rose := Mapping{ID: "rose", Trigger: OnGift, GiftID: 1, Sound: "https://x/r.mp3"}
	r := mustRules(t, Cooldowns{User: 10 * time.Second}, rose)
	t0 := time.Unix(1000, 0)
	steps := []struct {
		user string
		at   time.Duration
		want bool
	}{{"a", 0, true}, {"a", 5 * time.Second, false}, {"b", 5 * time.Second, true}, {"a", 10 * time.Second, true}}
	for i, s := range steps {
		if _, ok := r.Match(gift(s.user, 1), t0.Add(s.at)); ok != s.want {
			t.Errorf("user cooldown step %d: played=%v, want %v", i, ok, s.want)
		}
	}
	r = mustRules(t, Cooldowns{Global: 3 * time.Second}, rose)
	if _, ok := r.Match(gift("a", 1), t0); !ok {
		t.Fatal("first gift not played")
	}
	if _, ok := r.Match(gift("b", 1), t0.Add(2*time.Second)); ok {
		t.Error("another user's gift played within the global cooldown")
	}
	if _, ok := r.Match(gift("b", 1), t0.Add(3*time.Second)); !ok {
		t.Error("gift after the global cooldown not played")
	}
}

func TestLikeThresholdWithinWindow(t *testing.T) {
	r := mustRules(t, Cooldowns{User: time.Hour}, Mapping{ID: "likes", Trigger: OnLike, Likes: 100, WindowSeconds: 10, Sound: "https://x/l.mp3"})
	t0 := time.Unix(1000, 0)
	if _, ok := r.Match(likes(60), t0); ok {
		t.Fatal("fired below the threshold")
	}
	if _, ok := r.Match(likes(30), t0.Add(11*time.Second)); ok {
		t.Fatal("likes outside the window counted")
	}
	if _, ok := r.Match(likes(70), t0.Add(15*time.Second)); !ok {
		t.Fatal("100 likes within 10 s did not fire (the per-user cooldown must not apply to likes)")
	}
	if _, ok := r.Match(likes(10), t0.Add(16*time.Second)); ok {
		t.Fatal("the count did not restart after firing")
	}
}

func TestMappingCheck(t *testing.T) {
	half := 0.5
	tooLoud := 1.5
	bad := []Mapping{
		{ID: "1", Trigger: OnGift, Sound: "x"},
		{ID: "2", Trigger: "raid", Sound: "x"},
		{ID: "3", Trigger: OnCommand, Command: "two words", Sound: "x"},
		{ID: "4", Trigger: OnLike, Likes: 10, Sound: "x"},
		{ID: "5", Trigger: OnFollow},
		{ID: "6", Trigger: OnFollow, Sound: "x", Volume: &tooLoud},
		{ID: "7", Trigger: OnFollow, Sound: "x", Animation: "javascript:alert(1)"},
	}
	for _, m := range bad {
		if err := m.Check(); err == nil || !strings.Contains(err.Error(), `"`+m.ID+`"`) {
			t.Errorf("mapping %s: err %v", m.ID, err)
		}
	}
	ok := Mapping{ID: "ok", Trigger: OnGift, GiftID: 5655, Sound: "abc", Volume: &half, Animation: "https://x/a.gif"}
	if err := ok.Check(); err != nil || ok.Gain() != 0.5 {
		t.Fatal(err)
	}
	if err := NewRules().Set(bad[:1], Cooldowns{}); err == nil {
		t.Fatal("Set accepted a broken mapping")
	}
}

func TestVolumeMultipliesAndMutes(t *testing.T) {
	s := Settings{Volume: 50}
	if v := Volume(s, 0.8, 0.5); v < 0.1999 || v > 0.2001 {
		t.Errorf("0.8 × 0.5 × 50%% = %v, want 0.2", v)
	}
	if v := Volume(Settings{Volume: 100}, 1, 1); v != 1 {
		t.Errorf("full volume %v", v)
	}
	s.Muted = true
	if v := Volume(s, 1, 1); v != 0 {
		t.Errorf("muted volume %v", v)
	}
}

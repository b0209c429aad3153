package emojirain

import (
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/plugins/internal/plugintest"
)

func TestRainFor(t *testing.T) {
	s := normalize(Settings{OnLike: true, OnGift: true, OnFollow: true, OnCommand: true, Emojis: []string{"🎉", " ", "🔥"}})
	gift := func(coins int64, pic string) *domain.Event {
		return &domain.Event{Type: domain.EventGift, Coins: coins, GiftPictureURL: pic}
	}
	cases := []struct {
		name  string
		e     *domain.Event
		count int
		image string
		ok    bool
	}{
		{"one like still rains", &domain.Event{Type: domain.EventLike, LikeCount: 3}, 1, "", true},
		{"like burst", &domain.Event{Type: domain.EventLike, LikeCount: 150}, 15, "", true},
		{"likes capped", &domain.Event{Type: domain.EventLike, LikeCount: 9000}, 20, "", true},
		{"small gift", gift(1, "https://p16.example/rose.webp"), 3, "https://p16.example/rose.webp", true},
		{"gift scales with coins", gift(200, ""), 23, "", true},
		{"gift capped", gift(30000, ""), 50, "", true},
		{"gift picture must be http(s)", gift(10, "javascript:alert(1)"), 4, "", true},
		{"follow", &domain.Event{Type: domain.EventFollow}, 5, "", true},
		{"command", &domain.Event{Type: domain.EventChat, Comment: "!RAIN"}, 20, "", true},
		{"not the command", &domain.Event{Type: domain.EventChat, Comment: "I love !rain"}, 0, "", false},
		{"share is not a trigger", &domain.Event{Type: domain.EventShare}, 0, "", false},
	}
	for _, c := range cases {
		r, ok := rainFor(c.e, &s)
		if ok != c.ok || (ok && (r.Count != c.count || r.ImageURL != c.image)) {
			t.Errorf("%s: got %+v %v, want count %d image %q ok %v", c.name, r, ok, c.count, c.image, c.ok)
		}
	}
	if r, _ := rainFor(&domain.Event{Type: domain.EventChat, Comment: "!rain 🔥"}, &s); strings.Join(r.Emojis, "") != "🔥" {
		t.Errorf("!rain with an allowed emoji: %v", r.Emojis)
	}
	if r, _ := rainFor(&domain.Event{Type: domain.EventChat, Comment: "!rain <img>"}, &s); len(r.Emojis) != 2 {
		t.Errorf("!rain with something not allowed keeps the allowed set: %v", r.Emojis)
	}
	s.Density = 2
	if r, _ := rainFor(gift(200, ""), &s); r.Count != 46 {
		t.Errorf("density 2: %d", r.Count)
	}
	off := normalize(Settings{})
	for _, e := range []*domain.Event{{Type: domain.EventLike, LikeCount: 50}, gift(5, ""), {Type: domain.EventFollow}, {Type: domain.EventChat, Comment: "!rain"}} {
		if _, ok := rainFor(e, &off); ok {
			t.Errorf("%s rains although switched off", e.Type)
		}
	}
}

func TestPluginPublishesRainAndRunsTheFlowAction(t *testing.T) {
	env := plugintest.New(t)
	w := env.Watch("plugin:emoji-rain:rain")
	env.Start(ID, `{"density": 1, "emojis": ["🎉"]}`)

	env.Bus.PublishEvent(&domain.Event{Type: domain.EventGift, Coins: 100, GiftPictureURL: "https://example.com/g.png"})
	var r Rain
	plugintest.JSON(t, w.Next().Data, &r)
	if r.Count != 13 || r.ImageURL != "https://example.com/g.png" || r.Emojis[0] != "🎉" {
		t.Fatalf("gift rain: %+v", r)
	}
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventChat, Comment: "!rain"})
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventChat, Comment: "!rain"}) // cooldown: ignored
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventFollow})
	plugintest.JSON(t, w.Next().Data, &r)
	if r.Count != 20 || r.Reason != "command" {
		t.Fatalf("command rain: %+v", r)
	}
	plugintest.JSON(t, w.Next().Data, &r)
	if r.Count != 5 || r.Reason != "follow" {
		t.Fatalf("second command not held back by the cooldown: %+v", r)
	}

	if _, err := env.Exec(ActionRain, `{"emoji": "🍕 {nickname}", "count": 7}`, &domain.Event{Type: domain.EventChat, User: domain.User{Nickname: "Ann"}}); err != nil {
		t.Fatal(err)
	}
	plugintest.JSON(t, w.Next().Data, &r)
	if r.Count != 7 || strings.Join(r.Emojis, ",") != "🍕,Ann" {
		t.Fatalf("flow rain: %+v", r)
	}
	for _, bad := range []string{`{"count": 0}`, `{"count": 501}`, `{"imageUrl": "javascript:alert(1)"}`, `{"imageUrl": "file:///etc/passwd"}`} {
		if _, err := env.Exec(ActionRain, bad, nil); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}

	if err := env.SetSettings(`{"onGift": false}`); err != nil {
		t.Fatal(err)
	}
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventGift, Coins: 100})
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventLike, LikeCount: 40})
	plugintest.JSON(t, w.Next().Data, &r)
	if r.Reason != "like" || r.Count != 4 {
		t.Fatalf("gifts switched off at run time, then a like: %+v", r)
	}
}

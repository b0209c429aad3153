package tts

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestModerationHostileInputs(t *testing.T) {
	m := NewModerator([]string{"badword", "ass", "spam-bot"}, 60)
	cases := []struct {
		in   string
		want string
		err  error
	}{
		{"hello there", "hello there", nil},
		{"you BADWORD", "", ErrBlockedWord},
		{"b4dw0rd!", "", ErrBlockedWord},
		{"b.a.d.w.o.r.d", "", ErrBlockedWord},
		{"baaaadword", "", ErrBlockedWord},
		{"bаdwоrd", "", ErrBlockedWord}, // Cyrillic а and о
		{"@$$ hat", "", ErrBlockedWord},
		{"spam-bot here", "", ErrBlockedWord},
		{"badwords are fine as a longer word? no: badwordy", "badwords are fine as a longer word? no: badwordy", nil},
		{"pass the class assignment", "pass the class assignment", nil}, // whole words only
		{"see https://evil.example/x?a=1 now", "see now", nil},
		{"go to www.scam.tv or bit.ly/abc or free-coins.com", "go to or or", nil},
		{"nooooooooo way!!!!!!!", "nooo way!!!", nil},
		{"🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥 lit 😂😂😂😂", "lit", nil},
		{"nice 👍", "nice 👍", nil},
		{"🔥🔥🔥🔥🔥🔥", "", ErrEmpty},
		{"https://only.a.link", "", ErrEmpty},
		{"a\u200bb\u0000c\nd", "a b c d", nil},
		{strings.Repeat("word ", 40), strings.TrimSpace(strings.Repeat("word ", 12)), nil},
		{"<script>alert(1)</script>", "<script>alert(1)</script>", nil}, // text only: the overlay never renders it as markup
	}
	for _, c := range cases {
		got, err := m.Clean(c.in)
		if !errors.Is(err, c.err) || got != c.want {
			t.Errorf("Clean(%q) = %q, %v; want %q, %v", c.in, got, err, c.want, c.err)
		}
	}
	if got, err := NewModerator(nil, 200).Clean("anything goes"); err != nil || got != "anything goes" {
		t.Errorf("empty blocklist: %q %v", got, err)
	}
}

func TestLimiterRateAndDuplicates(t *testing.T) {
	l := &Limiter{PerUser: 2, Window: 10 * time.Second, Dedupe: 60 * time.Second}
	t0 := time.Unix(1000, 0)
	steps := []struct {
		user, text string
		at         time.Duration
		err        error
	}{
		{"a", "one", 0, nil},
		{"a", "ONE", time.Second, ErrDuplicate},
		{"b", "one", time.Second, nil},
		{"a", "two", 2 * time.Second, nil},
		{"a", "three", 3 * time.Second, ErrRateLimited},
		{"a", "three", 11 * time.Second, nil},
		{"a", "one", 30 * time.Second, ErrDuplicate},
		{"a", "one", 61 * time.Second, nil},
	}
	for i, s := range steps {
		if err := l.Allow(s.user, s.text, t0.Add(s.at)); !errors.Is(err, s.err) {
			t.Errorf("step %d (%s %q): %v, want %v", i, s.user, s.text, err, s.err)
		}
	}
}

func TestQueueOrderBoundSkipPause(t *testing.T) {
	q := NewQueue(3)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, s := range []string{"1", "2", "3", "4"} {
		err := q.Push(Item{Text: s})
		if (s == "4") != errors.Is(err, ErrQueueFull) {
			t.Fatalf("push %s: %v", s, err)
		}
	}
	if it, _ := q.Next(ctx); it.Text != "1" {
		t.Fatalf("first out %q", it.Text)
	}
	q.Pause(true)
	got := make(chan string, 1)
	go func() { it, _ := q.Next(ctx); got <- it.Text }()
	select {
	case s := <-got:
		t.Fatalf("paused queue handed out %q", s)
	case <-time.After(100 * time.Millisecond):
	}
	q.Pause(false)
	if s := <-got; s != "2" {
		t.Fatalf("after resume %q", s)
	}
	if n := q.Clear(); n != 1 || len(q.Items()) != 0 {
		t.Fatalf("clear dropped %d", n)
	}

	q.Arm()
	start := time.Now()
	go func() { time.Sleep(50 * time.Millisecond); q.Skip() }()
	q.Wait(ctx, 5*time.Second)
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("skip did not end the wait (%v)", d)
	}
	q.Pause(true)
	done := make(chan struct{})
	go func() { q.Wait(ctx, 100*time.Millisecond); close(done) }()
	select {
	case <-done:
		t.Fatal("the wait ran on while paused")
	case <-time.After(300 * time.Millisecond):
	}
	q.Pause(false)
	<-done
}

func TestGuessLang(t *testing.T) {
	for in, want := range map[string]string{
		"hello, how are you today":      "en",
		"Hallo, wie geht es dir? Danke": "de",
		"hola, muchas gracias amigo":    "es",
		"merci beaucoup, c'est super":   "fr",
		"привет как дела":               "ru",
		"こんにちは":                         "ja",
		"안녕하세요":                         "ko",
		"xyzzy":                         "de", // unsure: the default
	} {
		if got := GuessLang(in, "de"); got != want {
			t.Errorf("GuessLang(%q) = %s, want %s", in, got, want)
		}
	}
}

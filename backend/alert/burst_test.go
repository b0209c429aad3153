package alert

import (
	"fmt"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// A gift burst on a busy screen folds into one waiting alert with summed
// counts ("6 viewers sent 313 Rose"); no alert is dropped.
func TestGiftBurstCoalescesInsteadOfDropping(t *testing.T) {
	h := newHarness(t, newStore(t), Options{MaxQueue: 2})
	h.set("gift", Config{Enabled: true, Text: "{nickname} sent {repeatCount} {giftName}", DurationMs: 60000})
	h.set("follow", long("", 0))

	h.bus.PublishEvent(gift("a", domain.EventGift, 1, 1)) // shows
	if a := h.nextAlert(); a.Text != "a sent 1 Rose" {
		t.Fatalf("first alert %q", a.Text)
	}
	h.bus.PublishEvent(gift("b", domain.EventGift, 1, 1)) // waits
	h.bus.PublishEvent(follow("f"))                       // waits; the queue is now long
	total := int64(0)
	for i := 0; i < 60; i++ {
		n := int64(i%7 + 1)
		total += n
		h.bus.PublishEvent(gift(fmt.Sprintf("v%d", i%5), domain.EventGift, n, 1))
	}
	h.bus.PublishEvent(follow("g")) // a follow folds into the waiting follow
	waitFor(t, func() bool {
		st := h.m.Status()
		return len(st) == 1 && st[0].Coalesced == 61
	})
	if st := h.m.Status(); st[0].Queued != 2 {
		t.Fatalf("status %+v", st)
	}
	h.m.Skip("main")
	want := fmt.Sprintf("6 viewers sent %d Rose", 1+total)
	if a := h.nextAlert(); a.Text != want || a.Event.Coins != 1+total {
		t.Fatalf("merged alert %q (coins %d), want %q", a.Text, a.Event.Coins, want)
	}
	h.m.Skip("main")
	if a := h.nextAlert(); a.Text != "2 viewers" {
		t.Fatalf("merged follow alert %q", a.Text)
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 3s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Identical alerts requested by flows fold into one "×N" alert when the
// queue is long.
func TestRequestedAlertsFoldWhenTheQueueIsLong(t *testing.T) {
	h := newHarness(t, newStore(t), Options{MaxQueue: 1})
	req := func(text string) {
		h.bus.Publish(domain.Message{Type: TypeRequest, Data: map[string]any{"text": text, "durationMs": 60000}})
	}
	req("first")
	if a := h.nextAlert(); a.Text != "first" {
		t.Fatalf("first alert %q", a.Text)
	}
	for i := 0; i < 4; i++ {
		req("Thanks!")
	}
	req("other") // different text: queued on its own
	waitFor(t, func() bool { st := h.m.Status(); return len(st) == 1 && st[0].Queued == 2 && st[0].Coalesced == 3 })
	h.m.Skip("main")
	if a := h.nextAlert(); a.Text != "Thanks! ×4" {
		t.Fatalf("folded alert %q", a.Text)
	}
	h.m.Skip("main")
	if a := h.nextAlert(); a.Text != "other" {
		t.Fatalf("next alert %q", a.Text)
	}
}

package leaderboard

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

func TestOrderingPerBoard(t *testing.T) {
	h := newHarness(t, openStore(t, t.TempDir()))
	for _, e := range []*domain.Event{gift("ann", 10), gift("bob", 50), gift("cat", 10), gift("ann", 5),
		like("cat", 30), like("bob", 15), like("cat", 1), chat("bob"), chat("ann"), chat("bob")} {
		h.bus.PublishEvent(e)
	}
	// ann and cat tie first at 10; ann got there first, then ann pulls ahead.
	if v := h.top(BoardGifters, PeriodStream, "bob", "ann", "cat"); !slices.Equal(v, []int64{50, 15, 10}) {
		t.Errorf("gifters %v", v)
	}
	if v := h.top(BoardLikers, PeriodAll, "cat", "bob"); !slices.Equal(v, []int64{31, 15}) {
		t.Errorf("likers %v", v)
	}
	if v := h.top(BoardChatters, PeriodStream, "bob", "ann"); !slices.Equal(v, []int64{2, 1}) {
		t.Errorf("chatters %v", v)
	}
	s, err := h.m.Top(BoardGifters, PeriodAll, 2)
	if err != nil || len(s.Entries) != 2 || s.Entries[0].Rank != 1 || s.Entries[1].Nickname != "ann" {
		t.Fatalf("Top %+v %v", s, err)
	}
}

func TestStreakProgressAndSimulatedEvents(t *testing.T) {
	h := newHarness(t, openStore(t, t.TempDir()))
	streak := gift("ann", 100)
	streak.Type = domain.EventGiftStreak
	sim := gift("sim", 7)
	sim.Simulated = true
	noID := gift("handle", 3)
	noID.UserID, noID.Nickname, noID.Simulated = "", "", true
	anon := gift("anon", 100)
	anon.User = domain.User{}
	h.bus.PublishEvent(streak)
	h.bus.PublishEvent(sim)
	h.bus.PublishEvent(noID)
	h.bus.PublishEvent(anon)
	h.bus.PublishEvent(gift("bob", 1))
	// giftStreak never counts; no user id counts by handle; no user at all not at all.
	s := h.wait(BoardGifters, PeriodStream, func(s State) bool { return len(s.Entries) == 3 })
	if e := s.Entries[1]; e.UserID != "@handle" || e.UniqueID != "handle" || e.Value != 3 || s.Entries[0].Nickname != "sim" {
		t.Fatalf("stream %+v", s)
	}
	s, _ = h.m.Top(BoardGifters, PeriodAll, 10)
	if names(s) != "bob" {
		t.Fatalf("simulated gift counted all time: %+v", s)
	}
}

func TestPublishesAreDebounced(t *testing.T) {
	b := newHarnessWith(t, openStore(t, t.TempDir()), Options{}) // the production rate, 250ms
	for i := range 200 {
		b.bus.PublishEvent(like(fmt.Sprint("u", i%20), 1))
	}
	b.wait(BoardLikers, PeriodStream, func(s State) bool { return len(s.Entries) == 10 && s.Entries[9].Value == 10 })
	time.Sleep(300 * time.Millisecond)
	n := 0
	for len(b.out.C()) > 0 {
		msg := <-b.out.C()
		if msg.Key == Key(BoardLikers, PeriodStream) {
			n++
		}
	}
	if n > 2 {
		t.Fatalf("%d more publishes of one board after the burst", n)
	}
}

func TestPersistenceAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, dir)
	h := newHarness(t, st)
	h.bus.PublishEvent(connected("room-1"))
	h.bus.PublishEvent(gift("ann", 20))
	h.bus.PublishEvent(gift("bob", 30))
	h.top(BoardGifters, PeriodStream, "bob", "ann")
	h.stop()
	st.Close()

	h2 := newHarness(t, openStore(t, dir))
	// The snapshot on start already has the persisted boards.
	if v := h2.top(BoardGifters, PeriodAll, "bob", "ann"); !slices.Equal(v, []int64{30, 20}) {
		t.Fatalf("all time after restart %v", v)
	}
	// Reconnecting to the same room keeps the stream boards.
	h2.bus.PublishEvent(connected("room-1"))
	h2.bus.PublishEvent(gift("ann", 15))
	if v := h2.top(BoardGifters, PeriodStream, "ann", "bob"); !slices.Equal(v, []int64{35, 30}) {
		t.Fatalf("stream after restart %v", v)
	}
}

func TestStreamPeriodReset(t *testing.T) {
	h := newHarness(t, openStore(t, t.TempDir()))
	h.bus.PublishEvent(connected("A"))
	h.bus.PublishEvent(chat("ann"))
	h.bus.PublishEvent(connected("B")) // a new stream: stream boards start empty
	h.bus.PublishEvent(chat("bob"))
	h.top(BoardChatters, PeriodStream, "bob")
	h.top(BoardChatters, PeriodAll, "ann", "bob")

	// streamEnd keeps the final standings; the next connection resets even
	// when the room id is the same.
	h.bus.PublishEvent(&domain.Event{Type: domain.EventStreamEnd})
	h.bus.PublishEvent(chat("cat"))
	h.top(BoardChatters, PeriodStream, "bob", "cat")
	h.bus.PublishEvent(connected("B"))
	h.top(BoardChatters, PeriodStream)
	if s, _ := h.m.Top(BoardChatters, PeriodAll, 10); len(s.Entries) != 3 {
		t.Fatalf("all time lost entries: %+v", s)
	}
}

func TestManualReset(t *testing.T) {
	h := newHarness(t, openStore(t, t.TempDir()))
	h.bus.PublishEvent(like("ann", 5))
	h.top(BoardLikers, PeriodStream, "ann")
	if err := h.m.Reset(BoardLikers, PeriodStream); err != nil {
		t.Fatal(err)
	}
	h.top(BoardLikers, PeriodStream)
	if s, _ := h.m.Top(BoardLikers, PeriodAll, 0); names(s) != "ann" {
		t.Fatalf("all time reset too: %+v", s)
	}
	if err := h.m.Reset("viewers", PeriodStream); err == nil {
		t.Fatal("unknown board reset")
	}
	if err := h.m.Reset(BoardLikers, "week"); err == nil {
		t.Fatal("unknown period reset")
	}
}

package history

import (
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

func TestStreamFiguresEqualARecountAndSimulatedIsKeptApart(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, 20*time.Millisecond)
	real := newGen(1, 1_700_000_000_000, 40, "room-1")
	sim := newGen(2, 1_700_000_000_000, 10, "")
	sim.sim = true
	r.publish(real.connected())
	for i := 0; i < 3000; i++ {
		r.publish(real.next())
		if i%10 == 0 {
			r.publish(sim.next())
		}
	}
	r.publish(real.end())
	r.publish(newGen(3, real.ts+1000, 5, "room-2").connected())
	r.settle()
	r.stop()

	ss, err := r.m.Streams(10, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 || ss[0].RoomID != "room-2" || ss[1].RoomID != "room-1" {
		t.Fatalf("streams %+v, want room-2 then room-1", ss)
	}
	s := ss[1]
	if s.EndedAt == nil || *s.EndedAt != real.ts || s.Source != "tiktok" || s.UniqueID != "host" {
		t.Fatalf("stream %+v", s)
	}
	sameFigures(t, "real stream", s.Figures, recount(t, db.SQL(), s))
	if s.ChatMessages == 0 || s.Coins == 0 || s.PeakViewers == 0 {
		t.Fatalf("figures empty: %+v", s.Figures)
	}
	sims, err := r.m.Streams(10, true)
	if err != nil || len(sims) != 1 || !sims[0].Simulated {
		t.Fatalf("simulated streams %+v, %v", sims, err)
	}
	sameFigures(t, "simulated stream", sims[0].Figures, recount(t, db.SQL(), sims[0]))

	d, err := r.m.Stream(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	var chats, coins int64
	for i, p := range d.Series {
		if p.Minute != int64(i) || p.TS != s.StartedAt+int64(i)*60000 {
			t.Fatalf("series point %d is %+v", i, p)
		}
		chats += p.Chats
		coins += p.Coins
	}
	if want := (real.ts-s.StartedAt)/60000 + 1; int64(len(d.Series)) != want {
		t.Errorf("series has %d minutes, want %d", len(d.Series), want)
	}
	if chats != s.ChatMessages || coins != s.Coins {
		t.Errorf("series sums chats %d coins %d, stream %d %d", chats, coins, s.ChatMessages, s.Coins)
	}
	if len(d.TopGifters) == 0 || d.TopGifters[0].Coins < d.TopGifters[len(d.TopGifters)-1].Coins || d.TopGifters[0].Nickname == "" {
		t.Errorf("top gifters %+v", d.TopGifters)
	}
	if len(d.TopChatters) == 0 || d.TopChatters[0].Messages < d.TopChatters[len(d.TopChatters)-1].Messages {
		t.Errorf("top chatters %+v", d.TopChatters)
	}
	v, err := r.m.Viewer("7000005")
	if err != nil {
		t.Fatal(err)
	}
	c, msgs, likes := viewerTotals(t, db.SQL(), "7000005")
	if v.Coins != c || v.Messages != msgs || v.Likes != likes || v.Streams != 1 {
		t.Errorf("viewer %+v; recount coins %d messages %d likes %d", v.Viewer, c, msgs, likes)
	}
}

func TestPointsEarnedFollowTheRules(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, time.Hour)
	if err := r.m.SetRules(Rules{PerMinute: 2, PerCoin: 3, PerLike: 1, PerMessage: 5, PerFollow: 7, PerShare: 11}); err != nil {
		t.Fatal(err)
	}
	u := domain.User{UserID: "42", UniqueID: "fan", Nickname: "Fan"}
	t0 := int64(1_700_000_000_000)
	ev := func(typ domain.EventType, ts int64) *domain.Event {
		return &domain.Event{Type: typ, TS: ts, User: u, Source: "tiktok"}
	}
	gift := ev(domain.EventGift, t0+70_000) // minute 1
	gift.Coins, gift.RepeatCount = 10, 2
	like := ev(domain.EventLike, t0+75_000)
	like.LikeCount = 4
	chat := ev(domain.EventChat, t0+200_000) // minute 3
	r.publish(&domain.Event{Type: domain.EventConnected, TS: t0, RoomID: "r", Source: "tiktok"},
		ev(domain.EventJoin, t0+1000), // minute 0
		gift, like, chat, ev(domain.EventFollow, t0+201_000), ev(domain.EventShare, t0+202_000))
	// A simulated viewer earns nothing.
	r.publish(&domain.Event{Type: domain.EventChat, TS: t0 + 203_000, User: u, Simulated: true, Source: "simulator"})
	r.settle()
	got, err := r.m.Points("42")
	if err != nil {
		t.Fatal(err)
	}
	// 3 active minutes (0, 1, 3) * 2 + 10 coins * 3 + 4 likes + 1 message * 5 + 7 + 11
	if want := int64(3*2 + 10*3 + 4 + 5 + 7 + 11); got != want {
		t.Fatalf("points %d, want %d", got, want)
	}
	r.stop()
}

func TestKilledMidStreamTheNextStartRepairsFromTheJournal(t *testing.T) {
	dir := t.TempDir()
	db := openStore(t, dir)
	r := newRig(t, db, time.Hour)
	g := newGen(9, 1_700_000_000_000, 30, "room-9")
	r.publish(g.connected())
	for i := 0; i < 1500; i++ {
		r.publish(g.next())
	}
	r.settle()
	r.m.sync() // the first half is written
	for i := 0; i < 1500; i++ {
		r.publish(g.next())
	}
	r.settle()
	r.crash() // the second half lives only in the journal

	r2 := newRig(t, db, time.Hour)
	ss, err := r2.m.Streams(10, false)
	if err != nil || len(ss) != 1 {
		t.Fatalf("streams %+v %v", ss, err)
	}
	if ss[0].EndedAt != nil || ss[0].LastTS != g.ts {
		t.Fatalf("repaired stream %+v: want open up to %d", ss[0], g.ts)
	}
	sameFigures(t, "repaired", ss[0].Figures, recount(t, db.SQL(), ss[0]))
	for _, id := range []string{"7000001", "7000002", "7000017"} {
		v, err := r2.m.Viewer(id)
		if err != nil {
			t.Fatal(err)
		}
		c, msgs, likes := viewerTotals(t, db.SQL(), id)
		if v.Coins != c || v.Messages != msgs || v.Likes != likes || v.Streams != 1 {
			t.Errorf("viewer %s %+v; recount coins %d messages %d likes %d", id, v.Viewer, c, msgs, likes)
		}
	}
	// The stream goes on after the restart.
	r2.publish(g.next(), g.next(), g.end())
	r2.settle()
	r2.stop()
	ss, _ = r2.m.Streams(10, false)
	if len(ss) != 1 || ss[0].EndedAt == nil {
		t.Fatalf("after restart %+v", ss)
	}
	sameFigures(t, "continued", ss[0].Figures, recount(t, db.SQL(), ss[0]))
}

func TestAnOpenStreamOlderThanTheJournalKeepsItsFigures(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, time.Hour)
	g := newGen(4, 1_700_000_000_000, 10, "room-4")
	r.publish(g.connected())
	for i := 0; i < 300; i++ {
		r.publish(g.next())
	}
	r.settle()
	r.m.sync()
	r.crash()
	before, _ := r.m.Streams(1, false)
	if _, err := db.SQL().Exec(`DELETE FROM events WHERE ts < ?`, before[0].StartedAt+20_000); err != nil { // retention
		t.Fatal(err)
	}
	r2 := newRig(t, db, time.Hour)
	after, err := r2.m.Streams(1, false)
	if err != nil || len(after) != 1 || after[0].EndedAt == nil || *after[0].EndedAt != before[0].LastTS {
		t.Fatalf("after retention %+v %v", after, err)
	}
	if after[0].Figures != before[0].Figures {
		t.Fatalf("figures changed: %+v -> %+v", before[0].Figures, after[0].Figures)
	}
	r2.stop()
}

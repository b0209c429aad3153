package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func countEvents(t *testing.T, db *DB) int64 {
	t.Helper()
	n, err := db.CountEvents()
	mustNil(t, err)
	return n
}

func TestJournalNothingLostOnClose(t *testing.T) {
	_, db := openDefault(t)
	b := bus.New()
	j := NewJournal(db, b, zerolog.Nop())
	const n = 100_000
	streaks := 0
	for i := 0; i < n; i++ {
		// keep within the queue (the bus would drop, and count, beyond it)
		for i%1000 == 0 && len(j.sub.C()) > 60_000 {
			time.Sleep(time.Millisecond)
		}
		b.PublishEvent(testEvent(i))
		if i%100 == 0 { // progress of a streak: never journaled
			b.PublishEvent(&domain.Event{Type: domain.EventGiftStreak, ID: "s", TS: 1})
			streaks++
		}
	}
	queued := j.Stats().Queued
	mustNil(t, j.Close()) // must drain the queue before returning
	st := j.Stats()
	if st.Written != n || st.Dropped != 0 || st.Lost != 0 || st.FailedBatches != 0 {
		t.Fatalf("stats after close: %+v", st)
	}
	if got := countEvents(t, db); got != n {
		t.Fatalf("%d rows, want %d (%d were queued at Close)", got, n, queued)
	}
	var distinct, minTS, maxTS int64
	mustNil(t, db.SQL().QueryRow(`SELECT count(DISTINCT msg_id), min(ts), max(ts) FROM events`).Scan(&distinct, &minTS, &maxTS))
	if distinct != n || maxTS-minTS != n-1 {
		t.Fatalf("distinct %d, ts range %d..%d", distinct, minTS, maxTS)
	}
	t.Logf("%d events, %d still queued at Close, %d batches, %d streak events skipped", n, queued, st.Batches, streaks)
	// publishing after Close is harmless
	b.PublishEvent(testEvent(0))
	mustNil(t, j.Close())
}

func TestJournalBatchesBySize(t *testing.T) {
	_, db := openDefault(t)
	b := bus.New()
	j := NewJournalWith(db, b, zerolog.Nop(), JournalOptions{FlushInterval: time.Hour})
	for i := 0; i < 1000; i++ {
		b.PublishEvent(testEvent(i))
	}
	waitFor(t, "a full batch", func() bool { return j.Stats().Written == 512 })
	time.Sleep(150 * time.Millisecond)
	if st := j.Stats(); st.Written != 512 || st.Batches != 1 {
		t.Fatalf("partial batch flushed before its time: %+v", st)
	}
	if got := countEvents(t, db); got != 512 {
		t.Fatalf("%d rows committed", got)
	}
	mustNil(t, j.Close())
	if st := j.Stats(); st.Written != 1000 || st.Batches != 2 {
		t.Fatalf("after close: %+v", st)
	}
}

func TestJournalFlushesByTime(t *testing.T) {
	_, db := openDefault(t)
	b := bus.New()
	j := NewJournal(db, b, zerolog.Nop())
	defer j.Close()
	start := time.Now()
	for i := 0; i < 10; i++ {
		b.PublishEvent(testEvent(i))
	}
	waitFor(t, "the interval flush", func() bool { return j.Stats().Written == 10 })
	if d := time.Since(start); d < 18*time.Millisecond {
		t.Fatalf("flushed after %v, before the 20 ms interval", d)
	}
	if st := j.Stats(); st.Batches != 1 {
		t.Fatalf("10 quick events took %d batches", st.Batches)
	}
}

func TestJournalRoundTripAndFilter(t *testing.T) {
	_, db := openDefault(t)
	b := bus.New()
	j := NewJournal(db, b, zerolog.Nop())
	chat := *testEvent(0)
	chat.Comment = "<script>alert('x')</script> \u2028 ünïcödé 😀"
	chat.Simulated, chat.Source = true, "simulator"
	gift := *testEvent(2)
	gift.IsModerator, gift.IsSubscriber = true, true
	viewers := domain.Event{Type: domain.EventViewers, ID: "9", TS: 5, ViewerCount: 1234, Source: "tiktok"}
	b.PublishEvent(&chat)
	b.PublishEvent(&domain.Event{Type: domain.EventGiftStreak, ID: "8", TS: 4, GiftID: 5655, RepeatCount: 2})
	b.PublishEvent(&gift)
	b.Publish(domain.Message{Type: "goal", Data: map[string]int{"value": 1}, Key: "goal:x"})
	b.PublishEvent(&viewers)
	mustNil(t, j.Close())

	got, err := db.RecentEvents(10)
	mustNil(t, err)
	want := []domain.Event{viewers, gift, chat} // newest first
	if len(got) != len(want) {
		t.Fatalf("got %d events: %+v", len(got), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if one, _ := db.RecentEvents(1); len(one) != 1 || one[0].Type != domain.EventViewers {
		t.Fatalf("limit 1: %+v", one)
	}
	var typ, uid string
	mustNil(t, db.SQL().QueryRow(`SELECT type, user_id FROM events WHERE msg_id = ?`, gift.ID).Scan(&typ, &uid))
	if typ != "gift" || uid != gift.UserID {
		t.Fatalf("columns: %s %s", typ, uid)
	}
	n, err := db.PruneEvents(gift.TS) // viewers (ts 5) and chat are older
	mustNil(t, err)
	if n != 2 || countEvents(t, db) != 1 {
		t.Fatalf("pruned %d", n)
	}
}

// setMaxPages limits the journal's connection to pages (SQLITE_FULL beyond
// it: the same error a full disk gives); 0 = no limit.
func setMaxPages(t *testing.T, j *Journal, pages int64) {
	t.Helper()
	ctx := context.Background()
	if pages == 0 {
		pages = 1 << 30
	}
	var got int64
	mustNil(t, j.w.conn.QueryRowContext(ctx, `PRAGMA max_page_count = `+itoa64(pages)).Scan(&got))
}

func pageCount(t *testing.T, j *Journal) int64 {
	var n int64
	mustNil(t, j.w.conn.QueryRowContext(context.Background(), `PRAGMA page_count`).Scan(&n))
	return n
}

func TestJournalRetriesWhenDiskFull(t *testing.T) {
	_, db := openDefault(t)
	b := bus.New()
	opts := JournalOptions{RetryMin: 5 * time.Millisecond, RetryMax: 20 * time.Millisecond, FlushInterval: 5 * time.Millisecond}
	j := NewJournalWith(db, b, zerolog.Nop(), opts)
	setMaxPages(t, j, pageCount(t, j))
	for i := 0; i < 2000; i++ {
		b.PublishEvent(testEvent(i))
	}
	waitFor(t, "failed attempts", func() bool { return j.Stats().FailedBatches >= 3 })
	st := j.Stats()
	if st.Written != 0 || !strings.Contains(st.LastError, "full") || st.LastErrorAt.IsZero() {
		t.Fatalf("while full: %+v", st)
	}
	setMaxPages(t, j, 0) // space freed
	waitFor(t, "recovery", func() bool { return j.Stats().Written == 2000 })
	mustNil(t, j.Close())
	if got := countEvents(t, db); got != 2000 {
		t.Fatalf("%d rows after recovery", got)
	}
}

func TestJournalCloseGivesUpAfterTimeout(t *testing.T) {
	_, db := openDefault(t)
	b := bus.New()
	opts := JournalOptions{RetryMin: 5 * time.Millisecond, CloseTimeout: 200 * time.Millisecond}
	j := NewJournalWith(db, b, zerolog.Nop(), opts)
	setMaxPages(t, j, pageCount(t, j))
	for i := 0; i < 300; i++ {
		b.PublishEvent(testEvent(i))
	}
	start := time.Now()
	err := j.Close()
	if err == nil || !strings.Contains(err.Error(), "300 events") {
		t.Fatalf("close: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("close took %v", d)
	}
	if st := j.Stats(); st.Lost != 300 || st.Written != 0 {
		t.Fatalf("stats %+v", st)
	}
}

func TestDatabaseCloseDrainsJournal(t *testing.T) {
	m, db := openDefault(t)
	b := bus.New()
	j := NewJournalWith(db, b, zerolog.Nop(), JournalOptions{FlushInterval: time.Hour})
	for i := 0; i < 100; i++ {
		b.PublishEvent(testEvent(i))
	}
	mustNil(t, db.Close()) // wrong order: the journal is closed (drained) first
	mustNil(t, j.Close())
	db2, err := m.Open("default")
	mustNil(t, err)
	defer db2.Close()
	if got := countEvents(t, db2); got != 100 {
		t.Fatalf("%d of 100 events written", got)
	}
}

func itoa64(n int64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			return string(b[i:])
		}
	}
}

package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
)

// After Sync, every event published before it is in the database (read
// through another connection), well within the 50 ms bound.
func TestJournalSyncMeansCommitted(t *testing.T) {
	_, db := openDefault(t)
	b := bus.New()
	j := NewJournal(db, b, zerolog.Nop())
	defer j.Close()
	for round := 1; round <= 5; round++ {
		for i := 0; i < 37; i++ {
			b.PublishEvent(testEvent(round*100 + i))
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := j.Sync(ctx)
		cancel()
		mustNil(t, err)
		if got := countEvents(t, db); got != int64(37*round) {
			t.Fatalf("round %d: %d rows committed after Sync, want %d", round, got, 37*round)
		}
	}
}

// Disk full: the journal says so (Degraded, Sync fails at once), keeps a
// bounded backlog and counts the rest as lost — the publisher never hangs —
// and Close gives up within the 1 s close timeout.
func TestJournalDiskFullIsDegradedAndBounded(t *testing.T) {
	_, db := openDefault(t)
	b := bus.New()
	opts := JournalOptions{QueueSize: 256, BatchSize: 64, RetryMin: 5 * time.Millisecond, RetryMax: 50 * time.Millisecond}
	j := NewJournalWith(db, b, zerolog.Nop(), opts)
	setMaxPages(t, j, pageCount(t, j))
	const n = 5000
	published := make(chan struct{})
	go func() {
		for i := 0; i < n; i++ {
			b.PublishEvent(testEvent(i))
		}
		close(published)
	}()
	select {
	case <-published:
	case <-time.After(10 * time.Second):
		t.Fatalf("the source hangs on a failing journal: %+v", j.Stats())
	}
	st := j.Stats()
	if !strings.Contains(st.Degraded, "cannot write") || st.Shed == 0 {
		t.Fatalf("not reported as degraded: %+v", st)
	}
	if held := n - int(st.Lost) - int(st.Written); held > opts.QueueSize+opts.BatchSize {
		t.Fatalf("%d events held in memory, above the %d backlog bound", held, opts.QueueSize+opts.BatchSize)
	}
	if err := j.Sync(context.Background()); !errors.Is(err, ErrNotSaved) {
		t.Fatalf("Sync while failing: %v", err)
	}
	start := time.Now()
	err := j.Close()
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("Close took %v", d)
	}
	if err == nil {
		t.Fatal("Close reported no loss")
	}
	if st := j.Stats(); st.Lost+st.Written != n {
		t.Fatalf("events unaccounted for: %+v", st)
	}
}

// A failing store write (here: disk full through max_page_count on the
// real file's only connection) makes the database report itself degraded
// until a write succeeds again.
func TestDBDegradedWhileWritesFail(t *testing.T) {
	_, db := openDefault(t)
	db.sql.SetMaxOpenConns(1)
	db.sql.SetMaxIdleConns(1)
	var pages int64
	mustNil(t, db.sql.QueryRow(`PRAGMA page_count`).Scan(&pages))
	mustNil(t, db.sql.QueryRow(`PRAGMA max_page_count = `+itoa64(pages)).Scan(&pages))
	if db.Degraded() != "" {
		t.Fatal("degraded before any failure")
	}
	big := strings.Repeat("x", 64<<10)
	var err error
	for i := 0; i < 50 && err == nil; i++ {
		err = db.SetSetting("filler."+itoa64(int64(i)), big)
	}
	if err == nil {
		t.Fatal("writes never failed")
	}
	if d := db.Degraded(); !strings.Contains(d, "cannot be written") {
		t.Fatalf("Degraded() = %q after %v", d, err)
	}
	mustNil(t, db.sql.QueryRow(`PRAGMA max_page_count = 1073741823`).Scan(&pages))
	mustNil(t, db.SetSetting("small", "1"))
	if d := db.Degraded(); d != "" {
		t.Fatalf("still degraded after a good write: %q", d)
	}
}

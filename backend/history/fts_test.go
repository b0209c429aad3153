package history

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/store"
)

// search pages through a query and returns the seqs found.
func searchAll(t *testing.T, m *Module, q EventQuery) []int64 {
	t.Helper()
	var out []int64
	for pages := 0; pages < 10_000; pages++ {
		p, err := m.Events(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range p.Events {
			out = append(out, r.Seq)
		}
		if p.NextCursor == "" {
			return out
		}
		q.Cursor, _ = strconv.ParseInt(p.NextCursor, 10, 64)
	}
	t.Fatal("search does not end")
	return nil
}

func likeAll(t *testing.T, m *Module, q EventQuery) []int64 {
	t.Helper()
	searchFTS = false
	defer func() { searchFTS = true }()
	return searchAll(t, m, q)
}

func TestChatIndexFindsWhatLikeFinds(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, time.Hour)
	defer r.stop()
	defer func(c int64) { ftsChunk = c }(ftsChunk)
	ftsChunk = 150 // several chunks
	g := newGen(60, 1_700_000_000_000, 20, "room-f")
	r.publish(g.connected())
	for i := 0; i < 1200; i++ {
		r.publish(g.next())
	}
	q := g.base(domain.EventQuestion)
	q.User, q.Question = g.user(), "Where is the Zebra?"
	r.publish(q)
	r.settle()
	for caught := false; !caught; {
		var err error
		if caught, err = r.m.indexChat(); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []EventQuery{
		{Q: "berlin", Limit: 7},
		{Q: "love this", Type: "chat", Limit: 10},
		{Q: "zebra", Limit: 5},
		{Q: "hype", User: "7000003", Limit: 3},
		{Q: "wow", From: g.ts - 200_000, To: g.ts - 100_000},
	} {
		want, got := likeAll(t, r.m, c), searchAll(t, r.m, c)
		if len(want) == 0 || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%+v: index found %d %v, LIKE %d %v", c, len(got), got, len(want), want)
		}
	}
	if got := searchAll(t, r.m, EventQuery{Q: "berl"}); len(got) != len(likeAll(t, r.m, EventQuery{Q: "berlin"})) {
		t.Errorf("a word's beginning finds the word: %d", len(got))
	}
	if got := searchAll(t, r.m, EventQuery{Q: "erlin"}); len(got) != 0 {
		t.Errorf("the index matches words from their start, got %d for a word's middle", len(got))
	}

	// Retention: pruned events leave the index as well.
	var cut int64
	if err := db.SQL().QueryRow(`SELECT ts FROM events WHERE type = 'chat' AND json LIKE '%berlin%' ORDER BY seq LIMIT 1 OFFSET 3`).Scan(&cut); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PruneEvents(cut); err != nil {
		t.Fatal(err)
	}
	if _, err := r.m.indexChat(); err != nil {
		t.Fatal(err)
	}
	var stale int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM history_chat_fts_content WHERE docid < (SELECT min(seq) FROM events)`).Scan(&stale); err != nil || stale != 0 {
		t.Errorf("%d index rows of pruned events (%v)", stale, err)
	}
	if want, got := likeAll(t, r.m, EventQuery{Q: "berlin"}), searchAll(t, r.m, EventQuery{Q: "berlin"}); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after retention: index %v, LIKE %v", got, want)
	}
}

func TestChatIndexIsIncrementalAndNewChatIsFound(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, 20*time.Millisecond)
	defer r.stop()
	g := newGen(61, 1_700_000_000_000, 5, "room-g")
	r.publish(g.connected())
	for i := 0; i < 200; i++ {
		r.publish(g.next())
	}
	r.settle()
	waitFor(t, func() bool { caught, err := r.m.indexChat(); return err == nil && caught })
	var before int
	_ = db.SQL().QueryRow(`SELECT count(*) FROM history_chat_fts_content`).Scan(&before)
	chat := g.base(domain.EventChat)
	chat.User, chat.Comment = g.user(), "Grüße aus München"
	r.publish(chat)
	r.settle()
	got := searchAll(t, r.m, EventQuery{Q: "münchen"})
	if len(got) != 1 {
		t.Fatalf("the newest chat is found by the index: %v", got)
	}
	var after int
	_ = db.SQL().QueryRow(`SELECT count(*) FROM history_chat_fts_content`).Scan(&after)
	if after != before+1 {
		t.Errorf("index rows %d -> %d: one chat added one row", before, after)
	}
}

func TestFTSQuery(t *testing.T) {
	for in, want := range map[string]string{
		"hello":             `"hello*"`,
		`love "this" OR x*`: `"love*" "this*" "OR*" "x*"`,
		"🔥🔥":                "",
		"  ":                "",
	} {
		if got := ftsQuery(in); got != want {
			t.Errorf("ftsQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

// An imported profile never takes the upload's index (FTS internals are
// not imported); the module rebuilds it from the imported journal.
func TestChatIndexIsRebuiltAfterImport(t *testing.T) {
	dir := t.TempDir()
	mgr, err := store.OpenManager(dir)
	if err != nil {
		t.Fatal(err)
	}
	db, err := mgr.Open(mgr.Active())
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, db, 20*time.Millisecond)
	g := newGen(62, 1_700_000_000_000, 5, "room-i")
	r.publish(g.connected())
	chat := g.base(domain.EventChat)
	chat.User, chat.Comment = g.user(), "imported hello"
	r.publish(chat)
	r.settle()
	waitFor(t, func() bool { caught, err := r.m.indexChat(); return err == nil && caught })
	// The upload's index claims a match that is not in its journal.
	if _, err := db.SQL().Exec(`INSERT INTO history_chat_fts (docid, text) VALUES (999999, 'forged words')`); err != nil {
		t.Fatal(err)
	}
	r.stop()
	var buf bytes.Buffer
	if err := mgr.Export(mgr.Active(), &buf); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := mgr.Import("copy", &buf); err != nil {
		t.Fatal(err)
	}
	db2, err := mgr.Open("copy")
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	var n int
	if err := db2.SQL().QueryRow(`SELECT count(*) FROM history_chat_fts_content`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("imported index rows: %d (%v)", n, err)
	}
	r2 := newRig(t, db2, 20*time.Millisecond)
	defer r2.stop()
	waitFor(t, func() bool { caught, err := r2.m.indexChat(); return err == nil && caught })
	if got := searchAll(t, r2.m, EventQuery{Q: "hello"}); len(got) != 1 {
		t.Errorf("search after import: %v", got)
	}
	if got := searchAll(t, r2.m, EventQuery{Q: "forged"}); len(got) != 0 {
		t.Errorf("the upload's index was used: %v", got)
	}
}

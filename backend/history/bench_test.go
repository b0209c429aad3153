package history

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/store"
)

// The benchmark journal: 50 streams of 40,000 events (2 million rows),
// written straight into SQLite while the module counts them, kept in the
// temp directory between runs.
const (
	benchStreams   = 50
	benchPerStream = 40_000
)

var (
	benchOnce sync.Once
	benchMod  *Module
)

func benchModule(b *testing.B) *Module {
	benchOnce.Do(func() {
		dir := filepath.Join(os.TempDir(), "ltth-history-bench-2m")
		_, err := os.Stat(filepath.Join(dir, "done"))
		fresh := err != nil
		if fresh {
			_ = os.RemoveAll(dir)
		}
		mgr, err := store.OpenManager(dir)
		if err != nil {
			b.Fatal(err)
		}
		db, err := mgr.Open(mgr.Active())
		if err != nil {
			b.Fatal(err)
		}
		benchMod = New(bus.New(), db, Options{})
		if fresh {
			generate(b, benchMod)
			_ = os.WriteFile(filepath.Join(dir, "done"), nil, 0o600)
		}
		ss, err := benchMod.Streams(benchStreams, false)
		if err != nil || len(ss) != benchStreams {
			b.Fatalf("%d streams, %v", len(ss), err)
		}
		for _, s := range []Stream{ss[0], ss[benchStreams/2], ss[benchStreams-1]} {
			sameFigures(b, "benchmark stream", s.Figures, recount(b, db.SQL(), s))
		}
		buildChatIndex(b, benchMod)
	})
	if benchMod == nil {
		b.Fatal("benchmark journal not generated")
	}
	return benchMod
}

// generate journals and counts 2M events, one transaction per 20,000.
func generate(b *testing.B, m *Module) {
	ts := int64(1_690_000_000_000)
	var batch []*domain.Event
	for s := 0; s < benchStreams; s++ {
		g := newGen(uint64(s), ts, 3000, "room-"+string(rune('A'+s%26))+string(rune('a'+s/26)))
		batch = append(batch, g.connected())
		for i := 2; i < benchPerStream; i++ {
			batch = append(batch, g.next())
			if len(batch) == 20_000 {
				journalAndCount(b, m, batch)
				batch = batch[:0]
			}
		}
		batch = append(batch, g.end())
		ts = g.ts + 86_400_000
	}
	journalAndCount(b, m, batch)
}

func journalAndCount(b *testing.B, m *Module, es []*domain.Event) {
	tx, err := m.sql.BeginTx(context.Background(), nil)
	if err != nil {
		b.Fatal(err)
	}
	st, err := tx.Prepare(`INSERT INTO events (msg_id, ts, type, user_id, unique_id, json) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 0, 512)
	for _, e := range es {
		buf = e.AppendJSON(buf[:0])
		if _, err := st.Exec(e.ID, e.TS, string(e.Type), e.UserID, e.UniqueID, string(buf)); err != nil {
			b.Fatal(err)
		}
	}
	st.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range es {
		m.handle(e)
	}
	if err := m.flush(); err != nil {
		b.Fatal(err)
	}
}

// buildChatIndex catches the chat index up with the journal (once per
// journal: it is kept in the database) and logs how long that took.
func buildChatIndex(b *testing.B, m *Module) {
	began, chunks := time.Now(), 0
	for caught := false; !caught; chunks++ {
		var err error
		if caught, err = m.indexChat(); err != nil {
			b.Fatal(err)
		}
	}
	if chunks > 1 {
		b.Logf("chat index built from the 2M journal in %v (%d chunks)", time.Since(began).Round(time.Millisecond), chunks)
	}
}

func BenchmarkStreamList(b *testing.B) {
	m := benchModule(b)
	b.ResetTimer()
	for b.Loop() {
		if ss, err := m.Streams(100, false); err != nil || len(ss) != benchStreams {
			b.Fatal(len(ss), err)
		}
	}
}

func BenchmarkStreamChart(b *testing.B) {
	m := benchModule(b)
	ss, _ := m.Streams(100, false)
	id := ss[benchStreams/2].ID
	b.ResetTimer()
	for b.Loop() {
		if d, err := m.Stream(id); err != nil || len(d.Series) < 60 {
			b.Fatal(len(d.Series), err)
		}
	}
}

func benchSearch(b *testing.B, q EventQuery, atLeast int) {
	m := benchModule(b)
	b.ResetTimer()
	for b.Loop() {
		p, err := m.Events(q)
		if err != nil || len(p.Events) < atLeast {
			b.Fatal(len(p.Events), err)
		}
	}
}

func BenchmarkSearchChatText(b *testing.B) {
	benchSearch(b, EventQuery{Type: "chat", Q: "berlin", Limit: 50}, 50)
}

func BenchmarkSearchTextNoMatch(b *testing.B) { // through the index: an empty doclist
	benchSearch(b, EventQuery{Type: "chat", Q: "zebra", Limit: 50}, 0)
}

func BenchmarkSearchTextNoMatchLike(b *testing.B) { // without the index: one 100,000-row window per page
	defer func() { searchFTS = true }()
	searchFTS = false
	benchSearch(b, EventQuery{Type: "chat", Q: "zebra", Limit: 50}, 0)
}

func BenchmarkSearchTextCommonWord(b *testing.B) { // "hello" is in 1/8 of all chat: a long doclist
	benchSearch(b, EventQuery{Q: "hello", Limit: 50}, 50)
}

func BenchmarkSearchTextTwoWordsDeepPage(b *testing.B) { // both words, a page a million rows back
	benchSearch(b, EventQuery{Q: "greetings berlin", Cursor: 1_000_000, Limit: 50}, 50)
}

func BenchmarkSearchGiftsCoinRange(b *testing.B) { // gifts of 100-300 coins, newest first
	benchSearch(b, EventQuery{MinCoins: 100, MaxCoins: 300, Limit: 50}, 50)
}

func BenchmarkSearchTextInTimeRange(b *testing.B) { // no match, one day's stream read
	m := benchModule(b)
	ss, _ := m.Streams(100, false)
	s := ss[benchStreams/2]
	benchSearch(b, EventQuery{Type: "chat", Q: "zebra", From: s.StartedAt, To: *s.EndedAt, Limit: 50}, 0)
}

func BenchmarkSearchUser(b *testing.B) {
	benchSearch(b, EventQuery{User: "viewer17", Limit: 50}, 50)
}

func BenchmarkSearchGiftsInTimeRange(b *testing.B) {
	m := benchModule(b)
	ss, _ := m.Streams(100, false)
	s := ss[benchStreams/2]
	benchSearch(b, EventQuery{Type: "gift", From: s.StartedAt, To: *s.EndedAt, Limit: 100}, 100)
}

func BenchmarkViewersByCoins(b *testing.B) {
	m := benchModule(b)
	b.ResetTimer()
	for b.Loop() {
		if vs, err := m.Viewers("", "coins", 100); err != nil || len(vs) != 100 {
			b.Fatal(len(vs), err)
		}
	}
}

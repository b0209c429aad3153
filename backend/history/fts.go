package history

import (
	"database/sql"
	"strings"
	"sync"
	"unicode"
)

// The chat index (migration 042) holds the text of chat and question
// events under their journal seq. It is filled from the journal in seq
// order: indexChat reads at most ftsChunk journal rows per call (the
// module's tick calls it every flush, a search before it searches).
// Rows journal retention deleted are dropped from the index too.

// ftsChunk bounds the journal rows one indexChat call reads.
var ftsChunk int64 = 50_000

// searchFTS: text searches use the index (false: always LIKE, for the
// tests of the windowed LIKE scan and the equivalence of both).
var searchFTS = true

type chatIndex struct {
	mu    sync.Mutex
	upTo  int64 // every journal row with seq <= upTo is indexed
	ready bool  // upTo was loaded
	top   int64 // journal's max seq seen by the last indexChat
}

// indexChat indexes the next chunk of the journal and drops rows of
// events that retention deleted. It reports whether the index is caught
// up with the journal.
func (m *Module) indexChat() (bool, error) {
	x := &m.fts
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.ready {
		if err := m.sql.QueryRow(`SELECT coalesce(max(docid), 0) FROM history_chat_fts_content`).Scan(&x.upTo); err != nil {
			return false, err
		}
		x.ready = true
	}
	var lo, hi int64
	// Two queries: SQLite reads min or max from the key only when alone.
	if err := m.sql.QueryRow(`SELECT coalesce(min(seq), 0) FROM events`).Scan(&lo); err != nil {
		return false, err
	}
	if err := m.sql.QueryRow(`SELECT coalesce(max(seq), 0) FROM events`).Scan(&hi); err != nil {
		return false, err
	}
	x.top = hi
	if err := m.dropPruned(lo); err != nil {
		return false, err
	}
	if hi < x.upTo { // the journal was replaced (profile import): start over
		if _, err := m.sql.Exec(`DELETE FROM history_chat_fts`); err != nil {
			return false, err
		}
		x.upTo = 0
	}
	if hi == x.upTo {
		return true, nil
	}
	end := min(hi, x.upTo+ftsChunk)
	if _, err := m.sql.Exec(`INSERT INTO history_chat_fts (docid, text)
		SELECT seq, coalesce(json_extract(json, '$.comment'), json_extract(json, '$.question'), '') FROM events
		WHERE seq > ? AND seq <= ? AND type IN ('chat', 'question')`, x.upTo, end); err != nil {
		return false, err
	}
	x.upTo = end
	return end == hi, nil
}

// dropPruned removes index rows of events below the journal's lowest seq
// (deleted by retention), a bounded batch per call. The check reads the
// content table's primary key, so it costs nothing when there is none.
func (m *Module) dropPruned(lo int64) error {
	var oldest sql.NullInt64
	if err := m.sql.QueryRow(`SELECT min(docid) FROM history_chat_fts_content`).Scan(&oldest); err != nil {
		return err
	}
	if !oldest.Valid || oldest.Int64 >= lo {
		return nil
	}
	rows, err := m.sql.Query(`SELECT docid FROM history_chat_fts_content WHERE docid < ? ORDER BY docid LIMIT 5000`, lo)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	tx, err := m.sql.Begin()
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.Exec(`DELETE FROM history_chat_fts WHERE docid = ?`, id); err != nil {
			_ = tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// ftsQuery turns search text into an FTS query: every word of it, as a
// prefix ("hel" finds "hello"), all of them required. Empty when the text
// holds no letter or digit (then the search falls back to LIKE).
func ftsQuery(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = `"` + w + `*"` // FTS4 prefix syntax
	}
	return strings.Join(words, " ")
}

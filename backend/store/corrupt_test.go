package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// profileFile creates an empty profile and returns its database path.
func profileFile(t *testing.T, m *Manager, name string) string {
	t.Helper()
	mustNil(t, m.Create(name))
	return m.dbPath(name)
}

// expectUntouched opens the profile, expects err to match want, and checks
// that the database file is byte-for-byte unchanged.
func expectUntouched(t *testing.T, m *Manager, name string, want error) error {
	t.Helper()
	path := m.dbPath(name)
	before := snapshotFile(t, path)
	db, err := m.Open(name)
	if err == nil {
		db.Close()
	}
	if !errors.Is(err, want) {
		t.Fatalf("open %s: got %v, want %v", name, err, want)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error does not name the file: %v", err)
	}
	// every other operation that reads the file refuses it as well
	if err := m.Duplicate(name, name+" copy"); !errors.Is(err, want) {
		t.Errorf("duplicate: got %v, want %v", err, want)
	}
	if err := m.Export(name, &bytes.Buffer{}); !errors.Is(err, want) {
		t.Errorf("export: got %v, want %v", err, want)
	}
	if after := snapshotFile(t, path); after != before {
		t.Fatalf("file was modified: %+v -> %+v", before, after)
	}
	return err
}

func TestNotADatabase(t *testing.T) {
	m := newManager(t)
	path := profileFile(t, m, "junk")
	mustNil(t, os.WriteFile(path, bytes.Repeat([]byte("{\"this is\": \"json\"}\n"), 400), 0o600))
	err := expectUntouched(t, m, "junk", ErrCorrupt)
	var ce *CorruptError
	if !errors.As(err, &ce) || ce.Path != path {
		t.Fatalf("not a CorruptError for %s: %v", path, err)
	}
}

func TestDamagedDatabase(t *testing.T) {
	m := newManager(t)
	path := profileFile(t, m, "damaged")
	db, err := m.Open("damaged")
	mustNil(t, err)
	for i := 0; i < 3000; i++ {
		mustNil(t, db.SetSetting("key-"+strconv.Itoa(i)+strings.Repeat("x", i%50), strings.Repeat("v", 200)))
	}
	mustNil(t, db.Close()) // checkpoints everything into the main file
	// overwrite a few b-tree pages in the middle, header and schema page intact
	data, err := os.ReadFile(path)
	mustNil(t, err)
	if len(data) < 40*4096 {
		t.Fatalf("database unexpectedly small: %d", len(data))
	}
	for off := 20 * 4096; off < 24*4096; off++ {
		data[off] = 0xA5
	}
	mustNil(t, os.WriteFile(path, data, 0o600))
	expectUntouched(t, m, "damaged", ErrCorrupt)
}

func TestNewerSchema(t *testing.T) {
	m := newManager(t)
	path := profileFile(t, m, "future")
	raw := openRW(path)
	_, err := raw.Exec(`PRAGMA user_version = 999`)
	mustNil(t, err)
	mustNil(t, raw.Close())
	err = expectUntouched(t, m, "future", ErrNewerSchema)
	var se *SchemaError
	if !errors.As(err, &se) || se.Version != 999 || se.Known != m.SchemaVersion() {
		t.Fatalf("schema error details: %+v", se)
	}
	data, _ := os.ReadFile(path)
	if err := m.Import("future2", bytes.NewReader(data)); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("import newer: %v", err)
	}
}

func TestUnknownMigrationIsNewer(t *testing.T) {
	m := newManager(t)
	path := profileFile(t, m, "branch")
	raw := openRW(path)
	_, err := raw.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (0, 'x', 0)`)
	mustNil(t, err)
	mustNil(t, raw.Close())
	expectUntouched(t, m, "branch", ErrNewerSchema)
}

func TestForeignDatabaseRefused(t *testing.T) {
	m := newManager(t)
	path := filepath.Join(m.profiles, "other", dbFileName)
	mustNil(t, os.MkdirAll(filepath.Dir(path), 0o700))
	raw := openRW(path)
	_, err := raw.Exec(`CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')`)
	mustNil(t, err)
	mustNil(t, raw.Close())
	expectUntouched(t, m, "other", ErrCorrupt)
}

// A 0-byte database.db is damage (a failed copy, a full disk), never a
// new empty profile: open fails naming the file, which stays as it is.
func TestEmptyFileRefused(t *testing.T) {
	m := newManager(t)
	path := filepath.Join(m.profiles, "blank", dbFileName)
	mustNil(t, os.MkdirAll(filepath.Dir(path), 0o700))
	mustNil(t, os.WriteFile(path, nil, 0o600))
	err := expectUntouched(t, m, "blank", ErrCorrupt)
	var ce *CorruptError
	if !errors.As(err, &ce) || ce.Path != path || !strings.Contains(ce.Detail, "0 bytes") {
		t.Fatalf("not a CorruptError naming the empty file: %v", err)
	}
}

// Damage inside the event journal (a page written badly while running) is
// found by the quick_check at the next open, not days later.
func TestDamagedJournalFoundAtOpen(t *testing.T) {
	m := newManager(t)
	db, err := m.Open("default")
	mustNil(t, err)
	for i := 0; i < 20; i++ {
		tx, err := db.SQL().Begin()
		mustNil(t, err)
		for k := 0; k < 500; k++ {
			e := testEvent(i*500 + k)
			_, err := tx.Exec(insertEvent, e.ID, e.TS, string(e.Type), e.UserID, e.UniqueID, string(e.AppendJSON(nil)))
			mustNil(t, err)
		}
		mustNil(t, tx.Commit())
	}
	mustNil(t, db.Close())
	path := m.dbPath("default")
	data, err := os.ReadFile(path)
	mustNil(t, err)
	pages := len(data) / 4096
	for off := pages / 2 * 4096; off < (pages/2+4)*4096; off++ {
		data[off] = 0x5A
	}
	mustNil(t, os.WriteFile(path, data, 0o600))

	if db, err := m.Open("default"); !errors.Is(err, ErrCorrupt) {
		if err == nil {
			db.Close()
		}
		t.Fatalf("open of a damaged journal: %v", err)
	}
}

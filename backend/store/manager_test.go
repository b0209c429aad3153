package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/domain"
)

func TestValidateName(t *testing.T) {
	good := []string{"default", "Main Stream", "a", "x-y_z.1", "Müller", strings.Repeat("a", 64), "con2", "aux-stream"}
	for _, n := range good {
		if err := ValidateName(n); err != nil {
			t.Errorf("%q: %v", n, err)
		}
	}
	bad := []string{"", ".hidden", "a/b", `a\b`, "..", "../x", strings.Repeat("a", 65), "trailing.", "trailing ",
		" leading", "a:b", "tab\t", "CON", "nul.txt", "Com1", "lpt9", "emoji😀", "a*b", "new\nline"}
	for _, n := range bad {
		if err := ValidateName(n); !errors.Is(err, ErrInvalidName) {
			t.Errorf("%q: got %v, want ErrInvalidName", n, err)
		}
	}
}

func TestManagerDefaultsAndOpen(t *testing.T) {
	dir := t.TempDir()
	m, err := OpenManager(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.Active() != "default" {
		t.Fatalf("active = %q", m.Active())
	}
	db, err := m.Open("default")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.SchemaVersion() != m.SchemaVersion() || db.SchemaVersion() < 1 {
		t.Fatalf("schema version %d, binary knows %d", db.SchemaVersion(), m.SchemaVersion())
	}
	if _, err := os.Stat(filepath.Join(dir, "profiles", "default", "database.db")); err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := db.SQL().QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode %q %v", mode, err)
	}
	var fk int
	if err := db.SQL().QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign_keys %d %v", fk, err)
	}
	list, err := m.List()
	if err != nil || len(list) != 1 || !list[0].Active || list[0].Name != "default" || list[0].SizeBytes == 0 {
		t.Fatalf("list %+v %v", list, err)
	}
	if _, err := m.Open("../evil"); !errors.Is(err, ErrInvalidName) {
		t.Fatalf("open invalid name: %v", err)
	}
}

func TestProfileLifecycle(t *testing.T) {
	m := newManager(t)
	mustNil(t, m.Create("Stream A"))
	if err := m.Create("Stream A"); !errors.Is(err, ErrProfileExists) {
		t.Fatalf("create duplicate: %v", err)
	}
	if err := m.Create("stream a"); !errors.Is(err, ErrProfileExists) {
		t.Fatalf("create case variant: %v", err)
	}
	if err := m.Create("bad/name"); !errors.Is(err, ErrInvalidName) {
		t.Fatalf("create invalid: %v", err)
	}
	writeSetting(t, m, "Stream A", "greeting", "hallo")

	// rename
	mustNil(t, m.Rename("Stream A", "Stream B"))
	if err := m.Rename("Stream A", "Stream C"); !errors.Is(err, ErrProfileNotFound) {
		t.Fatalf("rename missing: %v", err)
	}
	mustNil(t, m.Create("Other"))
	if err := m.Rename("Stream B", "other"); !errors.Is(err, ErrProfileExists) {
		t.Fatalf("rename onto existing: %v", err)
	}
	mustNil(t, m.Rename("Stream B", "stream b")) // case-only rename
	checkSetting(t, m, "stream b", "greeting", "hallo")

	// duplicate
	mustNil(t, m.Duplicate("stream b", "Copy"))
	if err := m.Duplicate("stream b", "Copy"); !errors.Is(err, ErrProfileExists) {
		t.Fatalf("duplicate onto existing: %v", err)
	}
	if err := m.Duplicate("nope", "Copy2"); !errors.Is(err, ErrProfileNotFound) {
		t.Fatalf("duplicate missing: %v", err)
	}
	checkSetting(t, m, "Copy", "greeting", "hallo")

	// switch + delete
	if err := m.SetActive("nope"); !errors.Is(err, ErrProfileNotFound) {
		t.Fatalf("switch to missing: %v", err)
	}
	mustNil(t, m.SetActive("Copy"))
	if err := m.Delete("Copy"); !errors.Is(err, ErrActiveProfile) {
		t.Fatalf("delete active: %v", err)
	}
	if err := m.Delete("nope"); !errors.Is(err, ErrProfileNotFound) {
		t.Fatalf("delete missing: %v", err)
	}
	mustNil(t, m.Delete("Other"))
	names := profileNames(t, m)
	if strings.Join(names, ",") != "Copy,stream b" {
		t.Fatalf("profiles %v", names)
	}

	// the active profile survives a restart, and follows a rename
	mustNil(t, m.SetActive("stream b"))
	mustNil(t, m.Rename("stream b", "Main"))
	m2, err := OpenManager(m.DataDir())
	mustNil(t, err)
	if m2.Active() != "Main" {
		t.Fatalf("active after restart = %q", m2.Active())
	}
}

func TestOpenProfileIsProtected(t *testing.T) {
	m := newManager(t)
	mustNil(t, m.Create("busy"))
	db, err := m.Open("busy")
	mustNil(t, err)
	if err := m.Delete("busy"); !errors.Is(err, ErrProfileInUse) {
		t.Fatalf("delete open profile: %v", err)
	}
	if err := m.Rename("busy", "renamed"); !errors.Is(err, ErrProfileInUse) {
		t.Fatalf("rename open profile: %v", err)
	}
	// duplicate and export work on an open profile being written
	mustNil(t, db.SetSetting("k", "v"))
	mustNil(t, m.Duplicate("busy", "copy"))
	checkSetting(t, m, "copy", "k", "v")
	mustNil(t, db.Close())
	mustNil(t, m.Delete("busy"))
}

func TestExportImportRoundTrip(t *testing.T) {
	m := newManager(t)
	db, err := m.Open("source")
	mustNil(t, err)
	mustNil(t, db.SetSetting("theme", "dark"))
	mustNil(t, db.PutFlow(FlowRecord{ID: "f1", Name: "Rose", Enabled: true, Definition: []byte(`{"trigger":"gift"}`)}))
	mustNil(t, db.AddScore("gifters", "all", domain.User{UserID: "1", UniqueID: "alice"}, 42, 1000))
	// unflushed WAL content must be in the export: keep db open while exporting
	var buf bytes.Buffer
	mustNil(t, m.Export("source", &buf))
	mustNil(t, db.Close())
	if !bytes.HasPrefix(buf.Bytes(), []byte(sqliteMagic)) {
		t.Fatal("export is not a SQLite file")
	}

	// into another data directory, as a user moving machines would
	m2 := newManager(t)
	mustNil(t, m2.Import("imported", bytes.NewReader(buf.Bytes())))
	if err := m2.Import("imported", bytes.NewReader(buf.Bytes())); !errors.Is(err, ErrProfileExists) {
		t.Fatalf("import over existing: %v", err)
	}
	if err := m2.Import("x/y", bytes.NewReader(buf.Bytes())); !errors.Is(err, ErrInvalidName) {
		t.Fatalf("import invalid name: %v", err)
	}
	db2, err := m2.Open("imported")
	mustNil(t, err)
	defer db2.Close()
	if v, ok, _ := db2.GetSetting("theme"); !ok || v != "dark" {
		t.Fatalf("setting lost: %q %v", v, ok)
	}
	flows, _ := db2.ListFlows()
	if len(flows) != 1 || flows[0].Name != "Rose" || string(flows[0].Definition) != `{"trigger":"gift"}` {
		t.Fatalf("flows %+v", flows)
	}
	top, _ := db2.TopScores("gifters", "all", 10)
	if len(top) != 1 || top[0].Value != 42 || top[0].UniqueID != "alice" {
		t.Fatalf("scores %+v", top)
	}
	if err := m.Export("missing", &buf); !errors.Is(err, ErrProfileNotFound) {
		t.Fatalf("export missing: %v", err)
	}
}

func TestImportRejectsBadData(t *testing.T) {
	m := newManager(t)
	cases := map[string][]byte{
		"empty":   nil,
		"garbage": bytes.Repeat([]byte("not a database "), 500),
		"short":   []byte(sqliteMagic),
	}
	for name, data := range cases {
		if err := m.Import(name, bytes.NewReader(data)); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: got %v, want ErrCorrupt", name, err)
		}
	}
	// a real SQLite file that is not an LTTH profile
	foreign := filepath.Join(t.TempDir(), "foreign.db")
	raw := openRW(foreign)
	_, err := raw.Exec(`CREATE TABLE stuff (x); PRAGMA user_version = 1`)
	mustNil(t, err)
	raw.Close()
	data, _ := os.ReadFile(foreign)
	if err := m.Import("foreign", bytes.NewReader(data)); !errors.Is(err, ErrCorrupt) {
		t.Errorf("foreign schema: got %v, want ErrCorrupt", err)
	}
	if names := profileNames(t, m); len(names) != 0 {
		t.Fatalf("failed imports left profiles behind: %v", names)
	}
	if entries, _ := os.ReadDir(m.profiles); len(entries) != 0 {
		t.Fatalf("failed imports left files behind: %v", entries)
	}
}

func TestImportMigratesOlderSchema(t *testing.T) {
	// a database at version 0 with no tables is an "older" empty profile
	src := filepath.Join(t.TempDir(), "old.db")
	raw := openRW(src)
	_, err := raw.Exec(`PRAGMA application_id = 7`)
	mustNil(t, err)
	raw.Close()
	data, _ := os.ReadFile(src)
	m := newManager(t)
	mustNil(t, m.Import("old", bytes.NewReader(data)))
	db, err := m.Open("old")
	mustNil(t, err)
	defer db.Close()
	if db.SchemaVersion() != m.SchemaVersion() {
		t.Fatalf("version %d", db.SchemaVersion())
	}
}

// --- helpers ---

func mustNil(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func profileNames(t *testing.T, m *Manager) []string {
	t.Helper()
	list, err := m.List()
	mustNil(t, err)
	var names []string
	for _, p := range list {
		names = append(names, p.Name)
	}
	return names
}

func writeSetting(t *testing.T, m *Manager, profile, k, v string) {
	t.Helper()
	db, err := m.Open(profile)
	mustNil(t, err)
	defer db.Close()
	mustNil(t, db.SetSetting(k, v))
}

func checkSetting(t *testing.T, m *Manager, profile, k, want string) {
	t.Helper()
	db, err := m.Open(profile)
	mustNil(t, err)
	defer db.Close()
	if got, ok, err := db.GetSetting(k); err != nil || !ok || got != want {
		t.Fatalf("%s: setting %s = %q %v %v, want %q", profile, k, got, ok, err, want)
	}
}

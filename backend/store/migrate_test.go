package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbeddedMigrations(t *testing.T) {
	ms, err := loadMigrations(migrationFiles, "migrations")
	mustNil(t, err)
	if len(ms) == 0 || ms[0].version != 1 {
		t.Fatalf("migrations %v", ms)
	}
}

func TestMigrationsUpAndLateLowNumber(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	fsys := fstest.MapFS{
		"m/001_init.sql":  {Data: []byte(`CREATE TABLE a (x); CREATE TABLE b (y);`)},
		"m/020_goals.sql": {Data: []byte(`ALTER TABLE a ADD COLUMN z;`)},
		"m/README.txt":    {Data: []byte(`ignored`)},
	}
	ms, err := loadMigrations(fsys, "m")
	mustNil(t, err)
	db, v, err := ms.openMigrated(ctx, path, quickCheck)
	mustNil(t, err)
	db.Close()
	if v != 20 {
		t.Fatalf("version %d, want 20", v)
	}
	// a later release adds 011 (flow range) after 020 shipped: still applied
	fsys["m/011_flows.sql"] = &fstest.MapFile{Data: []byte(`CREATE TABLE flowstuff (id);`)}
	ms, err = loadMigrations(fsys, "m")
	mustNil(t, err)
	db, v, err = ms.openMigrated(ctx, path, quickCheck)
	mustNil(t, err)
	defer db.Close()
	var n int
	mustNil(t, db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n))
	if v != 20 || n != 3 {
		t.Fatalf("version %d, %d applied", v, n)
	}
	mustNil(t, db.QueryRow(`SELECT count(*) FROM flowstuff`).Scan(&n))
}

func TestFailedMigrationRollsBack(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	ms, err := loadMigrations(fstest.MapFS{
		"m/001_ok.sql":  {Data: []byte(`CREATE TABLE a (x);`)},
		"m/002_bad.sql": {Data: []byte(`CREATE TABLE b (y); INSERT INTO nope VALUES (1);`)},
	}, "m")
	mustNil(t, err)
	if _, _, err := ms.openMigrated(ctx, path, quickCheck); err == nil || !strings.Contains(err.Error(), "002_bad.sql") {
		t.Fatalf("want error naming the migration, got %v", err)
	}
	ro := openRO(path)
	defer ro.Close()
	v, _ := userVersion(ctx, ro)
	var n int
	mustNil(t, ro.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'b'`).Scan(&n))
	if v != 1 || n != 0 {
		t.Fatalf("after failed 002: version %d, table b present %d", v, n)
	}
}

func TestMigrationNames(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"no number": {"m/init.sql": {}},
		"zero":      {"m/000_x.sql": {}},
		"duplicate": {"m/001_a.sql": {}, "m/1_b.sql": {}},
	} {
		if _, err := loadMigrations(fsys, "m"); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := loadMigrations(fstest.MapFS{}, "m"); err == nil || errors.Is(err, ErrCorrupt) {
		t.Errorf("missing dir: %v", err)
	}
}

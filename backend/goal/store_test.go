package goal

import (
	"testing"

	"github.com/ltth/ltth/backend/store"
)

// openStore opens (creating if needed) the default profile database in dir:
// a real SQLite file. It is closed when the test ends.
func openStore(t testing.TB, dir string) *store.DB {
	t.Helper()
	mgr, err := store.OpenManager(dir)
	if err != nil {
		t.Fatal(err)
	}
	db, err := mgr.Open(mgr.Active())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func newStore(t *testing.T) *store.DB { return openStore(t, t.TempDir()) }

package plugintest

import (
	"context"
	"time"

	"github.com/ltth/ltth/backend/leaderboard"
	"github.com/ltth/ltth/backend/store"
)

// StartLeaderboard runs the real leaderboard module on the env's bus over a
// real SQLite profile in a temp dir, so overlays that show its boards get
// the `leaderboard` messages LTTH sends.
func (e *Env) StartLeaderboard() {
	e.T.Helper()
	mgr, err := store.OpenManager(e.T.TempDir())
	if err != nil {
		e.T.Fatal(err)
	}
	db, err := mgr.Open(mgr.Active())
	if err != nil {
		e.T.Fatal(err)
	}
	m := leaderboard.New(e.Bus, db, leaderboard.Options{Debounce: 20 * time.Millisecond})
	if err := m.Start(context.Background()); err != nil {
		e.T.Fatal(err)
	}
	e.T.Cleanup(func() {
		_ = m.Stop(context.Background())
		db.Close()
	})
}

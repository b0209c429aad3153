package obs

import (
	"context"
	"testing"
	"time"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/events/subscriptions"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/obs/obstest"
	"github.com/ltth/ltth/backend/store"
)

func newStore(t testing.TB) *store.DB {
	t.Helper()
	mgr, err := store.OpenManager(t.TempDir())
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

// startModule runs the module against settings s on a fresh store.
func startModule(t testing.TB, b *bus.Bus, s Settings) *Module {
	return startModuleWith(t, b, s, nil)
}

func startModuleWith(t testing.TB, b *bus.Bus, s Settings, overlays func() []OverlaySource) *Module {
	t.Helper()
	db := newStore(t)
	if err := saveSettings(db, s); err != nil {
		t.Fatal(err)
	}
	m := New(b, db, Options{MinBackoff: 100 * time.Millisecond, MaxBackoff: time.Second, ResponseTimeout: 2 * time.Second,
		Overlays: overlays})
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := m.Stop(ctx); err != nil {
			t.Error(err)
		}
	})
	return m
}

func settingsFor(srv *obstest.Server) Settings {
	return Settings{Host: srv.Host, Port: srv.Port, Password: srv.Password, Enabled: true}
}

// peer is the test's own request-only OBS client, to set up and check.
func peer(t testing.TB, srv *obstest.Server) *goobs.Client {
	t.Helper()
	c, err := goobs.New(settingsFor(srv).Addr(), goobs.WithPassword(srv.Password),
		goobs.WithEventSubscriptions(subscriptions.None), goobs.WithResponseTimeout(3000))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Disconnect() })
	return c
}

// eventually polls cond until it holds or d passes.
func eventually(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	end := time.Now().Add(d)
	for !cond() {
		if time.Now().After(end) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// must returns v, or panics (failing the test) on err.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

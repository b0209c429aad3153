package core

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/store"
)

func startCore(t *testing.T, dir string) *Core {
	t.Helper()
	c, err := New(Options{DataDir: dir, Listen: "127.0.0.1:0", Console: io.Discard, Headless: true, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c
}

func stopCore(t *testing.T, c *Core) {
	t.Helper()
	if err := c.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// simulate publishes an event through the listener's real POST /api/simulate.
func simulate(t *testing.T, c *Core, ev map[string]any) {
	t.Helper()
	body, _ := json.Marshal(ev)
	req, _ := http.NewRequest(http.MethodPost, c.URL()+"/api/simulate", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+c.Token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("simulate: %s", resp.Status)
	}
}

func recentIDs(t *testing.T, c *Core) map[string]bool {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.URL()+"/api/events/recent?limit=100", nil)
	req.Header.Set("Authorization", "Bearer "+c.Token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var evs []domain.Event
	if err := json.NewDecoder(resp.Body).Decode(&evs); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, e := range evs {
		ids[e.ID] = true
	}
	return ids
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestJournalSurvivesRestartAndOldEventsArePruned(t *testing.T) {
	dir := t.TempDir()
	c := startCore(t, dir)
	// Retention runs in the background when the profile opens: let it
	// finish first, or a late run prunes the old event before it is seen.
	c.current().wg.Wait()
	old := time.Now().AddDate(0, 0, -(defaultRetentionDays + 10)).UnixMilli()
	simulate(t, c, map[string]any{"type": "chat", "id": "old", "ts": old, "comment": "long ago"})
	simulate(t, c, map[string]any{"type": "chat", "id": "new", "comment": "today"})
	waitFor(t, "both events journaled", func() bool {
		ids := recentIDs(t, c)
		return ids["new"] && ids["old"]
	})
	stopCore(t, c)

	c = startCore(t, dir)
	defer stopCore(t, c)
	waitFor(t, "retention to prune the old event", func() bool {
		ids := recentIDs(t, c)
		return ids["new"] && !ids["old"]
	})
}

func TestSwitchingProfilesSwapsTheirData(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	simulate(t, c, map[string]any{"type": "follow", "id": "in-default"})
	waitFor(t, "the event in the default profile", func() bool { return recentIDs(t, c)["in-default"] })

	if err := c.CreateProfile("Second"); err != nil {
		t.Fatal(err)
	}
	if err := c.SwitchProfile(context.Background(), "Second"); err != nil {
		t.Fatal(err)
	}
	if c.ActiveProfile() != "Second" || len(recentIDs(t, c)) != 0 {
		t.Fatalf("profile %q shows %v", c.ActiveProfile(), recentIDs(t, c))
	}
	if err := c.SwitchProfile(context.Background(), "default"); err != nil {
		t.Fatal(err)
	}
	if !recentIDs(t, c)["in-default"] {
		t.Fatal("the default profile lost its journal across a switch")
	}
	if err := c.SwitchProfile(context.Background(), "missing"); err == nil {
		t.Fatal("switching to a missing profile succeeded")
	}
}

func TestProfileRESTErrorsHaveTheirStatus(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	call := func(method, path, body string) int {
		req, _ := http.NewRequest(method, c.URL()+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+c.Token())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, tc := range []struct {
		method, path, body string
		want               int
	}{
		{"POST", "/api/profiles", `{"name":"Stream B"}`, http.StatusCreated},
		{"POST", "/api/profiles", `{"name":"Stream B"}`, http.StatusConflict},
		{"POST", "/api/profiles", `{"name":"../evil"}`, http.StatusUnprocessableEntity},
		{"POST", "/api/profiles", `{"name":"x","bogus":1}`, http.StatusBadRequest},
		{"POST", "/api/profiles/nope/activate", ``, http.StatusNotFound},
		{"DELETE", "/api/profiles/default", ``, http.StatusConflict},
		{"GET", "/api/profiles/nope/export", ``, http.StatusNotFound},
		{"DELETE", "/api/profiles/Stream%20B", ``, http.StatusOK},
	} {
		if got := call(tc.method, tc.path, tc.body); got != tc.want {
			t.Errorf("%s %s %s: %d, want %d", tc.method, tc.path, tc.body, got, tc.want)
		}
	}
}

func TestIntegrityCheckRunsAtMostDaily(t *testing.T) {
	m, err := store.OpenManager(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := m.Open("default")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Now()
	if !checkDue(db, now) {
		t.Fatal("a never-checked profile is not due")
	}
	checkIntegrity(db, zerolog.Nop())
	if checkDue(db, now.Add(time.Hour)) {
		t.Fatal("due again an hour after a passing check")
	}
	if !checkDue(db, now.Add(25*time.Hour)) {
		t.Fatal("not due a day after the last check")
	}
}

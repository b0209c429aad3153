package core

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
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

func recentIDs(t *testing.T, c *Core) map[string]bool {
	t.Helper()
	resp, err := http.Get(c.URL() + "/api/events/recent?limit=100")
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
	old := time.Now().AddDate(0, 0, -(defaultRetentionDays + 10)).UnixMilli()
	c.Simulate(domain.Event{Type: domain.EventChat, ID: "old", TS: old, Comment: "long ago"})
	c.Simulate(domain.Event{Type: domain.EventChat, ID: "new", Comment: "today"})
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
	c.Simulate(domain.Event{Type: domain.EventFollow, ID: "in-default"})
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

package core

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func healthOf(t *testing.T, c *Core) map[string]any {
	t.Helper()
	resp, err := http.Get(c.URL() + "/api/health")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var h map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		t.Fatal(err)
	}
	return h
}

func postSimulate(t *testing.T, c *Core, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.URL()+"/api/simulate", bytes.NewReader([]byte(body)))
	req.Header.Set("Authorization", "Bearer "+c.Token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(msg)
}

// While the profile database cannot be written (another process holds its
// write lock), /api/health says "degraded" with the reason and
// /api/simulate answers 503 instead of a 202 for an event it cannot save;
// once the database is writable again, health is ok and the waiting events
// are saved.
func TestHealthDegradedWhileTheJournalCannotWrite(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	if h := healthOf(t, c); h["status"] != "ok" {
		t.Fatalf("health before: %v", h)
	}
	if code, msg := postSimulate(t, c, `{"type":"chat","id":"1","comment":"saved"}`); code != http.StatusAccepted {
		t.Fatalf("simulate: %d %s", code, msg)
	}
	c.mu.Lock()
	path := c.scope.db.Path()
	c.mu.Unlock()
	other, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=0")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	lock, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock.ExecContext(context.Background(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	code, msg := postSimulate(t, c, `{"type":"chat","id":"2","comment":"not yet saved"}`)
	if code != http.StatusServiceUnavailable || !strings.Contains(msg, "not saved") {
		t.Fatalf("simulate while locked: %d %s", code, msg)
	}
	deadline := time.Now().Add(15 * time.Second)
	var h map[string]any
	for {
		h = healthOf(t, c)
		if h["status"] == "degraded" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("health never degraded: %v", h)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if r, _ := h["reason"].(string); !strings.Contains(r, "journal cannot write") || !strings.Contains(r, "locked") {
		t.Fatalf("reason %q", r)
	}
	if _, err := lock.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	lock.Close()
	waitFor(t, "health ok again", func() bool { return healthOf(t, c)["status"] == "ok" })
	waitFor(t, "the waiting event saved", func() bool { return recentIDs(t, c)["2"] })
}

// BenchmarkSimulateAcknowledged is one POST /api/simulate after another:
// each 202 waits for its event's commit (group commit on demand).
func BenchmarkSimulateAcknowledged(b *testing.B) {
	c, err := New(Options{DataDir: b.TempDir(), Listen: "127.0.0.1:0", Console: io.Discard, Headless: true})
	if err != nil {
		b.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer c.Stop(context.Background())
	client := &http.Client{}
	body := []byte(`{"type":"chat","uniqueId":"u","userId":"1","comment":"hello"}`)
	for b.Loop() {
		req, _ := http.NewRequest(http.MethodPost, c.URL()+"/api/simulate", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+c.Token())
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusAccepted {
			b.Fatalf("simulate: %s", resp.Status)
		}
	}
}

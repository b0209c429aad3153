package core

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/ltth/ltth/backend/httpapi"
)

// authed makes a request with the token and returns status and body.
func authed(t *testing.T, c *Core, method, path, ctype string, body io.Reader) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, c.URL()+path, body)
	req.Header.Set("Authorization", "Bearer "+c.Token())
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestRealBackupRestores: a profile backup of several MB (a few streams'
// journal) imports; the global 1 MiB limit no longer applies to it.
func TestRealBackupRestores(t *testing.T) {
	dir := t.TempDir()
	c := startCore(t, dir)
	defer stopCore(t, c)
	status, db := authed(t, c, "GET", "/api/profiles/"+c.profiles.Active()+"/export", "", nil)
	if status != 200 {
		t.Fatalf("export: %d", status)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := os.WriteFile(backup, []byte(db), 0o600); err != nil {
		t.Fatal(err)
	}
	fillJournal(t, backup, 8000)
	st, _ := os.Stat(backup)
	if st.Size() < 6<<20 {
		t.Fatalf("backup only %d bytes", st.Size())
	}
	f, _ := os.Open(backup)
	defer f.Close()
	status, body := authed(t, c, "POST", "/api/profiles/import?name=Restored", "application/octet-stream", f)
	if status != http.StatusCreated {
		t.Fatalf("import of a %d-byte backup: %d %s", st.Size(), status, body)
	}
	uploads := 0
	for _, r := range c.srv.Routes() {
		switch {
		case r.Pattern == "POST /api/profiles/import" || r.Pattern == "POST /api/captures":
			uploads++
			if r.MaxBody != httpapi.MaxUploadBytes {
				t.Errorf("%s limit %d", r.Pattern, r.MaxBody)
			}
		case r.MaxBody != 0:
			t.Errorf("%s has a raised body limit %d", r.Pattern, r.MaxBody)
		}
	}
	if uploads != 2 {
		t.Fatalf("%d upload routes", uploads)
	}
}

func fillJournal(t *testing.T, path string, n int) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UnixMilli()
	text := strings.Repeat("a long chat message ", 40)
	for i := range n {
		js := fmt.Sprintf(`{"type":"chat","id":"%d","ts":%d,"userId":"%d","uniqueId":"fan%d","comment":%q}`, i+1, now, i, i, text)
		if _, err := tx.Exec(`INSERT INTO events (msg_id, ts, type, user_id, unique_id, json) VALUES (?, ?, 'chat', ?, ?, ?)`,
			fmt.Sprint(i+1), now, fmt.Sprint(i), fmt.Sprint("fan", i), js); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE`); err != nil {
		t.Fatal(err)
	}
}

// TestBodiesAreStrictAndErrorsHideServerPaths: trailing data and unknown
// fields are a 400 naming the problem; no error carries the data dir.
func TestBodiesAreStrictAndErrorsHideServerPaths(t *testing.T) {
	dir := t.TempDir()
	c := startCore(t, dir)
	defer stopCore(t, c)
	for _, tc := range []struct{ method, path, body, want string }{
		{"PUT", "/api/connection/settings", `{}{}garbage`, "unexpected data after the JSON value"},
		{"PUT", "/api/connection/settings", `{"bogus":1}`, `unknown field "bogus"`},
		{"POST", "/api/profiles", `{"name":"x"} trailing`, "unexpected data after the JSON value"},
		{"PUT", "/api/goals/g1", `{"name":"G"}{}`, "unexpected data after the JSON value"},
		{"PUT", "/api/variables", `{"a":1}]`, "unexpected data after the JSON value"},
		{"PUT", "/api/goals/g1", `{"kind":"coins","target":10,"bogus":1}`, `unknown field "bogus"`},
		{"PUT", "/api/alerts/config/gift", `{"enabled":true,"sound":"x"}`, `unknown field "sound"`},
		{"POST", "/api/connection/connect", `{"target":"@a"}{"target":"@b"}`, "unexpected data after the JSON value"},
	} {
		status, body := authed(t, c, tc.method, tc.path, "application/json", strings.NewReader(tc.body))
		var e struct{ Error string }
		_ = json.Unmarshal([]byte(body), &e)
		if status != http.StatusBadRequest || !strings.Contains(e.Error, tc.want) {
			t.Errorf("%s %s %s: %d %s", tc.method, tc.path, tc.body, status, body)
		}
	}
	status, body := authed(t, c, "POST", "/api/profiles/import?name=junk", "application/octet-stream",
		strings.NewReader(strings.Repeat("not a database ", 500)))
	if status < 400 || strings.Contains(body, dir) || strings.Contains(body, string(filepath.Separator)+"profiles") {
		t.Fatalf("import of junk: %d %s", status, body)
	}
}

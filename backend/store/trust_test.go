package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func secretsProfile(t *testing.T, m *Manager) {
	t.Helper()
	db, err := m.Open("mine")
	mustNil(t, err)
	defer db.Close()
	for k, v := range map[string]string{"tiktok.apiKey": "euler-key-0123456789", "tiktok.sessionId": "session-secret-abcdef",
		"obs.password": "obs-pass-123", "theme": "dark"} {
		mustNil(t, db.SetSetting(k, v))
	}
	def := `{"id":"hook","name":"Hook","enabled":true,"actions":[{"type":"choose","config":{"then":[
		{"type":"webhook.send","config":{"url":"https://example.com/x","headers":{"X-Key":"header-secret-xyz"}}}]}}]}`
	mustNil(t, db.PutFlow(FlowRecord{ID: "hook", Name: "Hook", Enabled: true, Definition: []byte(def)}))
}

var secretValues = []string{"euler-key-0123456789", "session-secret-abcdef", "obs-pass-123", "header-secret-xyz"}

func TestExportWithoutSecrets(t *testing.T) {
	m := newManager(t)
	secretsProfile(t, m)
	var plain, full bytes.Buffer
	mustNil(t, m.Export("mine", &plain))
	mustNil(t, m.ExportWith("mine", &full, ExportOptions{IncludeSecrets: true}))
	for _, s := range secretValues {
		if bytes.Contains(plain.Bytes(), []byte(s)) {
			t.Errorf("export without secrets contains %q", s)
		}
		if !bytes.Contains(full.Bytes(), []byte(s)) {
			t.Errorf("export with secrets lacks %q", s)
		}
	}
	// the scrubbed export is still a complete profile
	m2 := newManager(t)
	mustNil(t, m2.Import("copy", bytes.NewReader(plain.Bytes())))
	db, err := m2.Open("copy")
	mustNil(t, err)
	defer db.Close()
	if v, _, _ := db.GetSetting("theme"); v != "dark" {
		t.Fatalf("theme lost: %q", v)
	}
	flows, _ := db.ListFlows()
	if len(flows) != 1 || !strings.Contains(string(flows[0].Definition), `"X-Key":""`) {
		t.Fatalf("flow %+v", flows)
	}
}

func TestImportRejectsForeignUploads(t *testing.T) {
	m := newManager(t)
	other := filepath.Join(t.TempDir(), "other.db")
	raw := openRW(other)
	_, err := raw.Exec(`CREATE TABLE notes (x TEXT)`)
	mustNil(t, err)
	mustNil(t, raw.Close())
	foreign, _ := os.ReadFile(other)
	for name, data := range map[string][]byte{"empty": nil, "text": []byte(strings.Repeat("hello ", 100)), "foreign": foreign} {
		err := m.Import(name, bytes.NewReader(data))
		if !errors.Is(err, ErrCorrupt) || strings.Contains(err.Error(), m.profiles) {
			t.Errorf("%s: want a clear ErrCorrupt without server paths, got %v", name, err)
		}
	}
	if list, _ := m.List(); len(list) != 0 {
		t.Fatalf("a refused import left a profile: %+v", list)
	}
}

func TestReviewAcceptReject(t *testing.T) {
	files := corpusFiles(t)
	m := newManager(t)
	mustNil(t, m.Import("p", bytes.NewReader(files["program"])))
	mustNil(t, m.Import("s", bytes.NewReader(files["secrets"])))
	items, err := m.PendingReview("p")
	mustNil(t, err)
	if len(items) != 2 || items[1].Value != "https://evil.example/sign?key=•••" {
		t.Fatalf("items %+v", items)
	}
	if err := m.ApplyReview("p", []int64{items[0].ID}, []int64{items[0].ID}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("same id twice: %v", err)
	}
	if err := m.ApplyReview("p", []int64{999}, nil); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown id: %v", err)
	}
	mustNil(t, m.ApplyReview("p", []int64{items[0].ID}, []int64{items[1].ID}))
	db, err := m.Open("p")
	mustNil(t, err)
	s, _ := db.Settings()
	db.Close()
	if s["tiktok.browserPath"] != "/tmp/ltth-evil/chromium" || s["tiktok.signServerUrl"] != "" || s["tiktok.browserPathConfirmed"] != "" {
		t.Fatalf("settings after review %v", s)
	}
	if left, _ := m.PendingReview("p"); len(left) != 0 {
		t.Fatalf("left %+v", left)
	}
	flows, _ := m.PendingReview("s")
	mustNil(t, m.ApplyReview("s", []int64{flows[0].ID}, nil))
	db, err = m.Open("s")
	mustNil(t, err)
	defer db.Close()
	if fl, _ := db.ListFlows(); !fl[0].Enabled || !strings.Contains(string(fl[0].Definition), `"enabled":true`) {
		t.Fatalf("accepted flow not enabled: %+v", fl)
	}
}

func TestDailyBackupRotation(t *testing.T) {
	m := newManager(t)
	day := time.Date(2026, 1, 1, 12, 0, 0, 0, time.Local)
	m.now = func() time.Time { return day }
	for i := 0; i < 10; i++ {
		db, err := m.Open("p")
		mustNil(t, err)
		mustNil(t, db.SetSetting("day", day.Format(backupDay)))
		mustNil(t, db.BackupError())
		db.Close()
		// a second open the same day takes no new backup
		db, err = m.Open("p")
		mustNil(t, err)
		db.Close()
		day = day.Add(25 * time.Hour)
	}
	list, err := m.Backups("p")
	mustNil(t, err)
	if len(list) != KeepBackups || list[0].Name != "2026-01-10.db" || list[6].Name != "2026-01-04.db" {
		t.Fatalf("backups %+v", list)
	}
}

func TestRestoreAfterDamage(t *testing.T) {
	m := newManager(t)
	db, err := m.Open("p") // the backup taken here is empty of settings
	mustNil(t, err)
	mustNil(t, db.SetSetting("theme", "dark"))
	db.Close()
	m.now = func() time.Time { return time.Now().Add(48 * time.Hour) }
	db, err = m.Open("p") // this backup holds the theme
	mustNil(t, err)
	db.Close()
	path := m.dbPath("p")
	mustNil(t, os.WriteFile(path, nil, 0o600)) // the disk filled up
	_, err = m.Open("p")
	var ce *CorruptError
	if !errors.As(err, &ce) || len(ce.Backups) != 2 || !strings.Contains(err.Error(), "backup") {
		t.Fatalf("open of a 0-byte database: %v", err)
	}
	newest := ce.Backups[0]
	if _, err := m.Restore("p", "../../etc.db"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("bad name: %v", err)
	}
	kept, err := m.Restore("p", newest)
	mustNil(t, err)
	if st, err := os.Stat(filepath.Join(filepath.Dir(path), kept)); err != nil || st.Size() != 0 {
		t.Fatalf("damaged file not kept aside: %v", err)
	}
	db, err = m.Open("p")
	mustNil(t, err)
	defer db.Close()
	if v, _, _ := db.GetSetting("theme"); v != "dark" {
		t.Fatalf("restored theme %q", v)
	}
	if _, err := m.Restore("p", newest); !errors.Is(err, ErrProfileInUse) {
		t.Fatalf("restore of an open profile: %v", err)
	}
}

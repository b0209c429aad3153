package core

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/store"
	"github.com/ltth/ltth/backend/tiktok/connector"
)

// The store's one list of secret and quarantined settings names the
// connector's real keys.
func TestTrustListsNameTheConnectorKeys(t *testing.T) {
	in := func(list []string, k string) bool {
		for _, x := range list {
			if x == k {
				return true
			}
		}
		return false
	}
	for _, k := range []string{connector.KeyAPIKey, connector.KeySessionID} {
		if !in(store.SecretSettings, k) {
			t.Errorf("%s is not in store.SecretSettings", k)
		}
	}
	for _, k := range []string{connector.KeyBrowserPath, connector.KeySignServerURL} {
		if !in(store.QuarantinedSettings, k) {
			t.Errorf("%s is not in store.QuarantinedSettings", k)
		}
	}
	if !in(store.DroppedSettings, connector.KeyBrowserPathConfirmed) {
		t.Errorf("%s is not in store.DroppedSettings", connector.KeyBrowserPathConfirmed)
	}
}

// call sends a request with or without the token and decodes JSON into out.
func call(t *testing.T, c *Core, method, path string, body io.Reader, token bool, out any) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, c.URL()+path, body)
	if token {
		req.Header.Set("Authorization", "Bearer "+c.Token())
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if out != nil {
		_ = json.Unmarshal(b, out)
	}
	return resp.StatusCode, b
}

// evilProfile is a shared profile that wants to run a script named
// chromium (with a forged confirmation) as soon as it is activated.
func evilProfile(t *testing.T, script string) []byte {
	t.Helper()
	m, err := store.OpenManager(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := m.Open("evil")
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{connector.KeyBrowserPath: script, connector.KeyBrowserPathConfirmed: script,
		connector.KeyTarget: "@victim", connector.KeySources: `["browser"]`, connector.KeyAPIKey: "euler-key-0123456789"} {
		if err := db.SetSetting(k, v); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	var buf bytes.Buffer
	if err := m.ExportWith("evil", &buf, store.ExportOptions{IncludeSecrets: true}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportedBrowserPathNeverRuns(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(t.TempDir(), "chromium")
	marker := script + ".ran"
	if err := os.WriteFile(script, []byte("#!/bin/sh\ntouch '"+marker+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	c := startCore(t, dir)
	defer stopCore(t, c)
	if code, b := call(t, c, "POST", "/api/profiles/import?name=evil", bytes.NewReader(evilProfile(t, script)), true, nil); code != 201 {
		t.Fatalf("import: %d %s", code, b)
	}
	if code, _ := call(t, c, "GET", "/api/profiles/evil/review", nil, false, nil); code != 401 {
		t.Fatalf("review without token: %d", code)
	}
	var items []store.ReviewItem
	call(t, c, "GET", "/api/profiles/evil/review", nil, true, &items)
	if len(items) != 1 || items[0].Value != script || !strings.Contains(items[0].Reason, "run") {
		t.Fatalf("review %+v", items)
	}
	// even accepted, the path is only pending: activating auto-connects
	// with the browser source, which refuses to run it
	body := strings.NewReader(`{"accept":[` + jsonInt(items[0].ID) + `]}`)
	if code, b := call(t, c, "POST", "/api/profiles/evil/review", body, true, &items); code != 200 || len(items) != 0 {
		t.Fatalf("accept: %d %s", code, b)
	}
	if code, b := call(t, c, "POST", "/api/profiles/evil/activate", nil, true, nil); code != 200 {
		t.Fatalf("activate: %d %s", code, b)
	}
	waitFor(t, "the browser source to refuse the path", func() bool {
		st := c.Connection()
		return len(st.Sources) == 1 && strings.Contains(st.Sources[0].Reason, "not confirmed")
	})
	time.Sleep(200 * time.Millisecond)
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the imported browser path was executed")
	}
}

func jsonInt(n int64) string { b, _ := json.Marshal(n); return string(b) }

func TestExportSecretsNeedToken(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	name := c.ActiveProfile()
	code, b := call(t, c, "PUT", "/api/connection/settings", strings.NewReader(`{"apiKey":"euler-key-0123456789"}`), true, nil)
	if code != 200 {
		t.Fatalf("settings: %d %s", code, b)
	}
	if code, _ := call(t, c, "GET", "/api/profiles/"+name+"/export?includeSecrets=1", nil, false, nil); code != 401 {
		t.Fatalf("export with secrets without token: %d", code)
	}
	if _, b := call(t, c, "GET", "/api/profiles/"+name+"/export", nil, true, nil); bytes.Contains(b, []byte("euler-key-0123456789")) {
		t.Fatal("the default export carries the API key")
	}
	if _, b := call(t, c, "GET", "/api/profiles/"+name+"/export?includeSecrets=1", nil, true, nil); !bytes.Contains(b, []byte("euler-key-0123456789")) {
		t.Fatal("the export with secrets lacks the API key")
	}
}

func TestBackupsAndRestoreOverREST(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	name := c.ActiveProfile()
	var list []store.BackupInfo
	if code, _ := call(t, c, "GET", "/api/profiles/"+name+"/backups", nil, false, nil); code != 401 {
		t.Fatalf("backups without token: %d", code)
	}
	call(t, c, "GET", "/api/profiles/"+name+"/backups", nil, true, &list)
	if len(list) != 1 {
		t.Fatalf("the open should have taken a backup: %+v", list)
	}
	var res map[string]any
	body := strings.NewReader(`{"backup":"` + list[0].Name + `"}`)
	if code, b := call(t, c, "POST", "/api/profiles/"+name+"/restore", body, true, &res); code != 200 || res["keptAs"] == "" {
		t.Fatalf("restore of the active profile: %d %s", code, b)
	}
	if c.Connection().State == "" {
		t.Fatal("the profile was not reopened after the restore")
	}
	if code, _ := call(t, c, "POST", "/api/profiles/"+name+"/restore", strings.NewReader(`{"backup":"1999-01-01.db"}`), true, nil); code != 404 {
		t.Fatalf("restore of a missing backup: %d", code)
	}
}

// Accepting a webhook flow of the active profile reopens it, so the flow
// engine runs the flow at once.
func TestAcceptFlowOnActiveProfile(t *testing.T) {
	src, err := store.OpenManager(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := src.Open("hooks")
	if err != nil {
		t.Fatal(err)
	}
	def := `{"id":"hook","name":"Hook","enabled":true,"triggers":[{"type":"tiktok.gift"}],
		"actions":[{"type":"webhook.send","config":{"url":"https://example.com/x","headers":{"X-Key":"v"}}}]}`
	if err := db.PutFlow(store.FlowRecord{ID: "hook", Name: "Hook", Enabled: true, Definition: []byte(def)}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	var buf bytes.Buffer
	if err := src.Export("hooks", &buf); err != nil {
		t.Fatal(err)
	}
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	call(t, c, "POST", "/api/profiles/import?name=hooks", &buf, true, nil)
	call(t, c, "POST", "/api/profiles/hooks/activate", nil, true, nil)
	enabled := func() any {
		var f map[string]any
		call(t, c, "GET", "/api/flows/hook", nil, true, &f)
		return f["enabled"]
	}
	if on := enabled(); on != false {
		t.Fatalf("imported webhook flow enabled: %v", on)
	}
	var items []store.ReviewItem
	call(t, c, "GET", "/api/profiles/hooks/review", nil, true, &items)
	if len(items) != 1 || items[0].Kind != store.ReviewFlow {
		t.Fatalf("review %+v", items)
	}
	body := strings.NewReader(`{"accept":[` + jsonInt(items[0].ID) + `]}`)
	if code, b := call(t, c, "POST", "/api/profiles/hooks/review", body, true, nil); code != 200 {
		t.Fatalf("accept: %d %s", code, b)
	}
	if on := enabled(); on != true {
		t.Fatalf("accepted flow not running in the engine: %v", on)
	}
}

package connector

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/faketiktok"
)

const (
	secretKey     = "euler_TOPSECRET_key_4242"
	secretSession = "sessionTOPSECRETvalue77"
)

func TestSettingsMaskedPersistedAndNeverLogged(t *testing.T) {
	e := newEnv(t, faketiktok.Options{APIKey: "a-different-key-000"}, Settings{Sources: []string{"direct", "euler"}})
	body := fmt.Sprintf(`{"target":"@streamer","sources":["euler","direct"],"apiKey":%q,"sessionId":%q}`, secretKey, secretSession)
	var view map[string]any
	if code := e.do("PUT", "/api/connection/settings", body, &view); code != 200 {
		t.Fatalf("put: %d %v", code, view)
	}
	e.do("GET", "/api/connection/settings", "", &view)
	raw, _ := json.Marshal(view)
	if strings.Contains(string(raw), secretKey) || strings.Contains(string(raw), secretSession) ||
		view["apiKeySet"] != true || view["sessionIdSet"] != true {
		t.Fatalf("settings view %s", raw)
	}
	if v, _, _ := e.db.GetSetting(KeyAPIKey); v != secretKey {
		t.Fatalf("api key not persisted: %q", v)
	}
	// a masked value sent back leaves the secret alone
	e.do("PUT", "/api/connection/settings", fmt.Sprintf(`{"apiKey":%q}`, view["apiKey"]), &view)
	if got := e.c.Settings().APIKey; got != secretKey {
		t.Fatalf("masked round trip changed the key to %q", got)
	}
	// the wrong key fails both sources: the key must appear nowhere
	if err := e.c.Connect(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	e.waitFor("both sources failed", 5*time.Second, func() bool {
		st := e.c.Status()
		return st.Sources[0].State == SourceFailed && st.Sources[1].State == SourceFailed
	})
	_ = e.c.Disconnect(context.Background())
	everything, _ := json.Marshal(e.c.Status())
	for _, m := range e.messages() {
		b, _ := json.Marshal(m.Data)
		everything = append(everything, b...)
	}
	all := string(everything) + e.logs.String()
	if strings.Contains(all, secretKey) || strings.Contains(all, secretSession) {
		t.Fatal("a secret leaked into status, bus messages or logs")
	}
	reloaded := e.newConnector(testConfig(e.fk)).Settings()
	if reloaded.APIKey != secretKey || reloaded.SessionID != secretSession || reloaded.Sources[0] != "euler" {
		t.Fatalf("reloaded %+v", reloaded)
	}
}

func TestSettingsRejectUnknownSource(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{})
	var body map[string]string
	if code := e.do("PUT", "/api/connection/settings", `{"sources":["carrier-pigeon"]}`, &body); code != 400 {
		t.Fatalf("got %d %v", code, body)
	}
}

func TestRecordThenReplayIntoLivePipeline(t *testing.T) {
	e := newEnv(t, faketiktok.Options{Compression: faketiktok.CompressMixed}, Settings{Sources: []string{"direct"}})
	var rec Recording
	if code := e.do("POST", "/api/connection/record", `{"enabled":true}`, &rec); code != 200 || !rec.Enabled {
		t.Fatalf("record: %d %+v", code, rec)
	}
	if err := e.c.Connect(context.Background(), "streamer"); err != nil {
		t.Fatal(err)
	}
	e.waitState(StateConnected, "direct")
	for i := int64(1); i <= 4; i++ {
		e.room.Emit(gift(i))
	}
	e.waitFor("live gifts", 5*time.Second, func() bool { return len(e.events(domain.EventGift)) == 4 })
	_ = e.c.Disconnect(context.Background())
	e.do("POST", "/api/connection/record", `{"enabled":false}`, &rec)
	if n := countLines(t, rec.Path); rec.Enabled || filepath.Dir(rec.Path) != filepath.Join(e.dir, "captures") || n < 1 {
		t.Logf("lines %d", n)
		t.Fatalf("recording %+v", rec)
	}
	var resp map[string]any
	body := fmt.Sprintf(`{"path":%q,"speed":"max"}`, rec.Path)
	if code := e.do("POST", "/api/replay", body, &resp); code != 202 {
		t.Fatalf("replay: %d %v", code, resp)
	}
	e.waitFor("replayed gifts", 5*time.Second, func() bool { return len(e.events(domain.EventGift)) == 8 })
	for _, g := range e.events(domain.EventGift)[4:] {
		if g.Source != "replay" {
			t.Fatalf("replayed gift source %q", g.Source)
		}
	}
	if code := e.do("POST", "/api/replay", `{"path":"/nonexistent.jsonl","speed":4}`, &resp); code != 400 {
		t.Fatalf("missing file: %d", code)
	}
	if code := e.do("POST", "/api/replay", `{"path":"x","speed":"fast"}`, &resp); code != 400 {
		t.Fatalf("bad speed: %d", code)
	}
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); {
		n++
	}
	return n
}

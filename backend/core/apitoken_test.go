package core

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
)

func tokenCall(t *testing.T, method, url, token string, body any) (int, map[string]any) {
	t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req, _ := http.NewRequest(method, url, rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// TestAPITokensScopesAndRevocation: the desktop token creates a read and a
// control token; read can read but not change (403), control can change;
// neither may manage tokens; a revoked token is refused on the very next
// request.
func TestAPITokensScopesAndRevocation(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	api := c.URL() + "/api"
	mk := func(name, scope string) (string, string) {
		code, out := tokenCall(t, "POST", api+"/tokens", c.Token(), map[string]any{"name": name, "scope": scope})
		if code != http.StatusCreated {
			t.Fatalf("create %s: %d %v", scope, code, out)
		}
		return out["id"].(string), out["token"].(string)
	}
	_, read := mk("overlay", "read")
	ctlID, ctl := mk("bot", "control")
	pause := map[string]any{"paused": false}
	if code, _ := tokenCall(t, "GET", api+"/profiles", read, nil); code != http.StatusOK {
		t.Errorf("read token GET: %d", code)
	}
	if code, _ := tokenCall(t, "POST", api+"/alerts/pause", read, pause); code != http.StatusForbidden {
		t.Errorf("read token POST: %d, want 403", code)
	}
	if code, _ := tokenCall(t, "POST", api+"/v1/alerts/pause", ctl, pause); code != http.StatusOK {
		t.Errorf("control token POST: %d", code)
	}
	for _, tok := range []string{read, ctl} {
		if code, _ := tokenCall(t, "GET", api+"/tokens", tok, nil); code != http.StatusForbidden {
			t.Errorf("API token lists tokens: %d, want 403", code)
		}
		if code, _ := tokenCall(t, "POST", api+"/tokens", tok, map[string]any{"name": "x", "scope": "control"}); code != http.StatusForbidden {
			t.Errorf("API token mints tokens: %d, want 403", code)
		}
	}
	if code, _ := tokenCall(t, "DELETE", api+"/tokens/"+ctlID, c.Token(), nil); code != http.StatusNoContent {
		t.Fatalf("revoke: %d", code)
	}
	if code, _ := tokenCall(t, "GET", api+"/profiles", ctl, nil); code != http.StatusUnauthorized {
		t.Errorf("revoked token GET: %d, want 401", code)
	}
	if code, _ := tokenCall(t, "POST", api+"/alerts/pause", ctl, pause); code != http.StatusUnauthorized {
		t.Errorf("revoked token POST: %d, want 401", code)
	}
	code, _ := tokenCall(t, "POST", api+"/tokens", c.Token(), map[string]any{"name": "x", "scope": "admin"})
	if code != http.StatusBadRequest {
		t.Errorf("unknown scope: %d", code)
	}
}

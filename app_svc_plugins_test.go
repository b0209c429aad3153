package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/plugin"
)

// sameOK fails unless REST answered 200 with the bound answer.
func sameOK(t *testing.T, what string, bound any, code int, rest []byte) {
	t.Helper()
	if code != http.StatusOK {
		t.Fatalf("%s: REST %d %s", what, code, rest)
	}
	sameJSON(t, what, bound, rest)
}

// wantCode fails unless a bound error and a REST error body carry code.
func wantCode(t *testing.T, what string, boundErr error, status int, rest []byte, wantStatus int, code string) {
	t.Helper()
	var b, r service.Error
	if boundErr == nil || json.Unmarshal([]byte(boundErr.Error()), &b) != nil || b.Code != code {
		t.Fatalf("%s (bound): %v, want code %q", what, boundErr, code)
	}
	if status != wantStatus || json.Unmarshal(rest, &r) != nil || r.Code != code {
		t.Fatalf("%s (REST): %d %s, want %d %q", what, status, rest, wantStatus, code)
	}
}

// The plugin host's dashboard calls answer the same through the bindings
// as over REST, and fail with the same codes.
func TestPluginsBoundMatchesREST(t *testing.T) {
	a := startedApp(t)
	s := &PluginsService{a}
	list, err := s.List()
	code, body := apiCall(t, a, http.MethodGet, "/api/plugins", "")
	sameOK(t, "list", list, code, body)
	if err != nil || len(list) == 0 {
		t.Fatalf("bound list: %v %v", list, err)
	}

	inf, err := s.Enable(plugin.IDRequest{ID: "hud"})
	if err != nil || !inf.Enabled || inf.State != plugin.StateRunning {
		t.Fatalf("bound enable: %+v %v", inf, err)
	}
	code, body = apiCall(t, a, http.MethodPost, "/api/plugins/hud/reload", "")
	inf, err = s.Reload(plugin.IDRequest{ID: "hud"})
	if err != nil || code != http.StatusOK || inf.State != plugin.StateRunning {
		t.Fatalf("reload: bound %+v %v, REST %d %s", inf, err, code, body)
	}
	logs, err := s.Logs(plugin.IDRequest{ID: "hud"})
	code, body = apiCall(t, a, http.MethodGet, "/api/plugins/hud/logs", "")
	sameOK(t, "logs", logs, code, body)
	if err != nil || len(logs) < 3 { // started, stopped, started
		t.Fatalf("bound logs: %+v %v", logs, err)
	}
	inf, err = s.Disable(plugin.IDRequest{ID: "hud"})
	code, body = apiCall(t, a, http.MethodGet, "/api/plugins", "")
	if err != nil || inf.Enabled || inf.State != plugin.StateStopped || bytes.Contains(body, []byte(`"state":"running"`)) {
		t.Fatalf("bound disable: %+v %v; REST list %s", inf, err, body)
	}

	set, err := s.PutSettings(plugin.PutSettingsRequest{ID: "soundboard", Settings: json.RawMessage(`{"volume":40,"muted":true}`)})
	if err != nil || !bytes.Contains(set, []byte(`"volume":40`)) || !bytes.Contains(set, []byte(`"queueMax":10`)) {
		t.Fatalf("bound put settings: %s %v", set, err)
	}
	got, err := s.Settings(plugin.IDRequest{ID: "soundboard"})
	code, body = apiCall(t, a, http.MethodGet, "/api/plugins/soundboard/settings", "")
	sameOK(t, "settings", got, code, body)
	if err != nil || !bytes.Equal(got, set) {
		t.Fatalf("bound settings after put: %s %v, want %s", got, err, set)
	}

	_, err = s.Enable(plugin.IDRequest{ID: "nope"})
	code, body = apiCall(t, a, http.MethodPost, "/api/plugins/nope/enable", "")
	wantCode(t, "enable unknown", err, code, body, http.StatusNotFound, "not_found")
	_, err = s.PutSettings(plugin.PutSettingsRequest{ID: "soundboard", Settings: json.RawMessage(`{"volume":"loud"}`)})
	code, body = apiCall(t, a, http.MethodPut, "/api/plugins/soundboard/settings", `{"volume":"loud"}`)
	wantCode(t, "bad settings", err, code, body, http.StatusUnprocessableEntity, "unprocessable")
	_, err = s.PutSettings(plugin.PutSettingsRequest{ID: "soundboard"})
	wantCode(t, "no settings", err, code, body, http.StatusUnprocessableEntity, "unprocessable")
	if got, _ := s.Settings(plugin.IDRequest{ID: "soundboard"}); !bytes.Equal(got, set) {
		t.Fatalf("refused settings changed them: %s", got)
	}
}

// The external plugins' status is the same on both transports.
func TestExternalPluginsBoundMatchesREST(t *testing.T) {
	a := startedApp(t)
	l, err := (&ExternalPluginsService{a}).List()
	code, body := apiCall(t, a, http.MethodGet, "/api/plugins/ext", "")
	sameOK(t, "external list", l, code, body)
	if err != nil || l.Plugins == nil || l.Problems == nil {
		t.Fatalf("bound external list: %+v %v", l, err)
	}
}

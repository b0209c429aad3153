package main

import (
	"net/http"
	"testing"

	"github.com/ltth/ltth/backend/tiktok/connector"
)

// sameJSON, boundCode, restCode and second are in app_svc_flows_test.go.

// The connection's methods answer the same through the binding and over
// REST, and a failing call carries the same code on both.
func TestConnectionBoundMatchesREST(t *testing.T) {
	a := startedApp(t)
	s := &ConnectionService{a}
	settings, err := s.Settings()
	_, body := apiCall(t, a, http.MethodGet, "/api/connection/settings", "")
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "settings", settings, body)
	target := "@someone"
	saved, err := s.UpdateSettings(connector.SettingsPatch{Target: &target})
	if err != nil || saved.Target != "someone" && saved.Target != "@someone" {
		t.Fatalf("bound save: %+v %v", saved, err)
	}
	_, body = apiCall(t, a, http.MethodGet, "/api/connection/settings", "")
	sameJSON(t, "settings after a bound save", saved, body)
	stopped, err := s.StopReplay()
	_, body = apiCall(t, a, http.MethodPost, "/api/replay/stop", "{}")
	if err != nil || stopped.Stopped {
		t.Fatalf("bound stop: %+v %v", stopped, err)
	}
	sameJSON(t, "stop replay", stopped, body)
	captures, err := s.Captures()
	_, body = apiCall(t, a, http.MethodGet, "/api/captures", "")
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "captures", captures, body)

	failing := []struct {
		what         string
		bound        error
		method, path string
		body         string
		status       int
		code         string
	}{
		{"unknown source", second(s.UpdateSettings(connector.SettingsPatch{Sources: &[]string{"carrier-pigeon"}})),
			http.MethodPut, "/api/connection/settings", `{"sources":["carrier-pigeon"]}`, 400, "invalid"},
		{"record without enabled", second(s.Record(connector.RecordRequest{})),
			http.MethodPost, "/api/connection/record", `{}`, 400, "invalid"},
		{"replay without a name", second(s.StartReplay(connector.ReplayRequest{})),
			http.MethodPost, "/api/replay", `{}`, 400, "invalid"},
		{"replay of a missing capture", second(s.StartReplay(connector.ReplayRequest{Name: "nope.jsonl"})),
			http.MethodPost, "/api/replay", `{"name":"nope.jsonl"}`, 400, "unavailable"},
		{"confirm with no browser path", second(s.ConfirmBrowserPath(connector.ConfirmRequest{Path: "/usr/bin/x"})),
			http.MethodPost, "/api/connection/browser-path/confirm", `{"path":"/usr/bin/x"}`, 409, "conflict"},
		{"connect to a bad target", second(s.Connect(connector.ConnectRequest{Target: "https://example.com/not-tiktok"})),
			http.MethodPost, "/api/connection/connect", `{"target":"https://example.com/not-tiktok"}`, 400, "invalid_target"},
	}
	for _, f := range failing {
		bc := boundCode(t, f.bound)
		status, body := apiCall(t, a, f.method, f.path, f.body)
		rc := restCode(t, body)
		if bc != f.code || rc != f.code || status != f.status {
			t.Errorf("%s: bound %q, REST %d %q; want %d %q", f.what, bc, status, rc, f.status, f.code)
		}
	}
}

package main

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/ltth/ltth/backend/core/service"
)

// The bound health and GET /api/health are the same report; a request from
// the desktop window's origin is counted in windowHttp on both.
func TestBoundHealthMatchesREST(t *testing.T) {
	a := startedApp(t)
	req, _ := http.NewRequest(http.MethodGet, a.core.URL()+"/api/health", nil)
	req.Header.Set("Origin", "wails://wails")
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
	}
	bound, err := (&HealthService{a}).Get()
	if err != nil {
		t.Fatal(err)
	}
	code, body := apiCall(t, a, http.MethodGet, "/api/health", "")
	var rest service.HealthReport
	if code != http.StatusOK || json.Unmarshal(body, &rest) != nil {
		t.Fatalf("REST health: %d %s", code, body)
	}
	if bound.Status != "ok" || bound.Profile == "" || bound.Journal == nil || len(bound.Bus) == 0 {
		t.Fatalf("bound health: %+v", bound)
	}
	if rest.Status != bound.Status || rest.Profile != bound.Profile || rest.Version != bound.Version ||
		rest.OverlayURL != bound.OverlayURL || len(rest.Bus) != len(bound.Bus) {
		t.Fatalf("bound %+v\nREST %+v", bound, rest)
	}
	if bound.WindowHTTP != 1 || rest.WindowHTTP != 1 {
		t.Fatalf("window requests counted: bound %d, REST %d, want 1", bound.WindowHTTP, rest.WindowHTTP)
	}
}

package flow

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type api struct {
	t   *testing.T
	srv *httptest.Server
}

func newAPI(t *testing.T, h *harness) *api {
	mux := http.NewServeMux()
	for _, r := range h.e.Routes() { // panics on conflicting patterns
		mux.Handle(r.Pattern, r.Handler)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &api{t: t, srv: srv}
}

// do sends a request and decodes a JSON response into out (when not nil).
func (a *api) do(method, path, body string, wantStatus int, out any) http.Header {
	a.t.Helper()
	req, _ := http.NewRequest(method, a.srv.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		a.t.Fatalf("%s %s: status %d, want %d: %s", method, path, resp.StatusCode, wantStatus, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			a.t.Fatalf("%s %s: %v: %s", method, path, err, b)
		}
	}
	return resp.Header
}

func TestHTTPFlowCRUD(t *testing.T) {
	h := newHarness(t)
	a := newAPI(t, h)
	var list []View
	a.do("GET", "/api/flows", "", 200, &list)
	if len(list) != 0 {
		t.Fatalf("%+v", list)
	}
	var e map[string]string
	a.do("PUT", "/api/flows/greet", `{"name":"Greet","triggers":[{"type":"tiktok.nope"}],"actions":[]}`, 400, &e)
	if !strings.Contains(e["error"], "unknown trigger type") || !strings.Contains(e["error"], "at least one action") {
		t.Fatalf("%v", e)
	}
	a.do("PUT", "/api/flows/greet", `{"id":"other","triggers":[],"actions":[]}`, 400, nil)
	a.do("PUT", "/api/flows/greet", `not json`, 400, nil)
	doc := `{"name":"Greet","enabled":true,"triggers":[{"type":"tiktok.follow"}],
		"actions":[{"type":"variable.set","config":{"name":"last","value":"{nickname}"}}]}`
	var v View
	a.do("PUT", "/api/flows/greet", doc, 200, &v)
	if v.ID != "greet" || !v.Enabled || !v.Status.Valid || !v.Status.Active || v.Mode != ModeSingle {
		t.Fatalf("%+v", v)
	}
	a.do("GET", "/api/flows/greet", "", 200, &v)
	a.do("GET", "/api/flows/nope", "", 404, nil)
	a.do("POST", "/api/flows/greet/enable", `{"enabled":false}`, 200, &v)
	if v.Enabled || v.Status.Active {
		t.Fatalf("disabled: %+v", v)
	}
	a.do("POST", "/api/flows/greet/enable", `{}`, 400, nil)
	a.do("POST", "/api/flows/greet/enable", `{"enabled":true}`, 200, &v)
	a.do("POST", "/api/flows/greet/bogus", ``, 404, nil)
	a.do("GET", "/api/flows", "", 200, &list)
	if len(list) != 1 || list[0].Name != "Greet" {
		t.Fatalf("%+v", list)
	}
	a.do("DELETE", "/api/flows/greet", "", 204, nil)
	a.do("DELETE", "/api/flows/greet", "", 404, nil)
}

func TestHTTPRunTestRuns(t *testing.T) {
	h := newHarness(t)
	a := newAPI(t, h)
	a.do("PUT", "/api/flows/greet", `{"enabled":true,"triggers":[{"type":"tiktok.follow"}],
		"actions":[{"type":"variable.set","config":{"name":"last","value":"{nickname}"}}]}`, 200, nil)
	var fired Fired
	a.do("POST", "/api/flows/greet/run", `{"type":"follow","nickname":"Neo","uniqueId":"neo"}`, 202, &fired)
	if fired.FlowID != "greet" || fired.Status != "running" {
		t.Fatalf("%+v", fired)
	}
	h.runs("greet", 1)
	a.do("POST", "/api/flows/greet/run", `{"event":{"type":"follow","nickname":"Trin"},"args":{"x":"1"}}`, 202, nil)
	h.runs("greet", 2)
	a.do("POST", "/api/flows/greet/run", ``, 202, nil)
	a.do("POST", "/api/flows/greet/run", `{"type":"follow","bogus":1}`, 400, nil)
	var runs []Trace
	a.do("GET", "/api/flows/greet/runs", "", 200, &runs)
	if len(runs) < 2 || runs[len(runs)-1].Event.Nickname != "Neo" || runs[0].RunID == "" {
		t.Fatalf("%d runs", len(runs))
	}
	a.do("GET", "/api/flows/nope/runs", "", 404, nil)
	var tr Trace
	a.do("POST", "/api/flows/greet/test", `{"type":"follow","nickname":"Morpheus"}`, 200, &tr)
	if !tr.DryRun || tr.Status != StatusCompleted || tr.Variables["last"].Str != "Morpheus" {
		t.Fatalf("%+v", tr)
	}
	a.do("POST", "/api/flows/greet/test", `{"event":{"type":"chat","comment":"x"},"force":true}`, 200, &tr)
	if tr.Trigger.Matched || tr.Status != StatusCompleted {
		t.Fatalf("forced %+v", tr)
	}
	a.do("POST", "/api/flows/greet/test", ``, 200, &tr)
	if tr.Event == nil || tr.Event.Type != "follow" {
		t.Fatalf("sample %+v", tr)
	}
}

func TestHTTPImportExportRegistryVariablesWebhook(t *testing.T) {
	h := newHarness(t)
	a := newAPI(t, h)
	var res []ImportResult
	a.do("POST", "/api/flows/import", `[{"id":"hook","name":"Hook","enabled":true,
		"triggers":[{"type":"webhook","config":{"hookId":"deck-1"}}],
		"actions":[{"type":"variable.set","config":{"name":"key","value":"{key}/{n}"}}]}]`, 200, &res)
	if len(res) != 1 || !res[0].Enabled {
		t.Fatalf("%+v", res)
	}
	a.do("POST", "/api/flows/import", `[{`, 400, nil)
	hdr := a.do("GET", "/api/flows/export", "", 200, nil)
	if !strings.Contains(hdr.Get("Content-Disposition"), "ltth-flows.json") {
		t.Fatalf("%v", hdr)
	}
	var out map[string]any
	a.do("POST", "/api/flows/webhook/deck-1?n=2", `{"key":"F1"}`, 202, &out)
	if out["matched"] != 1.0 {
		t.Fatalf("%v", out)
	}
	h.runs("hook", 1)
	a.do("POST", "/api/flows/webhook/unknown", `{}`, 404, nil)
	a.do("POST", "/api/flows/webhook/deck-1", `[1]`, 400, nil)

	var vars map[string]any
	a.do("GET", "/api/variables", "", 200, &vars)
	if vars["key"] != "F1/2" {
		t.Fatalf("%v", vars)
	}
	vars = nil // decoding into a non-nil map would merge
	a.do("PUT", "/api/variables", `{"score":5,"title":"Top","key":null}`, 200, &vars)
	if vars["score"] != 5.0 || vars["title"] != "Top" || vars["key"] != nil {
		t.Fatalf("%v", vars)
	}
	a.do("PUT", "/api/variables", `{"bad name":1}`, 400, nil)

	var schema struct {
		Triggers   []map[string]any `json:"triggers"`
		Conditions []map[string]any `json:"conditions"`
		Actions    []map[string]any `json:"actions"`
	}
	a.do("GET", "/api/flow-registry", "", 200, &schema)
	if len(schema.Triggers) < 18 || len(schema.Conditions) < 10 || len(schema.Actions) < 7 { // the generic blocks only
		t.Fatalf("registry: %d %d %d", len(schema.Triggers), len(schema.Conditions), len(schema.Actions))
	}
	found := false
	for _, tr := range schema.Triggers {
		if tr["type"] == "tiktok.gift" && len(tr["fields"].([]any)) == 2 {
			found = true
		}
	}
	if !found {
		t.Fatal("tiktok.gift schema missing")
	}
}

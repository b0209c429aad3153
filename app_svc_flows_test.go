package main

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/flow"
)

// A flow with a webhook secret: every read masks the header value on both
// transports.
const svcFlowDoc = `{"id":"hook","name":"Hook","enabled":true,
 "triggers":[{"type":"manual"}],
 "actions":[{"type":"webhook.send","config":{"url":"http://127.0.0.1:9/x","headers":{"X-Key":"s3cret"}}}]}`

// sameJSON fails unless bound (marshalled as the bridge does) and the REST
// body are the same JSON value.
func sameJSON(t *testing.T, what string, bound any, rest []byte) {
	t.Helper()
	b, err := json.Marshal(bound)
	if err != nil {
		t.Fatal(err)
	}
	var x, y any
	if json.Unmarshal(b, &x) != nil || json.Unmarshal(rest, &y) != nil || !reflect.DeepEqual(x, y) {
		t.Fatalf("%s: bound %s\nREST %s", what, b, rest)
	}
}

// boundCode is the error code of a rejected bound call.
func boundCode(t *testing.T, err error) string {
	t.Helper()
	var e service.Error
	if err == nil || json.Unmarshal([]byte(err.Error()), &e) != nil {
		t.Fatalf("not a service error: %v", err)
	}
	return e.Code
}

// restCode is the code of a REST error body.
func restCode(t *testing.T, body []byte) string {
	t.Helper()
	var e struct {
		Code string `json:"code"`
	}
	if json.Unmarshal(body, &e) != nil {
		t.Fatalf("not an error body: %s", body)
	}
	return e.Code
}

// The flows service answers the same on the binding and on REST: a flow
// saved through the binding reads back the same (secret masked) over
// both, and so do the list, the registry, variables, an export and the
// runs; failing calls carry the same code on both.
func TestFlowsBoundMatchesREST(t *testing.T) {
	a := startedApp(t)
	s := &FlowsService{a}
	var doc flow.Flow
	if err := json.Unmarshal([]byte(svcFlowDoc), &doc); err != nil {
		t.Fatal(err)
	}
	v, err := s.Put(doc)
	if err != nil || !v.Status.Valid || !strings.Contains(string(v.Actions[0].Config), flow.SecretMask) {
		t.Fatalf("bound put: %+v %v", v, err)
	}
	got, err := s.Get(flow.FlowRef{ID: "hook"})
	code, body := apiCall(t, a, http.MethodGet, "/api/flows/hook", "")
	if err != nil || code != http.StatusOK || strings.Contains(string(body), "s3cret") {
		t.Fatalf("get: %v %d %s", err, code, body)
	}
	sameJSON(t, "get", got, body)
	list, err := s.List()
	_, body = apiCall(t, a, http.MethodGet, "/api/flows", "")
	if err != nil || len(list) != 1 {
		t.Fatalf("bound list: %+v %v", list, err)
	}
	sameJSON(t, "list", list, body)
	reg, err := s.Registry()
	_, body = apiCall(t, a, http.MethodGet, "/api/flow-registry", "")
	if err != nil || len(reg.Actions) == 0 {
		t.Fatalf("bound registry: %v", err)
	}
	sameJSON(t, "registry", reg, body)

	vars, err := s.SetVariables(flow.VariablesPatch{"score": action.NumberValue(7), "who": action.StringValue("ann")})
	_, body = apiCall(t, a, http.MethodGet, "/api/variables", "")
	if err != nil || len(vars) != 2 {
		t.Fatalf("bound set variables: %v %v", vars, err)
	}
	sameJSON(t, "variables", vars, body)
	sameJSON(t, "variables value", map[string]any{"score": 7, "who": "ann"}, body)
	if vars, err := s.SetVariables(flow.VariablesPatch{"who": {}}); err != nil || len(vars) != 1 {
		t.Fatalf("a null value deletes the variable: %v %v", vars, err)
	}

	exp, err := s.Export(flow.ExportRequest{})
	_, body = apiCall(t, a, http.MethodGet, "/api/flows/export", "")
	if err != nil || len(exp) != 1 || strings.Contains(string(body), "s3cret") {
		t.Fatalf("export: %v %s", err, body)
	}
	sameJSON(t, "export", exp, body)
	got.Name = "Hook renamed" // saving the masked document back keeps the stored secret
	if _, err := s.Put(got.Flow); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Export(flow.ExportRequest{Secrets: true}); !strings.Contains(string(all[0].Actions[0].Config), "s3cret") || all[0].Name != "Hook renamed" {
		t.Fatalf("export with secrets after a masked save: %+v", all[0])
	}

	trace, err := s.Test(flow.TestFlowRequest{ID: "hook", TestRequest: flow.TestRequest{Force: true}})
	if err != nil || !trace.DryRun {
		t.Fatalf("bound test: %+v %v", trace, err)
	}
	runs, err := s.Runs(flow.FlowRef{ID: "hook"})
	_, body = apiCall(t, a, http.MethodGet, "/api/flows/hook/runs", "")
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "runs", runs, body)

	off := false
	if v, err := s.Enable(flow.EnableRequest{ID: "hook", Enabled: &off}); err != nil || v.Enabled {
		t.Fatalf("bound enable: %+v %v", v, err)
	}
	res, err := s.Import(flow.ImportRequest{Flows: []flow.Flow{{Name: "no id"}}})
	if err != nil || len(res) != 1 || res[0].ID == "" || res[0].Enabled || res[0].Error == "" {
		t.Fatalf("bound import of an invalid flow: %+v %v", res, err)
	}
	if d, err := s.Delete(flow.FlowRef{ID: res[0].ID}); err != nil || d.ID != res[0].ID {
		t.Fatalf("bound delete: %+v %v", d, err)
	}
	flowsFailSame(t, a, s)
}

// flowsFailSame: the same bad calls fail with the same code on both.
func flowsFailSame(t *testing.T, a *App, s *FlowsService) {
	t.Helper()
	cases := []struct {
		bound      error
		method     string
		path, body string
		want       string
	}{
		{second(s.Get(flow.FlowRef{ID: "nope"})), http.MethodGet, "/api/flows/nope", "", "not_found"},
		{second(s.Enable(flow.EnableRequest{ID: "hook"})), http.MethodPost, "/api/flows/hook/enable", `{}`, "invalid"},
		{second(s.Put(flow.Flow{ID: "bad", Name: "no trigger"})), http.MethodPut, "/api/flows/bad", `{"name":"no trigger"}`, "invalid"},
		{second(s.Run(flow.RunRequest{ID: "hook", Event: &domain.Event{Type: "nonsense"}})), http.MethodPost, "/api/flows/hook/run", `{"type":"nonsense"}`, "invalid"},
		{second(s.Runs(flow.FlowRef{ID: "nope"})), http.MethodGet, "/api/flows/nope/runs", "", "not_found"},
		{second(s.SetVariables(flow.VariablesPatch{"bad name!": action.NumberValue(1)})), http.MethodPut, "/api/variables", `{"bad name!":1}`, "invalid"},
		{second(s.Delete(flow.FlowRef{ID: "nope"})), http.MethodDelete, "/api/flows/nope", "", "not_found"},
	}
	for _, c := range cases {
		code, body := apiCall(t, a, c.method, c.path, c.body)
		if got := boundCode(t, c.bound); got != c.want {
			t.Errorf("%s %s bound: code %q, want %q", c.method, c.path, got, c.want)
		}
		if got := restCode(t, body); got != c.want || code < 400 {
			t.Errorf("%s %s REST: %d %s, want code %q", c.method, c.path, code, body, c.want)
		}
	}
}

func second[T any](_ T, err error) error { return err }

// The Go side of a bound flows call against the REST call for the same
// method: go test -run '^$' -bench 'FlowsList' -benchmem .
func BenchmarkFlowsListBound(b *testing.B) {
	a := startedApp(b)
	s := &FlowsService{a}
	for b.Loop() {
		if _, err := s.List(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFlowsListREST(b *testing.B) {
	a := startedApp(b)
	for b.Loop() {
		if code, _ := apiCall(b, a, http.MethodGet, "/api/flows", ""); code != http.StatusOK {
			b.Fatal(code)
		}
	}
}

package goal

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func serve(t *testing.T, m *Module) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for _, r := range m.Routes() {
		mux.Handle(r.Pattern, r.Handler)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func call(t *testing.T, srv *httptest.Server, method, path, body string, want int) []byte {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d: %s", method, path, res.StatusCode, want, b)
	}
	return b
}

func TestHTTPRoutes(t *testing.T) {
	h := newHarness(t, newStore(t))
	srv := serve(t, h.m)

	call(t, srv, "PUT", "/api/goals/coins", `{"name":"Coins","kind":"coins","target":1000,"onReach":"double"}`, 200)
	call(t, srv, "PUT", "/api/goals/bad", `{"kind":"coins"}`, 400)
	var created View
	if err := json.Unmarshal(call(t, srv, "POST", "/api/goals", `{"kind":"follows","target":10}`, 201), &created); err != nil {
		t.Fatal(err)
	}
	if created.ID == "" || created.Kind != KindFollows {
		t.Fatalf("created %+v", created)
	}

	var list []View
	if err := json.Unmarshal(call(t, srv, "GET", "/api/goals", "", 200), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != "coins" || list[0].OverlayURL != "/overlay/goal.html?id=coins" {
		t.Fatalf("list %+v", list)
	}

	var v View
	if err := json.Unmarshal(call(t, srv, "POST", "/api/goals/coins/adjust", `{"op":"add","amount":1500}`, 200), &v); err != nil {
		t.Fatal(err)
	}
	if v.Value != 1500 || v.Target != 2000 {
		t.Fatalf("adjusted %+v", v)
	}
	call(t, srv, "POST", "/api/goals/coins/adjust", `{"op":"boom"}`, 400)
	call(t, srv, "POST", "/api/goals/nope/adjust", `{"op":"add","amount":1}`, 404)
	call(t, srv, "GET", "/api/goals/coins", "", 200)
	call(t, srv, "DELETE", "/api/goals/coins", "", 200)
	call(t, srv, "DELETE", "/api/goals/coins", "", 404)
	call(t, srv, "GET", "/api/goals/coins", "", 404)

	call(t, srv, "GET", "/overlay/goal.html?id=x", "", 200)
	call(t, srv, "GET", "/overlay/goal.css", "", 200)
	js := string(call(t, srv, "GET", "/overlay/goal.js", "", 200))
	if !strings.Contains(js, "textContent") || strings.Contains(js, "innerHTML") {
		t.Fatal("goal page must render text with textContent only")
	}
}

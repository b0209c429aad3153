package flow

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

const hookFlow = `{"name":"Hook","enabled":true,"triggers":[{"type":"tiktok.follow"}],
	"actions":[{"type":"webhook.send","config":{"url":"http://127.0.0.1:9/x","headers":{"X-Key":"s3cret-key","X-Other":"two"}}}]}`

// TestWebhookHeaderValuesAreWriteOnly: every read over the API (list, get,
// put/enable replies, export) masks header values and keeps their names; a
// PUT that sends the mask back keeps the stored value.
func TestWebhookHeaderValuesAreWriteOnly(t *testing.T) {
	h := newHarness(t)
	a := newAPI(t, h)
	var v View
	a.do("PUT", "/api/flows/hook", hookFlow, 200, &v)
	reads := map[string]string{"put": string(v.Actions[0].Config)}
	var list []View
	a.do("GET", "/api/flows", "", 200, &list)
	reads["list"] = string(list[0].Actions[0].Config)
	a.do("GET", "/api/flows/hook", "", 200, &v)
	reads["get"] = string(v.Actions[0].Config)
	masked := string(v.Actions[0].Config)
	a.do("POST", "/api/flows/hook/enable", `{"enabled":true}`, 200, &v)
	reads["enable"] = string(v.Actions[0].Config)
	for what, cfg := range reads {
		if strings.Contains(cfg, "s3cret") || !strings.Contains(cfg, `"X-Key":"`+SecretMask+`"`) {
			t.Errorf("%s shows %s", what, cfg)
		}
	}
	req := a.srv.URL + "/api/flows/export"
	for _, url := range []string{req, req + "?id=hook"} {
		resp, body := fetch(t, url)
		if resp != 200 || strings.Contains(body, "s3cret") || !strings.Contains(body, "X-Key") {
			t.Errorf("export %s: %d %s", url, resp, body)
		}
	}
	if _, body := fetch(t, req+"?secrets=include"); !strings.Contains(body, "s3cret-key") {
		t.Errorf("export with secrets: %s", body)
	}

	// The dashboard sends the masked document back with one header changed
	// and one added: the masked one keeps its stored value.
	doc := strings.Replace(hookFlow, `"X-Key":"s3cret-key","X-Other":"two"`,
		`"X-Key":"`+SecretMask+`","X-Other":"three","X-New":"`+SecretMask+`"`, 1)
	if !strings.Contains(masked, SecretMask) {
		t.Fatal("no mask read back")
	}
	a.do("PUT", "/api/flows/hook", doc, 200, &v)
	got := headersOf(&h.e.stored("hook").Actions[0])
	if got["X-Key"] != "s3cret-key" || got["X-Other"] != "three" || len(got) != 2 {
		t.Fatalf("stored headers after a masked PUT: %v", got)
	}
	// Importing the masked export onto the same flow keeps the secret too.
	_, exported := fetch(t, req)
	a.do("POST", "/api/flows/import", exported, 200, nil)
	if got := headersOf(&h.e.stored("hook").Actions[0]); got["X-Key"] != "s3cret-key" {
		t.Fatalf("stored headers after importing a masked export: %v", got)
	}
}

func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestFlowPutIsStrict: an unknown field or trailing data in a PUT is a 400
// naming it (a typo must not silently drop a setting).
func TestFlowPutIsStrict(t *testing.T) {
	h := newHarness(t)
	a := newAPI(t, h)
	var e map[string]string
	a.do("PUT", "/api/flows/x", `{"name":"X","triggers":[{"type":"tiktok.follow"}],"actions":[],"enabeld":true}`, 400, &e)
	if !strings.Contains(e["error"], `unknown field "enabeld"`) {
		t.Fatalf("%v", e)
	}
	a.do("PUT", "/api/flows/x", `{"name":"X"}{}`, 400, &e)
	if !strings.Contains(e["error"], "unexpected data") {
		t.Fatalf("%v", e)
	}
}

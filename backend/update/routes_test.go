package update

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func serve(u *Updater) *http.ServeMux {
	mux := http.NewServeMux()
	for _, r := range u.Routes() {
		mux.Handle(r.Pattern, r.Handler)
	}
	return mux
}

func do(t *testing.T, h http.Handler, method, path, body string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func TestRoutesCheckDownloadInstall(t *testing.T) {
	f := newFake(t, "v2.0.0")
	u, _ := newUpdater(t, "1.0.0", "", "linux")
	if err := u.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer u.Stop(context.Background())
	h := serve(u)
	if code, body := do(t, h, "PUT", "/api/update", `{"enabled":true,"feedUrl":"ftp://x"}`); code != 400 {
		t.Fatalf("bad feed URL: %d %s", code, body)
	}
	if code, body := do(t, h, "PUT", "/api/update", `{"enabled":true,"feedUrl":"`+f.feedURL()+`","extra":1}`); code != 400 {
		t.Fatalf("unknown field: %d %s", code, body)
	}
	if code, body := do(t, h, "PUT", "/api/update", `{"enabled":true,"feedUrl":"`+f.feedURL()+`"}`); code != 200 {
		t.Fatalf("save: %d %s", code, body)
	}
	if code, _ := do(t, h, "POST", "/api/update/download", ""); code != 409 {
		t.Fatalf("download before a check: %d", code)
	}
	code, body := do(t, h, "POST", "/api/update/check", "")
	var st Status
	json.Unmarshal([]byte(body), &st)
	if code != 200 || st.State != StateAvailable || st.Latest != "2.0.0" {
		t.Fatalf("check: %d %s", code, body)
	}
	if code, body := do(t, h, "POST", "/api/update/download", ""); code != 202 {
		t.Fatalf("download: %d %s", code, body)
	}
	deadline := time.Now().Add(10 * time.Second)
	for u.Status().State != StateReady && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if code, body := do(t, h, "POST", "/api/update/install", ""); code != 200 || !strings.Contains(body, `"state":"installed"`) {
		t.Fatalf("install: %d %s", code, body)
	}
}

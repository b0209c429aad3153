package server

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// TestBodyLimitIsPerRoute: 1 MiB by default, a route may raise it (uploads
// streamed to disk); beyond the limit the answer is a clear 413.
func TestBodyLimitIsPerRoute(t *testing.T) {
	s, _ := startServer(t, Config{Token: "tok-tok-tok-tok-tok-tok-tok-tok-tok"}, Deps{})
	sink := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := io.Copy(io.Discard, r.Body)
		if err != nil {
			httpapi.WriteErrorText(w, http.StatusRequestEntityTooLarge, "upload larger than the limit")
			return
		}
		httpapi.WriteJSON(w, http.StatusOK, map[string]int64{"n": n})
	})
	for _, r := range []module.Route{
		{Pattern: "POST /api/test/small", Handler: sink},
		{Pattern: "POST /api/test/upload", Handler: sink, MaxBody: 4 << 20},
	} {
		if err := s.Handle(r); err != nil {
			t.Fatal(err)
		}
	}
	post := func(path, ctype string, n int) (int, string) {
		req, _ := http.NewRequest("POST", baseURL(s)+path, bytes.NewReader(bytes.Repeat([]byte("x"), n)))
		req.Header.Set("Authorization", "Bearer "+s.Token())
		req.Header.Set("Content-Type", ctype)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	bin := "application/octet-stream"
	if st, _ := post("/api/test/small", bin, 2<<20); st != 413 {
		t.Errorf("2 MiB on a default route: %d", st)
	}
	if st, body := post("/api/test/small", "application/json", 2<<20); st != 413 || !strings.Contains(body, "1 MiB") {
		t.Errorf("2 MiB JSON on a default route: %d %s", st, body)
	}
	if st, body := post("/api/test/upload", bin, 3<<20); st != 200 || !strings.Contains(body, `"n":3145728`) {
		t.Errorf("3 MiB upload: %d %s", st, body)
	}
	if st, _ := post("/api/test/upload", bin, 5<<20); st != 413 {
		t.Errorf("5 MiB upload over a 4 MiB limit: %d", st)
	}
}

// TestTrailingJSONIsRefusedOnEveryRoute: "{}{}garbage" never reaches a
// handler, whichever module serves the route.
func TestTrailingJSONIsRefusedOnEveryRoute(t *testing.T) {
	s, _ := startServer(t, Config{Token: "tok-tok-tok-tok-tok-tok-tok-tok-tok"}, Deps{})
	reached := false
	_ = s.Handle(module.Route{Pattern: "PUT /api/test/lenient", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached = true
		var v map[string]any
		_ = json.NewDecoder(r.Body).Decode(&v) // a lenient decoder stops after the first value
		httpapi.WriteJSON(w, http.StatusOK, v)
	})})
	for _, body := range []string{`{}{}garbage`, `{"a":1} x`, `[1,2]]`} {
		req, _ := http.NewRequest("PUT", baseURL(s)+"/api/test/lenient", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+s.Token())
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 400 || !strings.Contains(string(b), "unexpected data after the JSON value") || reached {
			t.Errorf("%s: %d %s (handler reached: %v)", body, resp.StatusCode, b, reached)
		}
	}
}

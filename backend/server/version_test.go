package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestVersionedAliasRewritesPathAndRawPath(t *testing.T) {
	mux := http.NewServeMux()
	var got string
	mux.HandleFunc("DELETE /api/tokens/{id}", func(w http.ResponseWriter, r *http.Request) { got = r.PathValue("id") })
	h := versioned(mux)
	for path, want := range map[string]string{"/api/v1/tokens/abc": "abc", "/api/v1/tokens/a%2Fb": "a/b", "/api/tokens/plain": "plain"} {
		got = ""
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, path, nil))
		if rec.Code != http.StatusOK || got != want {
			t.Errorf("%s: %d id=%q, want %q", path, rec.Code, got, want)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, "/api/v2/tokens/x", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("/api/v2/: %d, want 404", rec.Code)
	}
}

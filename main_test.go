package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVersionAndBadArguments(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"--version"}, &out, &errOut); code != 0 || !strings.HasPrefix(out.String(), "ltth ") {
		t.Fatalf("--version: %d %q", code, out.String())
	}
	out.Reset()
	if code := run([]string{"--headless", "stray"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), `unexpected argument "stray"`) {
		t.Fatalf("stray argument: %d %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"replay"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "usage: ltth replay FILE --print") {
		t.Fatalf("replay usage: %d %q", code, errOut.String())
	}
}

func TestDownloadWritesAtomicallyWithToken(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok" {
			http.Error(w, "no token", http.StatusUnauthorized)
			return
		}
		w.Write([]byte("SQLite format 3\x00backup"))
	}))
	defer srv.Close()
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := download(srv.URL+"/api/profiles/x/export", "tok", dest); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(dest); string(data) != "SQLite format 3\x00backup" {
		t.Fatalf("saved %q", data)
	}
	if err := download(srv.URL+"/api/profiles/x/export", "wrong", dest); err == nil || !strings.Contains(err.Error(), "401") {
		t.Fatalf("refused download: %v", err)
	}
	if data, _ := os.ReadFile(dest); string(data) != "SQLite format 3\x00backup" {
		t.Fatal("a failed download replaced the earlier file")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".ltth-export-*"))
	if len(left) != 0 {
		t.Fatalf("temp files left: %v", left)
	}
}

package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/ltth/ltth/backend/core/service"
)

// The desktop Open dialog's file goes straight to the connection service
// (no listener, no token): it lands in the captures folder, listed the same
// by the binding and by GET /api/captures; a file that is not a capture is
// refused with the service's code and nothing is stored.
func TestImportCaptureThroughTheService(t *testing.T) {
	a := startedApp(t)
	data, err := os.ReadFile("backend/tiktok/testdata/session.capture")
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "my stream.jsonl")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	name, err := importCapture(a, src)
	if err != nil || name != "my_stream.jsonl" {
		t.Fatalf("import: %q %v", name, err)
	}
	bad := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(bad, []byte("not a capture\n"), 0o644)
	var se service.Error
	if _, err := importCapture(a, bad); err == nil || json.Unmarshal([]byte(err.Error()), &se) != nil || se.Code != "invalid" {
		t.Fatalf("bad file: %v", err)
	}
	if _, err := importCapture(a, filepath.Join(t.TempDir(), "missing.jsonl")); err == nil {
		t.Fatal("a missing file was imported")
	}
	bound, err := (&ConnectionService{a}).Captures()
	if err != nil || len(bound) != 1 || bound[0].Name != "my_stream.jsonl" {
		t.Fatalf("bound captures: %+v %v", bound, err)
	}
	code, body := apiCall(t, a, http.MethodGet, "/api/captures", "")
	var list []struct{ Name string }
	if err := json.Unmarshal(body, &list); code != http.StatusOK || err != nil || len(list) != 1 || list[0].Name != "my_stream.jsonl" {
		t.Fatalf("captures: %d %s", code, body)
	}
}

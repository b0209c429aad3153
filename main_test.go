package main

import (
	"bytes"
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

// An export saved from the desktop is the route's answer, read in process,
// written atomically; a refused export leaves an earlier file as it was.
func TestSaveDownloadWritesAtomicallyInProcess(t *testing.T) {
	a := startedApp(t)
	dest := filepath.Join(t.TempDir(), "flows.json")
	if err := a.saveDownloadTo("/api/flows/export", dest); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(dest)
	if strings.TrimSpace(string(data)) != "[]" {
		t.Fatalf("saved %q", data)
	}
	if err := a.saveDownloadTo("/api/flows/nope", dest); err == nil || !strings.Contains(err.Error(), "404") {
		t.Fatalf("refused export: %v", err)
	}
	if got, _ := os.ReadFile(dest); string(got) != string(data) {
		t.Fatal("a failed export replaced the earlier file")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".ltth-export-*"))
	if len(left) != 0 {
		t.Fatalf("temp files left: %v", left)
	}
}

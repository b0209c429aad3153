package logging

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConsoleAndFile(t *testing.T) {
	dir := t.TempDir()
	var console bytes.Buffer
	l, err := New(Options{Dir: dir, Level: "debug", Console: &console, NoColor: true})
	if err != nil {
		t.Fatal(err)
	}
	l.Info().Str("k", "v").Msg("hello")
	l.Debug().Msg("dbg")
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(console.String(), "hello") || !strings.Contains(console.String(), "k=v") {
		t.Fatalf("console: %q", console.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, "ltth.log"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 {
		t.Fatalf("file lines = %d: %s", len(lines), data)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil || rec["message"] != "hello" || rec["k"] != "v" {
		t.Fatalf("file record %s: %v", lines[0], err)
	}
}

func TestLevelFilter(t *testing.T) {
	var console bytes.Buffer
	l, _ := New(Options{Level: "warn", Console: &console, NoColor: true})
	l.Info().Msg("quiet")
	l.Warn().Msg("loud")
	if strings.Contains(console.String(), "quiet") || !strings.Contains(console.String(), "loud") {
		t.Fatalf("console: %q", console.String())
	}
}

//go:build e2e

package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReplayPrintMatchesGolden runs `ltth replay FILE --print` on the golden
// captures: the real decoder and normalizer (streaks, de-duplication) must
// produce exactly the committed events, stdout holding JSON lines only.
func TestReplayPrintMatchesGolden(t *testing.T) {
	bin := binary(t, "LTTH_BIN")
	for _, name := range []string{"session", "gifts", "reconnect"} {
		t.Run(name, func(t *testing.T) {
			capture := filepath.Join("..", "backend", "tiktok", "testdata", name+".capture")
			want, err := os.ReadFile(filepath.Join("..", "backend", "tiktok", "testdata", name+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(bin, "replay", capture, "--print")
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("replay: %v\n%s", err, stderr.String())
			}
			if !bytes.Equal(stdout.Bytes(), want) {
				t.Fatalf("output differs from %s.golden:\n%s", name, stdout.String())
			}
			for i, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
				var ev map[string]any
				if err := json.Unmarshal([]byte(line), &ev); err != nil || ev["type"] == nil {
					t.Fatalf("line %d is not an event: %q", i+1, line)
				}
			}
		})
	}
}

func TestReplayPrintCountsEachStreakOnce(t *testing.T) {
	out, err := exec.Command(binary(t, "LTTH_BIN"), "replay", filepath.Join("..", "backend", "tiktok", "testdata", "reconnect.capture"), "--print").Output()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var ev struct{ Type, ID string }
		json.Unmarshal([]byte(line), &ev)
		if ev.Type == "gift" {
			ids[ev.ID]++
		}
	}
	if len(ids) == 0 {
		t.Fatal("no gifts in the reconnect capture")
	}
	for id, n := range ids {
		if n != 1 {
			t.Fatalf("gift %s counted %d times across the reconnect", id, n)
		}
	}
}

func TestReplayMissingFileIsAClearError(t *testing.T) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(binary(t, "LTTH_BIN"), "replay", "/nonexistent/capture.jsonl", "--print")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err == nil || stdout.Len() != 0 || !strings.Contains(stderr.String(), "no such file") {
		t.Fatalf("err=%v stdout=%q stderr=%q", err, stdout.String(), stderr.String())
	}
}

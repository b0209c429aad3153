package connector

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/tiktok/capture"
	"github.com/ltth/ltth/backend/tiktok/faketiktok"
)

// writeCapture writes n records spaced step ms apart into captures/name.
func writeCapture(t *testing.T, e *env, name string, n int, step int64) string {
	t.Helper()
	dir := filepath.Join(e.dir, "captures")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	w, err := capture.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if err := w.WriteMs(1_700_000_000_000+int64(i)*step, []byte("not a real frame")); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func (e *env) post(path, ctype string, body io.Reader) (int, map[string]any) {
	e.t.Helper()
	resp, err := http.Post(e.http.URL+path, ctype, body)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// TestReplayReadsOnlyCaptures: outside paths, traversal, devices, fifos
// and symlinks are refused with one and the same message (no existence
// oracle); a capture in the folder plays.
func TestReplayReadsOnlyCaptures(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{})
	writeCapture(t, e, "ok.jsonl", 3, 10)
	dir := filepath.Join(e.dir, "captures")
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "link.jsonl")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.jsonl"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	writeCapture(t, e, "../outside.jsonl", 3, 10) // exists, next to the folder
	var first string
	for _, p := range []string{"/etc/passwd", "/etc/no-such-file", "/dev/zero", "/proc/self/environ",
		"../outside.jsonl", "../../../../etc/passwd", "sub/../ok.jsonl", "link.jsonl", "fifo.jsonl",
		"sub", "missing.jsonl", filepath.Join(e.dir, "outside.jsonl"), `..\ok.jsonl`, ".", ".."} {
		body, _ := json.Marshal(map[string]any{"path": p, "speed": "max"})
		status, out := e.post("/api/replay", "application/json", strings.NewReader(string(body)))
		msg, _ := out["error"].(string)
		if status != http.StatusBadRequest || msg == "" {
			t.Fatalf("%s: %d %v", p, status, out)
		}
		if first == "" {
			first = msg
		} else if msg != first {
			t.Errorf("%s: message %q differs from %q (an existence oracle)", p, msg, first)
		}
		if e.c.Status().Replaying != "" {
			t.Fatalf("%s started a replay", p)
		}
	}
	for _, p := range []string{"ok.jsonl", filepath.Join(dir, "ok.jsonl")} {
		body, _ := json.Marshal(map[string]any{"path": p, "speed": "max"})
		if status, out := e.post("/api/replay", "application/json", strings.NewReader(string(body))); status != 202 || out["name"] != "ok.jsonl" {
			t.Fatalf("%s: %d %v", p, status, out)
		}
	}
}

// TestReplayCanBeStoppedAndIsReplaced: a slow replay is replaced by a
// second one, a max-speed replay of a large file is stopped at once, and
// the stop route answers whether one ran.
func TestReplayCanBeStoppedAndIsReplaced(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{})
	writeCapture(t, e, "slow.jsonl", 3, int64(time.Hour/time.Millisecond))
	writeCapture(t, e, "big.jsonl", 300_000, 0)
	if status, _ := e.post("/api/replay", "application/json", strings.NewReader(`{"name":"slow.jsonl","speed":1}`)); status != 202 {
		t.Fatal(status)
	}
	e.waitFor("slow replay running", 5*time.Second, func() bool { return e.c.Status().Replaying == "slow.jsonl" })
	if status, _ := e.post("/api/replay", "application/json", strings.NewReader(`{"name":"big.jsonl","speed":"max"}`)); status != 202 {
		t.Fatal(status)
	}
	if got := e.c.Status().Replaying; got != "big.jsonl" {
		t.Fatalf("replaying %q after the second replay", got)
	}
	start := time.Now()
	status, out := e.post("/api/replay/stop", "application/json", strings.NewReader(`{}`))
	if status != 200 || out["stopped"] != true || time.Since(start) > 5*time.Second {
		t.Fatalf("stop: %d %v after %v", status, out, time.Since(start))
	}
	if got := e.c.Status().Replaying; got != "" {
		t.Fatalf("still replaying %q", got)
	}
	if _, out := e.post("/api/replay/stop", "application/json", nil); out["stopped"] != false {
		t.Fatalf("second stop: %v", out)
	}
	if e.c.StopReplay(context.Background()) {
		t.Fatal("StopReplay with nothing running")
	}
}

// TestCaptureUploadAndList: an upload is validated on its first lines,
// saved under a safe unused name, and listed; a bad one leaves nothing.
func TestCaptureUploadAndList(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{})
	src := writeCapture(t, e, "src.jsonl", 10, 5)
	data, _ := os.ReadFile(src)
	status, out := e.post("/api/captures?name=../My%20Stream.jsonl", "application/octet-stream", strings.NewReader(string(data)))
	if status != 201 || out["name"] != "My_Stream.jsonl" || int(out["size"].(float64)) != len(data) {
		t.Fatalf("upload: %d %v", status, out)
	}
	if status, out = e.post("/api/captures?name=My%20Stream.jsonl", "application/octet-stream", strings.NewReader(string(data))); out["name"] != "My_Stream-2.jsonl" {
		t.Fatalf("second upload: %d %v", status, out)
	}
	for _, bad := range []string{"", "not json\n", `{"t":1,"frame":"!!notbase64"}` + "\n", "{}{}garbage\n"} {
		if status, out := e.post("/api/captures?name=bad", "application/octet-stream", strings.NewReader(bad)); status != 400 {
			t.Fatalf("bad upload %q: %d %v", bad, status, out)
		}
	}
	resp, err := http.Get(e.http.URL + "/api/captures")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list []CaptureInfo
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range list {
		names[c.Name] = true
	}
	if len(list) != 3 || !names["src.jsonl"] || !names["My_Stream.jsonl"] || !names["My_Stream-2.jsonl"] {
		t.Fatalf("list: %+v", list)
	}
	if status, _ := e.post("/api/replay", "application/json", strings.NewReader(`{"name":"My_Stream.jsonl","speed":"max"}`)); status != 202 {
		t.Fatalf("replay of an upload: %d", status)
	}
}

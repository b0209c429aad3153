//go:build e2e

// Package e2e drives the built ltth binary end to end: real listener, real
// SQLite, real headless Chromium, and under Xvfb the real desktop window.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// instance is one running ltth process.
type instance struct {
	URL     string
	Token   string
	DataDir string
	cmd     *exec.Cmd
	stdout  *bytes.Buffer
}

func freeAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func binary(t *testing.T, env string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		t.Skipf("%s not set (make e2e / make smoke set it)", env)
	}
	return p
}

func artifacts(t *testing.T) string {
	dir := os.Getenv("LTTH_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	os.MkdirAll(dir, 0o755)
	return dir
}

// start runs bin with args plus a fresh data dir and free port, and waits
// until /api/health answers ok.
func start(t testing.TB, bin string, extra ...string) *instance {
	t.Helper()
	return startAt(t, bin, freeAddr(t), extra...)
}

func startAt(t testing.TB, bin, addr string, extra ...string) *instance {
	t.Helper()
	dir := t.TempDir()
	args := append([]string{"--data-dir", dir, "--listen", addr}, extra...)
	cmd := exec.Command(bin, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	logf, _ := os.Create(filepath.Join(dir, "stderr.log"))
	cmd.Stderr = logf
	began := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	in := &instance{URL: "http://" + addr, DataDir: dir, cmd: cmd, stdout: &out}
	t.Cleanup(func() { in.stop(t); logf.Close() })
	in.waitHealthy(t, 60*time.Second)
	t.Logf("%s healthy after %v", filepath.Base(bin), time.Since(began).Round(time.Millisecond))
	tok, err := os.ReadFile(filepath.Join(dir, "api-token"))
	if err != nil {
		t.Fatal(err)
	}
	in.Token = strings.TrimSpace(string(tok))
	return in
}

func (in *instance) waitHealthy(t testing.TB, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		var h map[string]any
		if in.getJSON("/api/health", &h) == nil && h["status"] == "ok" {
			return
		}
		if in.cmd.ProcessState != nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	log, _ := os.ReadFile(filepath.Join(in.DataDir, "stderr.log"))
	t.Fatalf("ltth did not become healthy at %s; stderr:\n%s", in.URL, log)
}

func (in *instance) stop(t testing.TB) {
	if in.cmd.Process == nil || in.cmd.ProcessState != nil {
		return
	}
	in.cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- in.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("ltth exited with %v on SIGINT", err)
		}
	case <-time.After(15 * time.Second):
		in.cmd.Process.Kill()
		t.Error("ltth did not stop within 15 s of SIGINT")
	}
}

// getJSON makes an authorized GET (most /api/ reads need the token).
func (in *instance) getJSON(path string, v any) error {
	req, _ := http.NewRequest(http.MethodGet, in.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+in.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func (in *instance) post(t *testing.T, path string, body any) (int, string) {
	t.Helper()
	return in.send(t, http.MethodPost, path, body)
}

// send makes an authorized request with a JSON body and returns the status
// and the response body.
func (in *instance) send(t *testing.T, method, path string, body any) (int, string) {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, in.URL+path, bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+in.Token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

// firstStdoutLine waits for the process to print a line containing want.
func (in *instance) stdoutContains(want string) bool {
	sc := bufio.NewScanner(bytes.NewReader(in.stdout.Bytes()))
	for sc.Scan() {
		if strings.Contains(sc.Text(), want) {
			return true
		}
	}
	return false
}

// browser starts headless Debian Chromium through chromedp.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := "/usr/bin/chromium"
	if _, err := os.Stat(exe); err != nil {
		t.Fatalf("chromium not installed at %s (make deps installs it)", exe)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 720),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	if err := chromedp.Do(ctx); err != nil { // first run starts the browser: no timeout on it
		t.Fatalf("starting chromium: %v", err)
	}
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	return ctx
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

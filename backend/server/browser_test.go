//go:build linux

package server

import (
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// browser is a headless Chromium driven over the DevTools protocol (plain
// websocket JSON, no extra dependency).
type browser struct {
	t    *testing.T
	conn *websocket.Conn
	next int
}

// launchChromium opens url in a real headless Chromium; the test is skipped
// when Chromium is not installed.
func launchChromium(t *testing.T, url string) *browser {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed")
	}
	dir, err := os.MkdirTemp("", "ltth-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
		"--mute-audio", "--remote-debugging-port=0", "--user-data-dir="+dir, url)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its helpers share the group
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stopProcess(cmd)
		removeAllRetry(dir)
	})
	port := devtoolsPort(t, dir)
	wsURL := pageTarget(t, port)
	conn, _, err := websocket.DefaultDialer.Dial(wsURL, nil)
	if err != nil {
		t.Fatalf("devtools: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return &browser{t: t, conn: conn}
}

// stopProcess ends the Chromium this test started: its own process group
// (created with Setpgid, so only its helpers are in it).
func stopProcess(cmd *exec.Cmd) {
	pgid := cmd.Process.Pid
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		<-done
	}
	_ = syscall.Kill(-pgid, syscall.SIGKILL) // helpers that outlived the browser
}

func removeAllRetry(dir string) {
	for i := 0; i < 20; i++ {
		if os.RemoveAll(dir) == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func devtoolsPort(t *testing.T, dir string) string {
	var port string
	eventually(t, 20*time.Second, "chromium DevToolsActivePort", func() bool {
		b, err := os.ReadFile(filepath.Join(dir, "DevToolsActivePort"))
		if err != nil {
			return false
		}
		port, _, _ = strings.Cut(string(b), "\n")
		return port != ""
	})
	return port
}

func pageTarget(t *testing.T, port string) string {
	var ws string
	eventually(t, 10*time.Second, "a page target", func() bool {
		resp, err := http.Get("http://127.0.0.1:" + port + "/json/list")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		var targets []struct{ Type, WebSocketDebuggerURL string }
		if json.NewDecoder(resp.Body).Decode(&targets) != nil {
			return false
		}
		for _, tg := range targets {
			if tg.Type == "page" && tg.WebSocketDebuggerURL != "" {
				ws = tg.WebSocketDebuggerURL
				return true
			}
		}
		return false
	})
	return ws
}

// eval runs a JS expression in the page and returns its JSON value.
func (b *browser) eval(expr string) json.RawMessage {
	b.t.Helper()
	b.next++
	id := b.next
	req := map[string]any{"id": id, "method": "Runtime.evaluate",
		"params": map[string]any{"expression": expr, "returnByValue": true}}
	if err := b.conn.WriteJSON(req); err != nil {
		b.t.Fatalf("devtools write: %v", err)
	}
	for {
		var resp struct {
			ID     int `json:"id"`
			Result struct {
				Result struct {
					Value json.RawMessage `json:"value"`
				} `json:"result"`
				Exception *struct{ Text string } `json:"exceptionDetails"`
			} `json:"result"`
			Error *struct{ Message string } `json:"error"`
		}
		_ = b.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		if err := b.conn.ReadJSON(&resp); err != nil {
			b.t.Fatalf("devtools read: %v", err)
		}
		if resp.ID != id {
			continue
		}
		if resp.Error != nil {
			if strings.Contains(resp.Error.Message, "navigated") || strings.Contains(resp.Error.Message, "context") {
				return nil // the page is navigating; callers poll
			}
			b.t.Fatalf("eval %q: %s", expr, resp.Error.Message)
		}
		if resp.Result.Exception != nil {
			return nil // e.g. the page is navigating; callers poll
		}
		return resp.Result.Result.Value
	}
}

func (b *browser) str(expr string) string {
	var s string
	_ = json.Unmarshal(b.eval(expr), &s)
	return s
}

// waitFor polls a boolean JS expression.
func (b *browser) waitFor(what, expr string) {
	b.t.Helper()
	eventually(b.t, 10*time.Second, what+" ("+expr+")", func() bool {
		return string(b.eval("!!("+expr+")")) == "true"
	})
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

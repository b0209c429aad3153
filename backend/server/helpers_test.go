package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
)

const testToken = "test-token-123"

// startServer runs a real server on 127.0.0.1:0.
func startServer(t testing.TB, cfg Config, deps Deps) (*Server, *bus.Bus) {
	t.Helper()
	if deps.Bus == nil {
		deps.Bus = bus.New()
	}
	deps.Log = zerolog.Nop()
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.Token == "" {
		cfg.Token = testToken
	}
	if cfg.Version == "" {
		cfg.Version = "1.2.3-test"
	}
	s := New(cfg, deps)
	ctx, cancel := context.WithCancel(context.Background())
	if err := s.Start(ctx); err != nil {
		cancel()
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(func() {
		sctx, c := context.WithTimeout(context.Background(), 5*time.Second)
		defer c()
		_ = s.Shutdown(sctx)
		cancel()
	})
	return s, deps.Bus
}

func baseURL(s *Server) string { return "http://" + s.Addr() }

type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("response %d is not a JSON object: %v: %s", r.status, err, r.body)
	}
	return m
}

// do sends a request; host overrides the Host header when non-empty.
func do(t testing.TB, s *Server, method, path, host, token string, body []byte) response {
	t.Helper()
	req, err := http.NewRequest(method, baseURL(s)+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	client := &http.Client{
		Timeout:       5 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, b}
}

// dial opens a websocket to /ws with optional headers.
func dial(t testing.TB, s *Server, header http.Header) (*websocket.Conn, *http.Response, error) {
	t.Helper()
	d := websocket.Dialer{HandshakeTimeout: 5 * time.Second}
	c, resp, err := d.Dial("ws://"+s.Addr()+"/ws", header)
	if err == nil {
		t.Cleanup(func() { c.Close() })
	}
	return c, resp, err
}

func mustDial(t testing.TB, s *Server) *websocket.Conn {
	t.Helper()
	c, _, err := dial(t, s, nil)
	if err != nil {
		t.Fatalf("dial /ws: %v", err)
	}
	return c
}

// wireMsg is one /ws message.
type wireMsg struct {
	Type  string          `json:"type"`
	TS    int64           `json:"ts"`
	Key   string          `json:"key"`
	Clear bool            `json:"clear"`
	Data  json.RawMessage `json:"data"`
}

// readFrame reads one frame and unpacks an object or an array of them.
func readFrame(t testing.TB, c *websocket.Conn, timeout time.Duration) (msgs []wireMsg, array bool) {
	t.Helper()
	msgs, array, err := readFrameErr(c, timeout)
	if err != nil {
		t.Fatalf("read /ws: %v", err)
	}
	return msgs, array
}

func readFrameErr(c *websocket.Conn, timeout time.Duration) ([]wireMsg, bool, error) {
	_ = c.SetReadDeadline(time.Now().Add(timeout))
	_, b, err := c.ReadMessage()
	if err != nil {
		return nil, false, err
	}
	b = bytes.TrimSpace(b)
	if strings.HasPrefix(string(b), "[") {
		var msgs []wireMsg
		if err := json.Unmarshal(b, &msgs); err != nil {
			return nil, true, fmt.Errorf("bad array frame: %w: %.200s", err, b)
		}
		return msgs, true, nil
	}
	var m wireMsg
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, false, fmt.Errorf("bad frame: %w: %.200s", err, b)
	}
	return []wireMsg{m}, false, nil
}

// eventually polls cond until it is true or the timeout passes.
func eventually(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

package server

import (
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"
)

func unusedPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func refused(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err == nil {
		c.Close()
	}
	return err != nil
}

func TestRelistenMovesTheListener(t *testing.T) {
	s, _ := startServer(t, Config{}, Deps{})
	old := s.Addr()
	to := fmt.Sprintf("127.0.0.1:%d", unusedPort(t))
	if err := s.Relisten(to, false, nil); err != nil {
		t.Fatal(err)
	}
	if s.Addr() != to {
		t.Fatalf("Addr = %s", s.Addr())
	}
	if r := do(t, s, "GET", "/api/health", "", "", nil); r.status != http.StatusOK {
		t.Fatalf("health on the new port: %d", r.status)
	}
	eventually(t, 5*time.Second, "old port closed", func() bool { return refused(old) })
}

func TestRelistenToABusyPortChangesNothing(t *testing.T) {
	s, _ := startServer(t, Config{}, Deps{})
	before := s.Addr()
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := s.Relisten(held.Addr().String(), false, nil); err == nil {
		t.Fatal("moved onto a busy port")
	}
	if s.Addr() != before {
		t.Fatalf("address changed to %s", s.Addr())
	}
	if r := do(t, s, "GET", "/api/health", "", "", nil); r.status != http.StatusOK {
		t.Fatalf("health after the refused move: %d", r.status)
	}
}

func TestRelistenToLANOnTheSamePort(t *testing.T) {
	port := unusedPort(t)
	s, _ := startServer(t, Config{Addr: fmt.Sprintf("127.0.0.1:%d", port)}, Deps{})
	lanHost := fmt.Sprintf("192.168.1.5:%d", port)
	if r := do(t, s, "GET", "/api/health", lanHost, "", nil); r.status != http.StatusForbidden {
		t.Fatalf("LAN Host before opting in: %d", r.status)
	}
	if err := s.Relisten(fmt.Sprintf("0.0.0.0:%d", port), false, nil); err == nil {
		t.Fatal("bound 0.0.0.0 without the LAN opt-in")
	}
	if err := s.Relisten(fmt.Sprintf("0.0.0.0:%d", port), true, nil); err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Timeout: 5 * time.Second}
	req, _ := http.NewRequest("GET", fmt.Sprintf("http://127.0.0.1:%d/api/health", port), nil)
	req.Host = lanHost
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("LAN Host after opting in: %d", resp.StatusCode)
	}
	if err := s.Relisten(fmt.Sprintf("127.0.0.1:%d", port), false, nil); err != nil {
		t.Fatalf("back to loopback: %v", err)
	}
	req.Host = lanHost
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("LAN Host after opting out: %d", resp.StatusCode)
	}
}

func TestSetTokenRefusesTheOldOneAtOnce(t *testing.T) {
	s, _ := startServer(t, Config{}, Deps{})
	if r := do(t, s, "POST", "/api/simulate", "", testToken, []byte(`{"type":"chat","comment":"hi"}`)); r.status == http.StatusUnauthorized {
		t.Fatal("old token refused before rotation")
	}
	s.SetToken("new-token-456")
	if r := do(t, s, "POST", "/api/simulate", "", testToken, []byte(`{"type":"chat","comment":"hi"}`)); r.status != http.StatusUnauthorized {
		t.Fatalf("old token after rotation: %d", r.status)
	}
	if r := do(t, s, "POST", "/api/simulate", "", "new-token-456", []byte(`{"type":"chat","comment":"hi"}`)); r.status == http.StatusUnauthorized {
		t.Fatal("new token refused")
	}
	if s.Token() != "new-token-456" {
		t.Fatal(s.Token())
	}
}

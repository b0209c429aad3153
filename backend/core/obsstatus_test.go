package core

import (
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestOBSSummaryForTheTray: no line while OBS is switched off, and a reason
// when LTTH cannot reach it.
func TestOBSSummaryForTheTray(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	if code := pcall(t, c, "PUT", "/api/obs/settings", `{"enabled":false}`, nil); code != 200 {
		t.Fatalf("disable OBS: %d", code)
	}
	if s := c.OBSSummary(); s != "" {
		t.Fatalf("OBS switched off: tray line %q, want none", s)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close() // nothing listens there now
	body := `{"enabled":true,"host":"127.0.0.1","port":` + strconv.Itoa(port) + `}`
	if code := pcall(t, c, "PUT", "/api/obs/settings", body, nil); code != 200 {
		t.Fatalf("enable OBS: %d", code)
	}
	deadline := time.Now().Add(5 * time.Second)
	for s := c.OBSSummary(); ; s = c.OBSSummary() {
		if strings.HasPrefix(s, "OBS") && !strings.HasPrefix(s, "OBS: OBS") && s != "OBS: connected" && s != "OBS: connecting" {
			t.Logf("tray line: %s", s)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("OBS unreachable: tray line %q", s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

package core

import (
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestOBSSummaryForTheTray: no line while OBS is switched off, and the
// reason when LTTH cannot reach it.
func TestOBSSummaryForTheTray(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	if code := pcall(t, c, "PUT", "/api/obs/settings", `{"enabled":false}`, nil); code != 200 {
		t.Fatalf("disable OBS: %d", code)
	}
	waitOBSSummary(t, c, "no line while OBS is off", func(s string) bool { return s == "" })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	ln.Close() // nothing listens there now
	if code := pcall(t, c, "PUT", "/api/obs/settings", `{"enabled":true,"host":"127.0.0.1","port":`+port+`}`, nil); code != 200 {
		t.Fatalf("enable OBS: %d", code)
	}
	waitOBSSummary(t, c, "the reason OBS is unreachable", func(s string) bool {
		return strings.HasPrefix(s, "OBS") && !strings.HasPrefix(s, "OBS: OBS") && strings.Contains(s, port)
	})
}

func waitOBSSummary(t *testing.T, c *Core, what string, ok func(string) bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for s := c.OBSSummary(); !ok(s); s = c.OBSSummary() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: tray line %q", what, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

package obs

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action/actiontest"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// closedPort is a local port nothing listens on.
func closedPort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

func downModule(t *testing.T, b *bus.Bus) *Module {
	m := startModule(t, b, Settings{Host: "127.0.0.1", Port: closedPort(t), Password: "x", Enabled: true})
	eventually(t, 5*time.Second, "connection refused", func() bool {
		st := m.Status()
		return strings.Contains(st.Reason, "connection refused") && st.Code == ReasonRefused
	})
	return m
}

// With OBS down a flow action fails at once, and the trace says why.
func TestActionFailsWithReasonWhenDown(t *testing.T) {
	m := downModule(t, bus.New())
	reg := actiontest.Registry(t, m.Blocks())
	start := time.Now()
	_, err := actiontest.Exec(t, reg, "obs.setScene", `{"scene":"Cam {giftName}"}`, &domain.Event{GiftName: "Rose"}, "f1")
	if !errors.Is(err, ErrDown) || !strings.Contains(err.Error(), "not running") {
		t.Fatalf("err = %v, want ErrDown with the reason", err)
	}
	if d := time.Since(start); d > 200*time.Millisecond {
		t.Fatalf("failing took %v", d)
	}
}

// An event flood with OBS down neither blocks the bus nor grows memory:
// commands are refused at once instead of queueing.
func TestFloodWithOBSDown(t *testing.T) {
	b := bus.New()
	m := downModule(t, b)
	flood := func(n int) {
		for i := 0; i < n; i++ {
			b.Publish(domain.Message{Type: TypeCommand, Data: Command{Op: OpSetScene, Scene: "Cam"}})
		}
	}
	flood(20000) // warm up
	time.Sleep(100 * time.Millisecond)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	flood(200000)
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("publishing 200k commands took %v", d)
	}
	time.Sleep(200 * time.Millisecond)
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 4<<20 {
		t.Fatalf("heap grew by %d bytes during the flood", grew)
	}
	if n := len(m.jobs); n != 0 {
		t.Fatalf("%d commands queued while OBS is down", n)
	}
}

func TestSettingsREST(t *testing.T) {
	m := downModule(t, bus.New())
	mux := http.NewServeMux()
	for _, r := range m.Routes() {
		mux.Handle(r.Pattern, r.Handler)
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	do := func(method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(raw)
	}
	if code, body := do("GET", "/api/obs/settings", ""); code != 200 || strings.Contains(body, `"x"`) || !strings.Contains(body, Mask) {
		t.Fatalf("GET settings: %d %s", code, body)
	}
	// The masked password sent back keeps the stored one.
	if code, body := do("PUT", "/api/obs/settings", `{"host":"localhost","password":"`+Mask+`"}`); code != 200 {
		t.Fatalf("PUT: %d %s", code, body)
	}
	if s := m.Settings(); s.Password != "x" || s.Host != "localhost" {
		t.Fatalf("settings = %+v", s)
	}
	if code, body := do("PUT", "/api/obs/settings", `{"port":70000}`); code != 400 || !strings.Contains(body, "port") {
		t.Fatalf("bad port: %d %s", code, body)
	}
	if code, body := do("POST", "/api/obs/scene", `{"name":"Cam"}`); code != 503 || !strings.Contains(body, "not connected") {
		t.Fatalf("scene while down: %d %s", code, body)
	}
	// Stored for the next start.
	s, err := loadSettings(m.st)
	if err != nil || s.Host != "localhost" || s.Password != "x" {
		t.Fatalf("stored = %+v, %v", s, err)
	}
}

package main

import (
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/osc"
)

// oscdumpPeer is a real OSC peer (liblo's oscdump) on a free UDP port.
type oscdumpPeer struct {
	port int
	mu   sync.Mutex
	out  strings.Builder
}

func (p *oscdumpPeer) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.Write(b)
}

// waitFor waits until the peer printed a line containing each of want.
func (p *oscdumpPeer) waitFor(t *testing.T, want ...string) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		p.mu.Lock()
		got := p.out.String()
		p.mu.Unlock()
		missing := ""
		for _, w := range want {
			if !strings.Contains(got, w) {
				missing = w
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(end) {
			t.Fatalf("oscdump never showed %q; it printed:\n%s", missing, got)
		}
	}
}

func startOscdump(t *testing.T) *oscdumpPeer {
	t.Helper()
	if _, err := exec.LookPath("oscdump"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("oscdump missing under CI: install liblo-tools")
		}
		t.Skip("oscdump missing (apt-get install liblo-tools)")
	}
	probe, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &oscdumpPeer{port: probe.LocalAddr().(*net.UDPAddr).Port}
	probe.Close()
	cmd := exec.Command("oscdump", "-L", strconv.Itoa(p.port))
	cmd.Stdout = p
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	for end := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		c, err := net.ListenPacket("udp", "127.0.0.1:"+strconv.Itoa(p.port))
		if err != nil {
			return p // oscdump holds the port
		}
		c.Close()
		if time.Now().After(end) {
			t.Fatal("oscdump did not bind its port")
		}
	}
}

// The OSC service against a real OSC peer: a message sent through the
// binding and one posted to the REST route both reach oscdump; settings,
// status and the live log read the same on both transports; failures carry
// the same code on both.
func TestOSCServiceBoundMatchesREST(t *testing.T) {
	peer := startOscdump(t)
	a := startedApp(t)
	s := &OSCService{a}
	host, on, listen := "127.0.0.1", true, 0
	res, err := s.SaveSettings(osc.SettingsPatch{TargetHost: &host, TargetPort: &peer.port, ListenPort: &listen, Enabled: &on})
	if err != nil || !res.Status.Enabled || res.Status.Reason != "" || res.Settings.RateLimit != 100 {
		t.Fatalf("bound save: %+v %v", res, err)
	}
	set, _ := s.Settings()
	code, body := apiCall(t, a, http.MethodGet, "/api/osc/settings", "")
	obsoscSame(t, "settings", set, code, body)

	sent, err := s.Send(osc.Send{Address: "/svc/bound", Args: []osc.Arg{{Type: "i", Value: 7}, {Type: "s", Value: "hi"}}})
	if err != nil || !sent.OK {
		t.Fatalf("bound send: %+v %v", sent, err)
	}
	code, body = apiCall(t, a, http.MethodPost, "/api/osc/send", `{"address":"/svc/rest","args":[{"type":"f","value":0.5},{"type":"T"}]}`)
	obsoscSame(t, "send", sent, code, body)
	peer.waitFor(t, `/svc/bound is 7 "hi"`, "/svc/rest fT 0.500000 #T")

	log, _ := s.Log()
	code, body = apiCall(t, a, http.MethodGet, "/api/osc/log", "")
	if len(log) != 2 || log[0].Address != "/svc/bound" || log[1].Types != "fT" {
		t.Fatalf("bound log: %+v", log)
	}
	obsoscSame(t, "log", log, code, body)
	st, _ := s.Status()
	code, body = apiCall(t, a, http.MethodGet, "/api/osc/status", "")
	if st.Sent != 2 {
		t.Fatalf("bound status: %+v", st)
	}
	obsoscSame(t, "status", st, code, body)

	_, err = s.Send(osc.Send{Address: "no slash"})
	code, body = apiCall(t, a, http.MethodPost, "/api/osc/send", `{"address":"no slash"}`)
	obsoscCodes(t, "bad address", err, code, body, "invalid")
	bad := 70000
	_, err = s.SaveSettings(osc.SettingsPatch{TargetPort: &bad})
	code, body = apiCall(t, a, http.MethodPut, "/api/osc/settings", `{"targetPort":70000}`)
	obsoscCodes(t, "bad port", err, code, body, "invalid")
	off := false
	if _, err := s.SaveSettings(osc.SettingsPatch{Enabled: &off}); err != nil {
		t.Fatal(err)
	}
	if set, _ := s.Settings(); set.TargetPort != peer.port || set.Enabled {
		t.Fatalf("a partial save changed other fields or not its own: %+v", set)
	}
	_, err = s.Send(osc.Send{Address: "/svc/off"})
	code, body = apiCall(t, a, http.MethodPost, "/api/osc/send", `{"address":"/svc/off"}`)
	obsoscCodes(t, "send while off", err, code, body, "unavailable")
}

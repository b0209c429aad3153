//go:build linux

package server

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/overlay"
)

// probeJS tries to read the listener at base from whatever page it runs
// in: two API reads (public ones, so only the Origin rule can stop them)
// and the /ws feed (which sends a snapshot at once to an accepted client).
const probeJS = `async function probe(base) {
  const r = {};
  for (const p of ['/api/health', '/api/bus']) {
    try { const res = await fetch(base + p); r[p] = 'read ' + res.status + ' ' + (await res.text()).slice(0, 30); }
    catch (e) { r[p] = 'blocked'; }
  }
  r.ws = await new Promise((done) => {
    let got = 'refused';
    try {
      const ws = new WebSocket(base.replace('http', 'ws') + '/ws');
      ws.onopen = () => { got = 'open'; };
      ws.onmessage = () => { got = 'message'; ws.close(); };
      ws.onclose = () => done(got);
      setTimeout(() => done(got + ' (timeout)'), 4000);
    } catch (e) { done('throw'); }
  });
  return r;
}`

// foreignPage is served from another loopback port: it probes the listener
// itself and from a sandboxed iframe (Origin: null).
func foreignPage(target string) string {
	frame := `<script>` + probeJS + `probe(` + jsString(target) + `).then((r) => parent.postMessage(r, '*'));</script>`
	return `<!doctype html><html><body><script>` + probeJS + `
window.addEventListener('message', (m) => { window.frameResult = m.data; });
probe(` + jsString(target) + `).then((r) => { window.pageResult = r; });
</script><iframe sandbox="allow-scripts" srcdoc="` + html.EscapeString(frame) + `"></iframe></body></html>`
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestOtherOriginsGetNothingInBrowser: in real Chromium, a page from
// another loopback port and a sandboxed iframe read nothing from the API
// and get no /ws feed; the listener's own page does (a control), and
// OBS-style requests without an Origin still load every overlay.
func TestOtherOriginsGetNothingInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	addr := "127.0.0.1:" + freePort(t)
	startServer(t, Config{Addr: addr}, Deps{})
	target := "http://" + addr
	foreign := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, foreignPage(target))
	}))
	defer foreign.Close()

	br := launchChromium(t, foreign.URL+"/")
	br.waitFor("the foreign page's probe", "window.pageResult && window.frameResult")
	for _, who := range []string{"pageResult", "frameResult"} {
		var r map[string]string
		if err := json.Unmarshal(br.eval("window."+who), &r); err != nil {
			t.Fatal(err)
		}
		if r["/api/health"] != "blocked" || r["/api/bus"] != "blocked" || r["ws"] != "refused" {
			t.Errorf("%s read the listener: %v", who, r)
		}
	}

	// Control: the same probe from the listener's own origin reads both.
	br.eval("location.href = " + jsString(target+"/index.html"))
	br.waitFor("the listener's own page", "location.host === "+jsString(addr)+" && document.readyState === 'complete'")
	br.eval(probeJS + "; probe(location.origin).then((r) => { window.ownResult = r; })")
	br.waitFor("the own-origin probe", "window.ownResult")
	var own map[string]string
	_ = json.Unmarshal(br.eval("window.ownResult"), &own)
	if !strings.HasPrefix(own["/api/health"], "read 200") || own["ws"] != "message" {
		t.Errorf("the listener's own page was refused: %v", own)
	}

	// OBS browser sources send no Origin: every overlay page loads.
	for _, p := range overlay.Pages() {
		resp, err := http.Get(target + p.Path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("overlay %s without Origin: %d", p.Path, resp.StatusCode)
		}
	}
}

package vdoninja

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/overlay/overlaytest"
	"github.com/ltth/ltth/plugins/internal/plugintest"
)

// recorderPage stands in for VDO.Ninja at the configured base URL: it
// reports its own load (with the query it was opened with) and every
// postMessage it receives, in order, back to the test's server.
const recorderPage = `<!doctype html><html><body><script>
var chain = Promise.resolve();
function report(r) { chain = chain.then(function () { return fetch('/record', {method: 'POST', body: JSON.stringify(r)}); }); }
report({kind: 'load', search: location.search});
window.addEventListener('message', function (e) { report({kind: 'message', origin: e.origin, data: e.data}); });
parent.postMessage({action: 'iframe-loaded'}, '*');
</script></body></html>`

type record struct {
	Kind   string         `json:"kind"`
	Search string         `json:"search"`
	Origin string         `json:"origin"`
	Data   map[string]any `json:"data"`
}

type recorder struct {
	*httptest.Server
	mu   sync.Mutex
	recs []record
}

func newRecorder(t *testing.T) *recorder {
	r := &recorder{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, recorderPage)
	})
	mux.HandleFunc("POST /record", func(w http.ResponseWriter, req *http.Request) {
		var rec record
		if err := json.NewDecoder(req.Body).Decode(&rec); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		r.mu.Lock()
		r.recs = append(r.recs, rec)
		r.mu.Unlock()
	})
	r.Server = httptest.NewServer(mux)
	t.Cleanup(r.Close)
	return r
}

// next waits for the next n records after from and returns them.
func (r *recorder) wait(t *testing.T, from, n int) []record {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		r.mu.Lock()
		got := append([]record(nil), r.recs...)
		r.mu.Unlock()
		if len(got) >= from+n {
			return got[from : from+n]
		}
		if time.Now().After(deadline) {
			t.Fatalf("recorder: %d records, want %d: %+v", len(got), from+n, got)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.recs)
}

// expect checks that recs are the iframe-API calls want (JSON objects),
// posted from origin.
func expect(t *testing.T, recs []record, origin string, want ...string) {
	t.Helper()
	for i, w := range want {
		var exp map[string]any
		if err := json.Unmarshal([]byte(w), &exp); err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(recs[i].Data)
		wantJSON, _ := json.Marshal(exp)
		if recs[i].Kind != "message" || recs[i].Origin != origin || string(got) != string(wantJSON) {
			t.Errorf("call %d: %+v, want %s from %s", i, recs[i], wantJSON, origin)
		}
	}
}

func TestOverlayForwardsFlowActionsToVDONinja(t *testing.T) {
	ctx := overlaytest.Browser(t)
	rec := newRecorder(t)
	env := plugintest.New(t)
	env.Start(ID, `{"baseUrl": "`+rec.URL+`/", "room": "studio1", "password": "pw1", "guests": 3}`)
	origin := strings.TrimSuffix(env.URL(""), "/")

	overlaytest.Navigate(t, ctx, env.URL("/plugins/vdoninja/overlay.html"))
	load := rec.wait(t, 0, 1)[0]
	if load.Kind != "load" || !strings.Contains(load.Search, "director=studio1") || !strings.Contains(load.Search, "password=pw1") ||
		!strings.Contains(load.Search, "cleanoutput") {
		t.Fatalf("director page opened with %+v", load)
	}
	overlaytest.WaitJS(t, ctx, "iframe events reach the overlay", `__vdo.events.length === 1 && __vdo.events[0].action === 'iframe-loaded'`)

	for _, step := range []struct{ typ, cfg string }{
		{ActionMute, `{"guest": 2}`},
		{ActionVolume, `{"guest": 1, "volume": 150}`},
		{ActionSolo, `{"guest": 3}`},
		{ActionLayout, `{"layout": 2}`},
	} {
		if _, err := env.Exec(step.typ, step.cfg, nil); err != nil {
			t.Fatalf("%s: %v", step.typ, err)
		}
	}
	expect(t, rec.wait(t, 1, 4), origin,
		`{"action": "mic", "target": "2", "value": false}`,
		`{"action": "volume", "target": "1", "value": 150}`,
		`{"action": "soloVideo", "target": "3", "value": true}`,
		`{"action": "layout", "value": 2}`)

	if code, body := env.Do("POST", "/api/plugins/vdoninja/guests/2/mute", `{"muted": false}`); code != 200 {
		t.Fatalf("REST unmute: %d %s", code, body)
	}
	expect(t, rec.wait(t, 5, 1), origin, `{"action": "mic", "target": "2", "value": true}`)

	// A refreshed source (here: the scene view) gets the controls again.
	n := rec.count()
	overlaytest.Navigate(t, ctx, env.URL("/plugins/vdoninja/overlay.html?view=scene&clean=0"))
	got := rec.wait(t, n, 4)
	if got[0].Kind != "load" || !strings.Contains(got[0].Search, "scene=0") || !strings.Contains(got[0].Search, "room=studio1") ||
		strings.Contains(got[0].Search, "cleanoutput") {
		t.Fatalf("scene page opened with %+v", got[0])
	}
	expect(t, got[1:], origin,
		`{"action": "volume", "target": "1", "value": 150}`,
		`{"action": "soloVideo", "target": "3", "value": true}`,
		`{"action": "layout", "value": 2}`)
}

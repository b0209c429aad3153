package obs

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andreykaipov/goobs/api/requests/config"
	"github.com/andreykaipov/goobs/api/requests/inputs"
	"github.com/andreykaipov/goobs/api/requests/sceneitems"
	"github.com/andreykaipov/goobs/api/requests/scenes"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/obs/obstest"
)

func postSources(t *testing.T, m *Module, body string) *httptest.ResponseRecorder {
	t.Helper()
	mux := http.NewServeMux()
	for _, r := range m.Routes() {
		mux.Handle(r.Pattern, r.Handler)
	}
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("POST", "/api/obs/browser-sources", bytes.NewBufferString(body)))
	return rec
}

// TestBrowserSourcesAgainstRealOBS: the overlay designer's "Add to OBS"
// against a real headless OBS: a source that exists by name gets the new
// URL and size and is put into the current scene; a second call updates
// it again; a new name is created as a browser source, or (Debian's OBS
// has no obs-browser) refused with a clear reason; bad input is refused
// before anything reaches OBS.
func TestBrowserSourcesAgainstRealOBS(t *testing.T) {
	srv := obstest.Start(t, "bs-pw-789")
	p := peer(t, srv)
	m := startModule(t, bus.New(), settingsFor(srv))
	eventually(t, 20*time.Second, "connected", func() bool { return m.Status().Connected })

	// an "LTTH Alerts" input already in "Scene"; the current scene is "Live"
	must(p.Inputs.CreateInput(inputs.NewCreateInputParams().WithSceneName("Scene").WithInputName("LTTH Alerts").
		WithInputKind("text_ft2_source_v2").WithInputSettings(map[string]any{"url": "http://127.0.0.1:3000/overlay.html"})))
	must(p.Scenes.CreateScene(scenes.NewCreateSceneParams().WithSceneName("Live")))
	must(p.Scenes.SetCurrentProgramScene(scenes.NewSetCurrentProgramSceneParams().WithSceneName("Live")))

	for i, want := range []struct {
		url    string
		w, h   int
		anchor string
	}{{"http://127.0.0.1:4000/overlay.html?preset=Big", 1920, 1080, ""}, {"http://127.0.0.1:4001/overlay.html?preset=Small", 320, 180, "bottom-right"}} {
		rec := postSources(t, m, `{"sources":[{"name":"LTTH Alerts","url":"`+want.url+`","width":`+strconv.Itoa(want.w)+
			`,"height":`+strconv.Itoa(want.h)+`,"anchor":"`+want.anchor+`"}]}`)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"scene":"Live"`) {
			t.Fatalf("call %d: %d %s", i, rec.Code, rec.Body)
		}
		set := must(p.Inputs.GetInputSettings(inputs.NewGetInputSettingsParams().WithInputName("LTTH Alerts"))).InputSettings
		if set["url"] != want.url || set["width"] != float64(want.w) || set["height"] != float64(want.h) {
			t.Fatalf("call %d: settings %v", i, set)
		}
		if !itemEnabled(t, p, "Live", "LTTH Alerts") {
			t.Fatalf("call %d: not shown in the current scene", i)
		}
	}
	// placed at the bottom right of the canvas (the test OBS runs at 640x360)
	video := must(p.Config.GetVideoSettings(&config.GetVideoSettingsParams{}))
	id := must(p.SceneItems.GetSceneItemId(sceneitems.NewGetSceneItemIdParams().WithSceneName("Live").WithSourceName("LTTH Alerts")))
	tr := must(p.SceneItems.GetSceneItemTransform(sceneitems.NewGetSceneItemTransformParams().WithSceneName("Live").
		WithSceneItemId(id.SceneItemId))).SceneItemTransform
	if tr.PositionX != video.BaseWidth-320*tr.ScaleX || tr.PositionY != video.BaseHeight-180*tr.ScaleY || tr.Alignment != 5 {
		t.Fatalf("placed at %v,%v (alignment %v) on a %vx%v canvas, want its bottom-right corner", tr.PositionX, tr.PositionY, tr.Alignment, video.BaseWidth, video.BaseHeight)
	}

	rec := postSources(t, m, `{"scene":"Scene","sources":[{"name":"LTTH Goal","url":"http://127.0.0.1:4000/overlay/goal.html?id=g1","width":600,"height":120}]}`)
	switch {
	case rec.Code == 200:
		set := must(p.Inputs.GetInputSettings(inputs.NewGetInputSettingsParams().WithInputName("LTTH Goal"))).InputSettings
		if set["width"] != float64(600) {
			t.Fatalf("created source settings %v", set)
		}
	case rec.Code == 422 && strings.Contains(rec.Body.String(), "no Browser source"):
		// this OBS build cannot have browser sources: said clearly
	default:
		t.Fatalf("new source: %d %s", rec.Code, rec.Body)
	}

	for _, bad := range []string{
		`{"sources":[]}`,
		`{"sources":[{"name":"x","url":"javascript:alert(1)","width":10,"height":10}]}`,
		`{"sources":[{"name":"x","url":"http://127.0.0.1:3000/","width":0,"height":10}]}`,
		`{"sources":[{"name":" x","url":"http://127.0.0.1:3000/","width":10,"height":10}]}`,
		`{"sources":[{"name":"x","url":"http://a/","width":1,"height":1},{"name":"x","url":"http://a/","width":1,"height":1}]}`,
		`{"sources":[{"name":"x","url":"http://a/","width":1,"height":1,"extra":1}]}`,
		`{"sources":[{"name":"x","url":"http://a/","width":1,"height":1,"anchor":"middle"}]}`,
	} {
		if rec := postSources(t, m, bad); rec.Code != 400 {
			t.Errorf("%s: %d %s, want 400", bad, rec.Code, rec.Body)
		}
	}
}

// TestBrowserSourcesWhenOBSIsDown: a clear 503, nothing queued.
func TestBrowserSourcesWhenOBSIsDown(t *testing.T) {
	m := startModule(t, bus.New(), Settings{Host: "127.0.0.1", Port: 1, Enabled: true})
	rec := postSources(t, m, `{"sources":[{"name":"LTTH Alerts","url":"http://127.0.0.1:3000/overlay.html","width":1920,"height":1080}]}`)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "not connected") {
		t.Fatalf("OBS down: %d %s", rec.Code, rec.Body)
	}
}

func TestFollowListenerKeepsTheDesignersQuery(t *testing.T) {
	for _, c := range []struct{ have, want, out string }{
		{"http://127.0.0.1:3000/overlay.html", "http://127.0.0.1:4000/overlay.html", "http://127.0.0.1:4000/overlay.html"},
		{"http://127.0.0.1:3000/overlay.html?preset=Main", "http://127.0.0.1:4000/overlay.html", "http://127.0.0.1:4000/overlay.html?preset=Main"},
		{"http://127.0.0.1:4000/overlay.html?preset=Main", "http://127.0.0.1:4000/overlay.html", "http://127.0.0.1:4000/overlay.html?preset=Main"},
		{"http://127.0.0.1:3000/overlay/goal.html?id=g1&accent=%23fff", "http://127.0.0.1:4000/overlay/goal.html?id=g1", "http://127.0.0.1:4000/overlay/goal.html?id=g1&accent=%23fff"},
		{"http://127.0.0.1:3000/overlay/goal.html?id=g2", "http://127.0.0.1:4000/overlay/goal.html?id=g1", "http://127.0.0.1:4000/overlay/goal.html?id=g1"},
		{"http://127.0.0.1:3000/other.html?x=1", "http://127.0.0.1:4000/overlay.html", "http://127.0.0.1:4000/overlay.html"},
		{"", "http://127.0.0.1:4000/overlay.html", "http://127.0.0.1:4000/overlay.html"},
	} {
		if got := followListener(c.have, c.want); got != c.out {
			t.Errorf("followListener(%q, %q) = %q, want %q", c.have, c.want, got, c.out)
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"image/jpeg"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/obs"
	"github.com/ltth/ltth/backend/obs/obstest"
)

// obsoscSame fails unless the bound result and the REST body are the same
// JSON value.
func obsoscSame(t *testing.T, what string, bound any, code int, rest []byte) {
	t.Helper()
	b, _ := json.Marshal(bound)
	var x, y any
	if code != http.StatusOK || json.Unmarshal(b, &x) != nil || json.Unmarshal(rest, &y) != nil || !reflect.DeepEqual(x, y) {
		t.Fatalf("%s: bound %s\nREST %d %s", what, b, code, rest)
	}
}

// obsoscCodes fails unless a bound call failed with code and the REST call
// for the same method answered status with the same code in its body.
func obsoscCodes(t *testing.T, what string, boundErr error, status int, rest []byte, code string) {
	t.Helper()
	var be, re service.Error
	if boundErr == nil || json.Unmarshal([]byte(boundErr.Error()), &be) != nil || be.Code != code {
		t.Fatalf("%s (bound): %v, want code %q", what, boundErr, code)
	}
	if json.Unmarshal(rest, &re) != nil || re.Code != code || status != httpStatusOf(code) {
		t.Fatalf("%s (REST): %d %s, want %d with code %q", what, status, rest, httpStatusOf(code), code)
	}
}

func httpStatusOf(code string) int {
	return map[string]int{"invalid": 400, "not_found": 404, "unprocessable": 422, "unavailable": 503}[code]
}

// The OBS service against a real headless OBS: the bound methods answer
// what the REST routes answer (settings, status, state, choice lists, the
// screenshot as the same JPEG the route sends as its body), and failures
// carry the same code on both transports.
func TestOBSServiceBoundMatchesREST(t *testing.T) {
	srv := obstest.Start(t, "svc-obs-pw-1")
	a := startedApp(t)
	s := &OBSService{a}
	off := false
	if _, err := s.SaveSettings(obs.SettingsPatch{Enabled: &off}); err != nil {
		t.Fatal(err)
	}
	_, err := s.SetScene(obs.SceneRequest{Name: "Scene"})
	code, body := apiCall(t, a, http.MethodPost, "/api/obs/scene", `{"name":"Scene"}`)
	obsoscCodes(t, "scene while OBS is off", err, code, body, "unavailable")

	on, pw := true, srv.Password
	v, err := s.SaveSettings(obs.SettingsPatch{Host: &srv.Host, Port: &srv.Port, Password: &pw, Enabled: &on})
	if err != nil || v.Password != obs.Mask || !v.PasswordSet || v.Port != srv.Port {
		t.Fatalf("bound save: %+v %v", v, err)
	}
	got, _ := s.Settings()
	code, body = apiCall(t, a, http.MethodGet, "/api/obs/settings", "")
	obsoscSame(t, "settings", got, code, body)

	deadline := time.Now().Add(30 * time.Second)
	for st, _ := s.State(); !st.Connected || len(st.Scenes) == 0; st, _ = s.State() {
		if time.Now().After(deadline) {
			t.Fatalf("OBS state never arrived: %+v", st)
		}
		time.Sleep(50 * time.Millisecond)
	}
	status, _ := s.Status()
	code, body = apiCall(t, a, http.MethodGet, "/api/obs/status", "")
	obsoscSame(t, "status", status, code, body)
	state, _ := s.State()
	code, body = apiCall(t, a, http.MethodGet, "/api/obs/state", "")
	obsoscSame(t, "state", state, code, body)
	scenes, err := s.Options(obs.OptionsRequest{Kind: "scenes"})
	code, body = apiCall(t, a, http.MethodGet, "/api/obs/options?kind=scenes", "")
	if err != nil || len(scenes) == 0 || scenes[0].Value != "Scene" {
		t.Fatalf("bound scene list: %+v %v", scenes, err)
	}
	obsoscSame(t, "scene list", scenes, code, body)

	res, err := s.SetScene(obs.SceneRequest{Name: "Scene"})
	code, body = apiCall(t, a, http.MethodPost, "/api/obs/scene", `{"name":"Scene"}`)
	if err != nil || !res.OK || res.State.CurrentScene != "Scene" || code != http.StatusOK || !strings.Contains(string(body), `"ok":true`) {
		t.Fatalf("switch scene: bound %+v %v, REST %d %s", res, err, code, body)
	}
	_, err = s.SetScene(obs.SceneRequest{Name: "No such scene"})
	code, body = apiCall(t, a, http.MethodPost, "/api/obs/scene", `{"name":"No such scene"}`)
	obsoscCodes(t, "unknown scene", err, code, body, "unprocessable")
	_, err = s.Options(obs.OptionsRequest{Kind: "cameras"})
	code, body = apiCall(t, a, http.MethodGet, "/api/obs/options?kind=cameras", "")
	obsoscCodes(t, "unknown option kind", err, code, body, "invalid")
	_, err = s.Command(obs.Command{Op: obs.OpSetSourceVisible, Scene: "Scene"})
	code, body = apiCall(t, a, http.MethodPost, "/api/obs/command", `{"op":"setSourceVisible","scene":"Scene"}`)
	obsoscCodes(t, "command without a source", err, code, body, "invalid")
	_, err = s.BrowserSources(obs.BrowserSourcesRequest{Sources: []obs.OverlaySource{{Name: "X", URL: "ftp://x", Width: 1, Height: 1}}})
	code, body = apiCall(t, a, http.MethodPost, "/api/obs/browser-sources", `{"sources":[{"name":"X","url":"ftp://x","width":1,"height":1}]}`)
	obsoscCodes(t, "browser source with an ftp URL", err, code, body, "invalid")
	_, err = s.AddOverlays(obs.OverlaysRequest{Scene: " "})
	code, body = apiCall(t, a, http.MethodPost, "/api/obs/overlays", `{"scene":" "}`)
	obsoscCodes(t, "overlays without a scene", err, code, body, "invalid")

	shot, err := s.Screenshot()
	if err != nil || shot.ContentType != "image/jpeg" {
		t.Fatalf("bound screenshot: %s %v", shot.ContentType, err)
	}
	ctype, img := obsScreenshotREST(t, a)
	for name, b := range map[string][]byte{"bound": shot.Data, "REST": img} {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
		if err != nil || cfg.Width != 480 {
			t.Fatalf("%s screenshot: %+v %v", name, cfg, err)
		}
	}
	if ctype != shot.ContentType {
		t.Fatalf("REST screenshot is %q, bound says %q", ctype, shot.ContentType)
	}
	// The binding's JSON carries the bytes as base64 (what the page decodes).
	if raw, _ := json.Marshal(shot); !bytes.Contains(raw, []byte(`"data":"/9j/`)) {
		t.Fatalf("bound screenshot JSON: %.80s", raw)
	}
}

func obsScreenshotREST(t *testing.T, a *App) (string, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, a.core.URL()+"/api/obs/screenshot", nil)
	req.Header.Set("Authorization", "Bearer "+a.core.Token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("REST screenshot: %d %s", resp.StatusCode, b)
	}
	return resp.Header.Get("Content-Type"), b
}

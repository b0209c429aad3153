package soundboard

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/plugins/internal/plugintest"
)

// start runs the plugin with its data directory in a temp dir.
func start(t *testing.T, settings string) *plugintest.Env {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	env := plugintest.New(t)
	env.Start(ID, settings)
	return env
}

// upload posts raw audio as the dashboard does.
func upload(t *testing.T, env *plugintest.Env, name string, body []byte) (int, string) {
	t.Helper()
	return env.Do(http.MethodPost, "/api/plugins/soundboard/library?name="+name, string(body))
}

func TestLibraryUploadsAndLimits(t *testing.T) {
	env := start(t, `{"maxFileMB": 1}`)
	code, out := upload(t, env, "boom", testMP3(t))
	if code != 200 {
		t.Fatalf("upload: %d %s", code, out)
	}
	var snd Sound
	_ = json.Unmarshal([]byte(out), &snd)
	if snd.Mime != "audio/mpeg" || snd.Size != int64(len(testMP3(t))) || !idRe.MatchString(snd.ID) {
		t.Fatalf("sound %+v", snd)
	}
	res, err := http.Get(env.URL("/api/plugins/soundboard/files/" + snd.ID))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.Header.Get("Content-Type") != "audio/mpeg" || !bytes.Equal(got, testMP3(t)) {
		t.Fatalf("served file: %s, %d bytes", res.Header.Get("Content-Type"), len(got))
	}
	for _, c := range []struct {
		name string
		body []byte
		code int
	}{
		{"page", []byte("<html><script>alert(1)</script>"), 422},
		{"huge", append(testWAV(10, 440)[:44], make([]byte, 1<<20)...), 413},
		{"", testMP3(t), 400},
	} {
		if code, out := upload(t, env, c.name, c.body); code != c.code || !strings.Contains(out, `"error"`) {
			t.Errorf("upload %q: %d %s, want %d", c.name, code, out, c.code)
		}
	}
	if code, out := env.Do(http.MethodGet, "/api/plugins/soundboard/library", ""); code != 200 || strings.Count(out, `"id"`) != 1 {
		t.Errorf("only the good upload is in the library: %s", out)
	}
	if code, _ := env.Do(http.MethodPatch, "/api/plugins/soundboard/library/"+snd.ID, `{"volume": 0.5}`); code != 200 {
		t.Errorf("patch volume: %d", code)
	}
	if code, _ := env.Do(http.MethodDelete, "/api/plugins/soundboard/library/"+snd.ID, ""); code != 200 {
		t.Errorf("delete: %d", code)
	}
	if code, _ := env.Do(http.MethodGet, "/api/plugins/soundboard/files/"+snd.ID, ""); code != 404 {
		t.Errorf("deleted file still served: %d", code)
	}
}

func TestUploadOverTheListenersLimitSaysSo(t *testing.T) {
	env := start(t, `{"maxFileMB": 5}`)
	code, out := upload(t, env, "big", append(testWAV(10, 440)[:44], make([]byte, 3<<19)...))
	if code != 413 || !strings.Contains(out, "local API") || !strings.Contains(out, "by URL") {
		t.Fatalf("%d %s", code, out)
	}
}

func TestSearchDownloadMapAndPlay(t *testing.T) {
	site := fakeSite(t)
	env := start(t, `{"myInstantsBaseUrl": "`+site.URL+`", "timeoutSeconds": 1, "volume": 50}`)
	code, out := env.Do(http.MethodGet, "/api/plugins/soundboard/search?q=airhorn", "")
	var found []Instant
	if code != 200 || json.Unmarshal([]byte(out), &found) != nil || len(found) != 3 {
		t.Fatalf("search: %d %s", code, out)
	}
	if code, out := env.Do(http.MethodGet, "/api/plugins/soundboard/category?name=memes", ""); code != 503 || !strings.Contains(out, "layout") {
		t.Errorf("changed layout through the API: %d %s", code, out)
	}
	code, out = env.Do(http.MethodPost, "/api/plugins/soundboard/library/download", `{"name":"MLG","url":"`+found[0].MP3URL+`"}`)
	var snd Sound
	if code != 200 || json.Unmarshal([]byte(out), &snd) != nil || snd.Source != "download" {
		t.Fatalf("download: %d %s", code, out)
	}
	if code, out := env.Do(http.MethodPost, "/api/plugins/soundboard/library/download", `{"name":"page","url":"`+site.URL+`/media/page.html"}`); code != 422 {
		t.Errorf("an HTML page downloaded as a sound: %d %s", code, out)
	}
	if code, out := env.Do(http.MethodPut, "/api/plugins/soundboard/mappings", `[{"trigger":"gift","sound":"x"}]`); code != 400 || !strings.Contains(out, "gift id") {
		t.Errorf("bad mapping accepted: %d %s", code, out)
	}
	code, out = env.Do(http.MethodPut, "/api/plugins/soundboard/mappings",
		`[{"trigger":"gift","giftId":5655,"sound":"`+snd.ID+`","volume":0.8,"animation":"https://cdn.example/rose.gif"}]`)
	if code != 200 {
		t.Fatalf("mappings: %d %s", code, out)
	}
	plays := env.Watch("plugin:soundboard:play")
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventGift, User: domain.User{UserID: "u", Nickname: "Ann"}, GiftID: 5655, GiftName: "Rosa", DiamondCount: 1, RepeatCount: 1})
	var p Play
	plugintest.JSON(t, plays.Next().Data, &p)
	code, out = env.Do(http.MethodGet, "/api/plugins/soundboard/gifts", "")
	var gifts []Gift
	if code != 200 || json.Unmarshal([]byte(out), &gifts) != nil || len(gifts) < 900 {
		t.Fatalf("gifts: %d", code)
	}
	for _, g := range gifts {
		if g.ID == 5655 && (!g.Live || g.Name != "Rosa" || g.Diamonds != 1) {
			t.Errorf("the live gift (localized name) does not replace the bundled one: %+v", g)
		}
	}
	if p.URL != "/api/plugins/soundboard/files/"+snd.ID || p.Volume < 0.399 || p.Volume > 0.401 || p.Label != "MLG" ||
		p.Animation != "https://cdn.example/rose.gif" || p.Reason != "gift" || p.User != "Ann" {
		t.Fatalf("play %+v", p)
	}
	stops := env.Watch("plugin:soundboard:stop")
	if code, _ := env.Do(http.MethodPost, "/api/plugins/soundboard/stop", ""); code != 200 {
		t.Fatal("stop")
	}
	stops.Next()
	if _, err := env.Exec(ActionPlay, `{"sound":"https://cdn.example/a.mp3","volume":100}`, nil); err != nil {
		t.Fatal(err)
	}
	plugintest.JSON(t, plays.Next().Data, &p)
	if p.URL != "https://cdn.example/a.mp3" || p.Volume != 0.5 || p.Reason != "flow" {
		t.Fatalf("flow play %+v", p)
	}
	if _, err := env.Exec(ActionPlay, `{"sound":"nope","volume":100}`, nil); err == nil || !strings.Contains(err.Error(), "library") {
		t.Errorf("unknown sound: %v", err)
	}
	if _, err := env.Exec(ActionStopAll, `{}`, nil); err != nil {
		t.Fatal(err)
	}
	stops.Next()
	if err := env.SetSettings(`{"muted": true, "myInstantsBaseUrl": "` + site.URL + `"}`); err != nil {
		t.Fatal(err)
	}
	rh, err := env.Exec(ActionPlay, `{"sound":"https://cdn.example/a.mp3","volume":100}`, nil)
	if err != nil || len(rh.Notes) != 1 || !strings.Contains(rh.Notes[0], "muted") {
		t.Fatalf("muted play: %v %v", err, rh)
	}
}

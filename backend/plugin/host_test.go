package plugin_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/plugin"
	"github.com/ltth/ltth/backend/plugin/plugintest"
	"github.com/ltth/ltth/backend/plugin/plugintest/sample"
)

type hello struct {
	ID       string `json:"id"`
	Greeting string `json:"greeting"`
	Chats    int64  `json:"chats"`
	Ticks    int64  `json:"ticks"`
}

func getHello(t *testing.T, e *plugintest.Env, id string) (int, hello) {
	t.Helper()
	code, body := e.Do(t, "GET", "/api/plugins/"+id+"/hello", "")
	var h hello
	if code == http.StatusOK {
		if err := json.Unmarshal([]byte(body), &h); err != nil {
			t.Fatalf("hello: %v in %s", err, body)
		}
	}
	return code, h
}

func chat(e *plugintest.Env, text string) {
	e.Bus.PublishEvent(&domain.Event{Type: domain.EventChat, Comment: text, User: domain.User{UserID: "1"}})
}

func TestLifecycleEverythingThroughTheHost(t *testing.T) {
	e := plugintest.Start(t, sample.New("alpha", sample.Behaviour{DefaultEnabled: true}),
		sample.New("beta", sample.Behaviour{}))
	if inf := e.Info(t, "alpha"); inf.State != plugin.StateRunning || !inf.Enabled {
		t.Fatalf("alpha (default enabled) = %+v", inf)
	}
	if inf := e.Info(t, "beta"); inf.State != plugin.StateStopped || inf.Enabled {
		t.Fatalf("beta (default disabled) = %+v", inf)
	}
	code, body := e.Do(t, "GET", "/api/plugins", "")
	if code != 200 || !strings.Contains(body, `"id":"alpha"`) || !strings.Contains(body, `"permissions":["events"]`) ||
		!strings.Contains(body, `"overlays":[{"path":"overlay.html"`) || !strings.Contains(body, `"name":"greeting"`) {
		t.Fatalf("GET /api/plugins = %d %s", code, body)
	}
	// Routes, assets and blocks.
	if code, h := getHello(t, e, "alpha"); code != 200 || h.Greeting != "hi" {
		t.Fatalf("hello = %d %+v", code, h)
	}
	if code, body := e.Do(t, "GET", "/plugins/alpha/overlay.html", ""); code != 200 || !strings.Contains(body, "<title>alpha</title>") {
		t.Fatalf("asset = %d %s", code, body)
	}
	if _, ok := e.Registry.Action("alpha.say"); !ok {
		t.Fatal("alpha.say not registered")
	}
	// Mutating plugin routes need the token like every route.
	resp, err := http.Post(e.URL+"/api/plugins/alpha/emit", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusForbidden {
		t.Fatalf("emit without token = %d", resp.StatusCode)
	}
	// Subscription, timer, publish.
	sub := e.Bus.Subscribe("test", 16, func(m *domain.Message) bool { return strings.HasPrefix(m.Type, "plugin:alpha:") })
	defer sub.Close()
	for range 5 {
		chat(e, "hello")
	}
	plugintest.Eventually(t, "5 chats and ticks", func() bool {
		_, h := getHello(t, e, "alpha")
		return h.Chats == 5 && h.Ticks > 0
	})
	if code, _ := e.Do(t, "POST", "/api/plugins/alpha/emit", `{"n":7}`); code != http.StatusNoContent {
		t.Fatalf("emit = %d", code)
	}
	select {
	case m := <-sub.C():
		if m.Type != "plugin:alpha:ping" {
			t.Fatalf("published %q", m.Type)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("plugin event not published")
	}
	// KV lives in the profile database, namespaced.
	if code, _ := e.Do(t, "PUT", "/api/plugins/alpha/kv/score", `{"v":1}`); code != http.StatusNoContent {
		t.Fatalf("kv put = %d", code)
	}
	if v, ok, _ := e.DB.PluginKVGet("alpha", "score"); !ok || string(v) != `{"v":1}` {
		t.Fatalf("kv row = %s %v", v, ok)
	}
	if code, body := e.Do(t, "GET", "/api/plugins/alpha/logs", ""); code != 200 || !strings.Contains(body, "sample started") {
		t.Fatalf("logs = %d %s", code, body)
	}
}

func TestEnableDisableReloadUnmountWithoutLeaks(t *testing.T) {
	e := plugintest.Start(t, sample.New("alpha", sample.Behaviour{}))
	states := e.Bus.Subscribe("states", 64, func(m *domain.Message) bool { return m.Type == plugin.StateType })
	defer states.Close()
	base := plugintest.SnapshotGoroutines()
	for round := range 3 {
		if code, body := e.Do(t, "POST", "/api/plugins/alpha/enable", ""); code != 200 || !strings.Contains(body, `"state":"running"`) {
			t.Fatalf("round %d enable = %d %s", round, code, body)
		}
		if code, _ := getHello(t, e, "alpha"); code != 200 {
			t.Fatalf("round %d: route not mounted: %d", round, code)
		}
		if code, _ := e.Do(t, "POST", "/api/plugins/alpha/reload", ""); code != 200 {
			t.Fatalf("reload = %d", code)
		}
		if code, _ := e.Do(t, "GET", "/plugins/alpha/overlay.html", ""); code != 200 {
			t.Fatalf("round %d: asset after reload = %d", round, code)
		}
		changed := e.BlocksChanged.Load()
		if code, body := e.Do(t, "POST", "/api/plugins/alpha/disable", ""); code != 200 || !strings.Contains(body, `"state":"stopped"`) {
			t.Fatalf("disable = %d %s", code, body)
		}
		if code, _ := getHello(t, e, "alpha"); code != http.StatusNotFound {
			t.Fatalf("route after disable = %d, want 404", code)
		}
		if code, _ := e.Do(t, "GET", "/plugins/alpha/overlay.html", ""); code != http.StatusNotFound {
			t.Fatalf("asset after disable = %d, want 404", code)
		}
		if _, ok := e.Registry.Action("alpha.say"); ok {
			t.Fatal("block still registered after disable")
		}
		if e.BlocksChanged.Load() == changed {
			t.Fatal("flow engine not told that blocks were removed")
		}
		base.AssertNoLeaks(t)
	}
	// The dashboard gets every change as a retained "plugins" message.
	var last domain.Message
	for n := len(states.C()); n > 0; n-- {
		last = <-states.C()
	}
	if infos, ok := last.Data.([]plugin.Info); last.Key != plugin.StateType || !ok || infos[0].State != plugin.StateStopped {
		t.Fatalf("last state message = %+v", last)
	}
	// The choice survives a restart.
	e.StopHost(t)
	e.StartHost(t)
	if inf := e.Info(t, "alpha"); inf.Enabled || inf.State != plugin.StateStopped {
		t.Fatalf("after restart (disabled) = %+v", inf)
	}
	e.Do(t, "POST", "/api/plugins/alpha/enable", "")
	e.StopHost(t)
	e.StartHost(t)
	if inf := e.Info(t, "alpha"); !inf.Enabled || inf.State != plugin.StateRunning {
		t.Fatalf("after restart (enabled) = %+v", inf)
	}
	if code, _ := e.Do(t, "POST", "/api/plugins/nope/enable", ""); code != http.StatusNotFound {
		t.Fatalf("unknown plugin = %d", code)
	}
}

func TestFailingPluginsAreIsolated(t *testing.T) {
	e := plugintest.Start(t,
		sample.New("panics", sample.Behaviour{DefaultEnabled: true, PanicOnStart: true}),
		sample.New("fails", sample.Behaviour{DefaultEnabled: true, FailStart: true}),
		sample.New("good", sample.Behaviour{DefaultEnabled: true}),
		sample.New("other", sample.Behaviour{DefaultEnabled: true}))
	if inf := e.Info(t, "panics"); inf.State != plugin.StateError || !strings.Contains(inf.Error, "start panicked: sample: told to panic") {
		t.Fatalf("panics = %+v", inf)
	}
	if inf := e.Info(t, "fails"); inf.State != plugin.StateError || !strings.Contains(inf.Error, "told to fail") {
		t.Fatalf("fails = %+v", inf)
	}
	if code, _ := e.Do(t, "GET", "/plugins/panics/overlay.html", ""); code != http.StatusNotFound {
		t.Fatalf("failed plugin's assets = %d", code)
	}
	// A panicking handler: 500, the plugin is stopped and marked error.
	if code, _ := e.Do(t, "POST", "/api/plugins/good/boom", ""); code != http.StatusInternalServerError {
		t.Fatalf("boom = %d", code)
	}
	inf := e.WaitState(t, "good", plugin.StateError)
	if !strings.Contains(inf.Error, "sample: boom") {
		t.Fatalf("good after boom = %+v", inf)
	}
	if code, _ := getHello(t, e, "good"); code != http.StatusNotFound {
		t.Fatalf("route of a failed plugin = %d", code)
	}
	// A panicking subscriber.
	chat(e, "!panic other")
	inf = e.WaitState(t, "other", plugin.StateError)
	if !strings.Contains(inf.Error, "subscriber told to panic") {
		t.Fatalf("other = %+v", inf)
	}
	// Each recovered panic (start, handler, subscriber) went to the crash reporter.
	if n := e.Panics.Load(); n != 3 {
		t.Fatalf("panics reported = %d, want 3", n)
	}
	// Enabling again restarts a plugin in error state.
	if code, body := e.Do(t, "POST", "/api/plugins/good/enable", ""); code != 200 || !strings.Contains(body, `"state":"running"`) {
		t.Fatalf("re-enable = %d %s", code, body)
	}
	chat(e, "still alive")
	plugintest.Eventually(t, "good sees chat", func() bool { _, h := getHello(t, e, "good"); return h.Chats == 1 })
}

func TestSettingsNamespacedValidatedAndApplied(t *testing.T) {
	e := plugintest.Start(t, sample.New("alpha", sample.Behaviour{DefaultEnabled: true}),
		sample.New("beta", sample.Behaviour{DefaultEnabled: true}))
	if code, body := e.Do(t, "GET", "/api/plugins/alpha/settings", ""); code != 200 || body != `{"count":3,"greeting":"hi"}`+"\n" {
		t.Fatalf("defaults = %d %q", code, body)
	}
	if code, body := e.Do(t, "PUT", "/api/plugins/alpha/settings", `{"greeting":"hello alpha"}`); code != 200 || !strings.Contains(body, `"greeting":"hello alpha"`) {
		t.Fatalf("put = %d %s", code, body)
	}
	_, body := e.Do(t, "GET", "/api/plugins/beta/settings", "")
	if !strings.Contains(body, `"greeting":"hi"`) {
		t.Fatalf("beta's settings changed with alpha's: %s", body)
	}
	if _, h := getHello(t, e, "alpha"); h.Greeting != "hello alpha" {
		t.Fatalf("running plugin did not get new settings: %+v", h)
	}
	for _, bad := range []string{`{"greting":"x"}`, `{"count":"three"}`, `[1]`} {
		if code, body := e.Do(t, "PUT", "/api/plugins/alpha/settings", bad); code != http.StatusUnprocessableEntity {
			t.Fatalf("PUT %s = %d %s, want 422", bad, code, body)
		}
	}
	for _, bad := range []string{`{"count":1} {}`, `not json`} { // not one JSON value: 400
		if code, body := e.Do(t, "PUT", "/api/plugins/alpha/settings", bad); code != http.StatusBadRequest {
			t.Fatalf("PUT %s = %d %s, want 400", bad, code, body)
		}
	}
	// Settings the plugin itself refuses (its Start fails with them): 422,
	// and it runs on with the previous ones.
	if code, body := e.Do(t, "PUT", "/api/plugins/alpha/settings", `{"greeting":"reject"}`); code != http.StatusUnprocessableEntity || !strings.Contains(body, "is not accepted") {
		t.Fatalf("PUT refused by the plugin = %d %s", code, body)
	}
	if inf := e.Info(t, "alpha"); inf.State != plugin.StateRunning {
		t.Fatalf("alpha after refused settings = %+v", inf)
	}
	if _, body := e.Do(t, "GET", "/api/plugins/alpha/settings", ""); !strings.Contains(body, `"greeting":"hello alpha"`) {
		t.Fatalf("rejected PUT changed settings: %s", body)
	}
	if _, h := getHello(t, e, "alpha"); h.Greeting != "hello alpha" {
		t.Fatalf("alpha runs with %+v after refused settings", h)
	}
	e.StopHost(t)
	e.StartHost(t)
	if _, h := getHello(t, e, "alpha"); h.Greeting != "hello alpha" {
		t.Fatalf("settings lost over restart: %+v", h)
	}
	// Stored settings an older version wrote (a renamed field, a retyped
	// one) do not keep the plugin from starting: those fall back to defaults.
	if err := e.DB.SetSetting("plugin.beta.settings", `{"greeting":"kept","count":"three","old":1}`); err != nil {
		t.Fatal(err)
	}
	e.Do(t, "POST", "/api/plugins/beta/reload", "")
	if code, h := getHello(t, e, "beta"); code != 200 || h.Greeting != "kept" {
		t.Fatalf("beta with outdated settings = %d %+v", code, h)
	}
	if _, body := e.Do(t, "GET", "/api/plugins/beta/settings", ""); !strings.Contains(body, `"count":3`) {
		t.Fatalf("retyped setting did not fall back to its default: %s", body)
	}
}

func TestPluginBlocksMustBeNamespaced(t *testing.T) {
	reg := plugin.Registration{Manifest: plugin.Manifest{ID: "rogue", Name: "Rogue", Version: "1"},
		New: func() plugin.Plugin { return rogue{} }}
	e2 := plugintest.Start(t, reg)
	e2.Do(t, "POST", "/api/plugins/rogue/enable", "")
	if inf := e2.Info(t, "rogue"); inf.State != plugin.StateError || !strings.Contains(inf.Error, `must start with "rogue."`) {
		t.Fatalf("rogue = %+v", inf)
	}
	if _, ok := e2.Registry.Action("alert.show"); ok {
		t.Fatal("a plugin took over a core block type")
	}
}

func TestTimerPanicAndStuckStopAreIsolated(t *testing.T) {
	hang := make(chan struct{})
	defer close(hang)
	e := plugintest.Start(t,
		sample.New("ticker", sample.Behaviour{DefaultEnabled: true, PanicInTimer: true}),
		sample.New("stuck", sample.Behaviour{DefaultEnabled: true, Hang: hang}),
		sample.New("fine", sample.Behaviour{DefaultEnabled: true}))
	if inf := e.WaitState(t, "ticker", plugin.StateError); !strings.Contains(inf.Error, "timer told to panic") {
		t.Fatalf("ticker = %+v", inf)
	}
	code, body := e.Do(t, "POST", "/api/plugins/stuck/disable", "")
	if code != 200 || !strings.Contains(body, `"state":"error"`) || !strings.Contains(body, "did not end within the stop timeout") {
		t.Fatalf("stuck disable = %d %s", code, body)
	}
	if code, _ := getHello(t, e, "stuck"); code != http.StatusNotFound {
		t.Fatalf("stuck plugin still routed: %d", code)
	}
	if inf := e.Info(t, "fine"); inf.State != plugin.StateRunning {
		t.Fatalf("fine = %+v", inf)
	}
}

func TestBlockPrefixes(t *testing.T) {
	if got := strings.Join(plugin.BlockPrefixes("emoji-rain"), " "); got != "emoji-rain. emojiRain." {
		t.Fatalf("emoji-rain: %s", got)
	}
	if got := strings.Join(plugin.BlockPrefixes("hud"), " "); got != "hud." {
		t.Fatalf("hud: %s", got)
	}
}

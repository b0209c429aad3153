package obs

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/requests/filters"
	"github.com/andreykaipov/goobs/api/requests/inputs"
	"github.com/andreykaipov/goobs/api/requests/sceneitems"
	"github.com/andreykaipov/goobs/api/requests/scenes"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/obs/obstest"
)

// TestAgainstRealOBS drives a real headless OBS: connect with a password,
// list scenes, create a scene and inputs, switch scenes, toggle visibility
// and a filter, set text; then kill OBS and see the bridge reconnect and
// take commands again.
func TestAgainstRealOBS(t *testing.T) {
	srv := obstest.Start(t, "itest-pw-123")
	b := bus.New()
	events := b.Subscribe("test", 1024, nil)
	// An overlay source added earlier with an old listener address.
	p := peer(t, srv)
	must(p.Inputs.CreateInput(inputs.NewCreateInputParams().WithSceneName("Scene").WithInputName("LTTH Alerts").
		WithInputKind("text_ft2_source_v2").WithInputSettings(map[string]any{"url": "http://127.0.0.1:3000/overlay.html"})))
	m := startModuleWith(t, b, settingsFor(srv), func() []OverlaySource {
		return []OverlaySource{{Name: "LTTH Alerts", URL: "http://127.0.0.1:4000/overlay.html", Width: 1920, Height: 1080}}
	})
	eventually(t, 20*time.Second, "connected", func() bool { return m.Status().Connected })
	eventually(t, 15*time.Second, "overlay URL updated to the new port", func() bool {
		set := must(p.Inputs.GetInputSettings(inputs.NewGetInputSettingsParams().WithInputName("LTTH Alerts")))
		return set.InputSettings["url"] == "http://127.0.0.1:4000/overlay.html"
	})
	eventually(t, 15*time.Second, "scene list", func() bool { return len(m.State().Scenes) > 0 })
	if st := m.State(); st.CurrentScene != "Scene" || st.Scenes[0].Name != "Scene" {
		t.Fatalf("state = %+v, want the default scene", st)
	}

	must(p.Scenes.CreateScene(scenes.NewCreateSceneParams().WithSceneName("Cam 2")))
	must(p.Inputs.CreateInput(inputs.NewCreateInputParams().WithSceneName("Scene").WithInputName("Caption").
		WithInputKind("text_ft2_source_v2").WithInputSettings(map[string]any{"text": "hello"}).WithSceneItemEnabled(true)))
	must(p.Filters.CreateSourceFilter(filters.NewCreateSourceFilterParams().WithSourceName("Caption").
		WithFilterName("Tint").WithFilterKind("color_filter_v2").WithFilterSettings(map[string]any{"opacity": 0.5})))
	// The mirrored state follows OBS's events.
	eventually(t, 15*time.Second, "new scene, source and filter in the state", func() bool {
		st := m.State()
		return len(st.Scenes) == 2 && hasFilter(st, "Caption", "Tint", true)
	})

	ctx := context.Background()
	do := func(c Command) {
		t.Helper()
		if err := m.Do(ctx, c); err != nil {
			t.Fatalf("%s: %v", c.Op, err)
		}
	}
	do(Command{Op: OpSetScene, Scene: "Cam 2"})
	cur := must(p.Scenes.GetCurrentProgramScene())
	if cur.CurrentProgramSceneName != "Cam 2" {
		t.Fatalf("program scene = %q", cur.CurrentProgramSceneName)
	}
	waitMessage(t, events, TypeSceneChanged, `"scene":"Cam 2"`)

	do(Command{Op: OpSetSourceVisible, Scene: "Scene", Source: "Caption", On: false})
	if itemEnabled(t, p, "Scene", "Caption") {
		t.Fatal("Caption is still visible")
	}
	eventually(t, 15*time.Second, "visibility in the state", func() bool { return !sourceVisible(m.State(), "Scene", "Caption") })

	do(Command{Op: OpSetFilterEnabled, Source: "Caption", Filter: "Tint", On: false})
	f := must(p.Filters.GetSourceFilter(filters.NewGetSourceFilterParams().WithSourceName("Caption").WithFilterName("Tint")))
	if f.FilterEnabled {
		t.Fatal("filter Tint is still enabled")
	}
	eventually(t, 15*time.Second, "filter in the state", func() bool { return hasFilter(m.State(), "Caption", "Tint", false) })

	do(Command{Op: OpSetText, Source: "Caption", Text: "Thanks Anna!"})
	set := must(p.Inputs.GetInputSettings(inputs.NewGetInputSettingsParams().WithInputName("Caption")))
	if set.InputSettings["text"] != "Thanks Anna!" {
		t.Fatalf("text = %v", set.InputSettings["text"])
	}

	// Timed visibility: shown now, hidden again after the delay.
	do(Command{Op: OpSetSourceVisible, Scene: "Scene", Source: "Caption", On: true, Seconds: 0.3})
	if !itemEnabled(t, p, "Scene", "Caption") {
		t.Fatal("Caption not shown")
	}
	eventually(t, 15*time.Second, "timed show reverted", func() bool { return !itemEnabled(t, p, "Scene", "Caption") })

	// Add to OBS: browser sources, or a clear reason when this OBS build
	// has no Browser source (Debian's obs-studio lacks obs-browser).
	added, err := m.AddOverlays(ctx, "Scene", []OverlaySource{{Name: "LTTH Leaderboard", URL: "http://127.0.0.1:3000/overlay/leaderboard.html", Width: 400, Height: 600}})
	if err != nil {
		if !strings.Contains(err.Error(), "no Browser source") {
			t.Fatalf("AddOverlays: %v", err)
		}
	} else {
		set := must(p.Inputs.GetInputSettings(inputs.NewGetInputSettingsParams().WithInputName("LTTH Leaderboard")))
		if len(added) != 1 || set.InputSettings["url"] != "http://127.0.0.1:3000/overlay/leaderboard.html" {
			t.Fatalf("overlay source settings %v", set.InputSettings)
		}
	}

	// OBS refuses an unknown scene: the error says so.
	if err := m.Do(ctx, Command{Op: OpSetScene, Scene: "Nope"}); err == nil || !strings.Contains(err.Error(), "Nope") {
		t.Fatalf("unknown scene: err = %v", err)
	}

	// Kill OBS: the bridge notices, refuses commands with a reason, then
	// reconnects and takes commands again.
	srv.Restart(t, "KILL", "1")
	waitMessage(t, events, TypeConnection, `"connected":false`)
	eventually(t, 15*time.Second, "reconnected", func() bool { return m.Status().Connected })
	waitMessage(t, events, TypeConnection, `"connected":true`)
	eventually(t, 20*time.Second, "command after restart", func() bool {
		return m.Do(ctx, Command{Op: OpSetScene, Scene: "Scene"}) == nil
	})
	p2 := peer(t, srv)
	if cur := must(p2.Scenes.GetCurrentProgramScene()); cur.CurrentProgramSceneName != "Scene" {
		t.Fatalf("after restart program scene = %q", cur.CurrentProgramSceneName)
	}
}

// TestWrongPassword: a clear reason, no connection, commands refused.
func TestWrongPassword(t *testing.T) {
	srv := obstest.Start(t, "right-pw-456")
	s := settingsFor(srv)
	s.Password = "wrong"
	m := startModule(t, bus.New(), s)
	eventually(t, 20*time.Second, "auth error", func() bool { return m.Status().State == StateError })
	st := m.Status()
	if st.Connected || !strings.Contains(st.Reason, "wrong password") || st.Code != ReasonPassword {
		t.Fatalf("status = %+v", st)
	}
	err := m.Do(context.Background(), Command{Op: OpSetScene, Scene: "Scene"})
	if err == nil || !strings.Contains(err.Error(), "wrong password") {
		t.Fatalf("Do with a wrong password: %v", err)
	}
	// Fixing the password connects.
	s.Password = srv.Password
	if err := m.SetSettings(s); err != nil {
		t.Fatal(err)
	}
	eventually(t, 20*time.Second, "connected after fixing the password", func() bool { return m.Status().Connected })
}

func itemEnabled(t testing.TB, c *goobs.Client, scene, source string) bool {
	t.Helper()
	id := must(c.SceneItems.GetSceneItemId(sceneitems.NewGetSceneItemIdParams().WithSceneName(scene).WithSourceName(source)))
	en := must(c.SceneItems.GetSceneItemEnabled(sceneitems.NewGetSceneItemEnabledParams().
		WithSceneName(scene).WithSceneItemId(id.SceneItemId)))
	return en.SceneItemEnabled
}

func sourceVisible(st State, scene, source string) bool {
	for _, sc := range st.Scenes {
		for _, s := range sc.Sources {
			if sc.Name == scene && s.Name == source {
				return s.Visible
			}
		}
	}
	return false
}

func hasFilter(st State, source, filter string, enabled bool) bool {
	for _, sc := range st.Scenes {
		for _, s := range sc.Sources {
			for _, f := range s.Filters {
				if s.Name == source && f.Name == filter && f.Enabled == enabled {
					return true
				}
			}
		}
	}
	return false
}

// waitMessage waits for a bus message of type typ whose JSON contains frag.
func waitMessage(t testing.TB, sub *bus.Subscription, typ, frag string) domain.Message {
	t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case msg := <-sub.C():
			if msg.Type == typ && strings.Contains(jsonOf(msg.Data), frag) {
				return msg
			}
		case <-timeout:
			t.Fatalf("no %s message with %s", typ, frag)
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

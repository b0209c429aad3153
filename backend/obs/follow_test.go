package obs

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/andreykaipov/goobs/api/requests/inputs"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/obs/obstest"
)

// TestFollowListenerMovesOverlaySourcesWhileConnected: after the listener
// moved (the desktop's port notice, the Settings page) the overlay sources
// LTTH added to a real OBS point at the new port at once, without waiting
// for a reconnect; the designer's query on the page survives.
func TestFollowListenerMovesOverlaySourcesWhileConnected(t *testing.T) {
	srv := obstest.Start(t, "follow-pw-123")
	p := peer(t, srv)
	must(p.Inputs.CreateInput(inputs.NewCreateInputParams().WithSceneName("Scene").WithInputName("LTTH Alerts").
		WithInputKind("text_ft2_source_v2").WithInputSettings(map[string]any{"url": "http://127.0.0.1:4000/overlay.html?preset=big"})))
	var base atomic.Value
	base.Store("http://127.0.0.1:4000")
	m := startModuleWith(t, bus.New(), settingsFor(srv), func() []OverlaySource {
		return []OverlaySource{{Name: "LTTH Alerts", URL: base.Load().(string) + "/overlay.html", Width: 1920, Height: 1080}}
	})
	eventually(t, 20*time.Second, "connected", func() bool { return m.Status().Connected })
	url := func() string {
		set := must(p.Inputs.GetInputSettings(inputs.NewGetInputSettingsParams().WithInputName("LTTH Alerts")))
		s, _ := set.InputSettings["url"].(string)
		return s
	}
	time.Sleep(500 * time.Millisecond) // the connect-time sync has nothing to change
	if got := url(); got != "http://127.0.0.1:4000/overlay.html?preset=big" {
		t.Fatalf("before the move: %q", got)
	}
	base.Store("http://127.0.0.1:4100")
	m.FollowListener()
	eventually(t, 10*time.Second, "the source on the new port", func() bool {
		return url() == "http://127.0.0.1:4100/overlay.html?preset=big"
	})
}

package core

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/events/subscriptions"
	"github.com/andreykaipov/goobs/api/requests/scenes"

	"github.com/ltth/ltth/backend/obs"
	"github.com/ltth/ltth/backend/obs/obstest"
)

func send(t *testing.T, c *Core, method, path, body string) {
	t.Helper()
	req, _ := http.NewRequest(method, c.URL()+path, bytes.NewReader([]byte(body)))
	req.Header.Set("Authorization", "Bearer "+c.Token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		t.Fatalf("%s %s: %s", method, path, resp.Status)
	}
}

// A gift through POST /api/simulate runs a flow whose obs.setScene switches
// the real OBS: the whole wiring, from the listener to OBS.
func TestSimulatedGiftSwitchesOBSScene(t *testing.T) {
	srv := obstest.Start(t, "core-pw-1")
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	send(t, c, http.MethodPut, "/api/obs/settings",
		`{"host":"127.0.0.1","port":`+strconv.Itoa(srv.Port)+`,"password":"core-pw-1","enabled":true}`)
	p, err := goobs.New("127.0.0.1:"+strconv.Itoa(srv.Port), goobs.WithPassword(srv.Password),
		goobs.WithEventSubscriptions(subscriptions.None))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Disconnect()
	if _, err := p.Scenes.CreateScene(scenes.NewCreateSceneParams().WithSceneName("Rose Cam")); err != nil {
		t.Fatal(err)
	}
	var st obs.Status
	deadline := time.Now().Add(10 * time.Second)
	for getJSON(t, c, "/api/obs/status", &st); !st.Connected; getJSON(t, c, "/api/obs/status", &st) {
		if time.Now().After(deadline) {
			t.Fatalf("OBS bridge not connected: %+v", st)
		}
		time.Sleep(50 * time.Millisecond)
	}
	send(t, c, http.MethodPut, "/api/flows/rosecam", `{"id":"rosecam","name":"Rose cam","enabled":true,
		"triggers":[{"type":"tiktok.gift"}],"actions":[{"type":"obs.setScene","config":{"scene":"{giftName} Cam"}}]}`)
	simulate(t, c, map[string]any{"type": "gift", "giftName": "Rose", "repeatCount": 1, "coins": 1})
	waitFor(t, "OBS program scene Rose Cam", func() bool {
		cur, err := p.Scenes.GetCurrentProgramScene()
		return err == nil && strings.EqualFold(cur.CurrentProgramSceneName, "Rose Cam")
	})
}

package vdoninja

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/ltth/ltth/plugins/internal/plugintest"
)

func TestLinks(t *testing.T) {
	base, err := normalizeBase("https://vdo.example.org/ninja/?x=1#y")
	if err != nil || base != "https://vdo.example.org/ninja" {
		t.Fatalf("base %q %v", base, err)
	}
	for _, bad := range []string{"javascript:alert(1)", "vdo.ninja", "ftp://vdo.ninja", ""} {
		if _, err := normalizeBase(bad); err == nil {
			t.Errorf("%q accepted as base URL", bad)
		}
	}
	r := Room{BaseURL: "https://vdo.ninja", Room: "studio7", Password: "pw9", Guests: 2}
	l := r.Links()
	want := Links{
		Director: "https://vdo.ninja/?director=studio7&password=pw9",
		Scene:    "https://vdo.ninja/?password=pw9&room=studio7&scene=0",
		Guests: []GuestLink{
			{1, "studio7g1", "https://vdo.ninja/?label=Guest1&password=pw9&push=studio7g1&room=studio7", "https://vdo.ninja/?password=pw9&room=studio7&scene=&view=studio7g1"},
			{2, "studio7g2", "https://vdo.ninja/?label=Guest2&password=pw9&push=studio7g2&room=studio7", "https://vdo.ninja/?password=pw9&room=studio7&scene=&view=studio7g2"},
		},
	}
	got, _ := json.Marshal(l)
	exp, _ := json.Marshal(want)
	if string(got) != string(exp) {
		t.Fatalf("links\n got %s\nwant %s", got, exp)
	}
}

func TestControls(t *testing.T) {
	var c Controls
	c.fit(3)
	cmds, err := c.Mute(2, true)
	if err != nil || len(cmds) != 1 || cmds[0] != (Command{Action: "mic", Target: "2", Value: false}) || !c.Guests[1].Muted {
		t.Fatalf("mute: %+v %v", cmds, err)
	}
	if _, err := c.Solo(1, true); err != nil {
		t.Fatal(err)
	}
	cmds, _ = c.Solo(3, true)
	if len(cmds) != 2 || cmds[0] != (Command{"soloVideo", "1", false}) || cmds[1] != (Command{"soloVideo", "3", true}) || c.Guests[0].Solo {
		t.Fatalf("one solo at a time: %+v", cmds)
	}
	if cmds, _ := c.Volume(1, 150); cmds[0] != (Command{"volume", "1", 150}) {
		t.Fatalf("volume: %+v", cmds)
	}
	if cmds, _ := c.SetLayout(2); cmds[0] != (Command{Action: "layout", Value: 2}) {
		t.Fatalf("layout: %+v", cmds)
	}
	for name, err := range map[string]error{
		"slot 0":     second(c.Mute(0, true)),
		"slot 4":     second(c.Solo(4, true)),
		"volume 201": second(c.Volume(1, 201)),
		"volume -1":  second(c.Volume(1, -1)),
		"layout -1":  second(c.SetLayout(-1)),
	} {
		if err == nil {
			t.Errorf("%s accepted", name)
		}
	}
	c.fit(1)
	if len(c.Guests) != 1 || c.Guests[0].Volume != 150 {
		t.Fatalf("fit keeps the first slots: %+v", c.Guests)
	}
}

func second(_ []Command, err error) error { return err }

func TestRESTAndFlowActions(t *testing.T) {
	env := plugintest.New(t)
	cmds := env.Watch("plugin:vdoninja:command")
	env.Start(ID, `{"guests": 2}`)

	code, body := env.Do("GET", "/api/plugins/vdoninja/status", "")
	var st State
	if err := json.Unmarshal([]byte(body), &st); code != 200 || err != nil {
		t.Fatalf("status %d %s", code, body)
	}
	if !alnum.MatchString(st.Room.Room) || len(st.Room.Password) != 16 || len(st.Links.Guests) != 2 ||
		!strings.HasPrefix(st.Links.Director, "https://vdo.ninja/?director="+st.Room.Room) {
		t.Fatalf("generated room: %+v", st)
	}

	code, body = env.Do("POST", "/api/plugins/vdoninja/guests/2/volume", `{"volume": 40}`)
	var c Command
	plugintest.JSON(t, cmds.Next().Data, &c)
	if code != 200 || c != (Command{Action: "volume", Target: "2", Value: float64(40)}) {
		t.Fatalf("REST volume: %d %s %+v", code, body, c)
	}
	for _, bad := range []struct {
		path, body string
		code       int
	}{
		{"/api/plugins/vdoninja/guests/3/mute", `{"muted": true}`, 400},
		{"/api/plugins/vdoninja/guests/x/mute", `{"muted": true}`, 400},
		{"/api/plugins/vdoninja/guests/1/volume", `{"volume": 500}`, 400},
		{"/api/plugins/vdoninja/guests/1/volume", `{}`, 400},
		{"/api/plugins/vdoninja/guests/1/kick", `{}`, 404},
		{"/api/plugins/vdoninja/layout", `nope`, 400},
	} {
		if code, body := env.Do("POST", bad.path, bad.body); code != bad.code || !strings.Contains(body, `"error"`) {
			t.Errorf("POST %s %s: %d %s, want %d", bad.path, bad.body, code, body, bad.code)
		}
	}
	req, _ := http.NewRequest("POST", env.URL("/api/plugins/vdoninja/layout"), strings.NewReader(`{"layout": 1}`))
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("POST without the token: %v %v", res.StatusCode, err)
	}

	if _, err := env.Exec(ActionMute, `{"guest": 1}`, nil); err != nil {
		t.Fatal(err)
	}
	plugintest.JSON(t, cmds.Next().Data, &c)
	if c != (Command{Action: "mic", Target: "1", Value: false}) {
		t.Fatalf("flow mute: %+v", c)
	}
	if _, err := env.Exec(ActionVolume, `{"guest": 1, "volume": 300}`, nil); err == nil {
		t.Fatal("volume 300 accepted by the flow action")
	}
	if _, err := env.Exec(ActionMute, `{"guest": 7}`, nil); err == nil {
		t.Fatal("a slot beyond the room accepted")
	}

	env.StopPlugin() // routes and assets go away; controls and the generated room survive a restart
	for _, path := range []string{"/api/plugins/vdoninja/status", "/plugins/vdoninja/overlay.html"} {
		if code, _ := env.Do("GET", path, ""); code != http.StatusNotFound {
			t.Errorf("GET %s after stop: %d", path, code)
		}
	}
	env.Start(ID, `{"guests": 2}`)
	_, body = env.Do("GET", "/api/plugins/vdoninja/status", "")
	var again State
	_ = json.Unmarshal([]byte(body), &again)
	if again.Room.Room != st.Room.Room || again.Room.Password != st.Room.Password || !again.Controls.Guests[0].Muted || again.Controls.Guests[1].Volume != 40 {
		t.Fatalf("after a restart: %+v", again)
	}
	if err := env.SetSettings(`{"room": "bad room!"}`); err == nil {
		t.Fatal("an invalid room name accepted")
	}
}

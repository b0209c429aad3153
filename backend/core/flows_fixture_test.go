package core

import (
	"encoding/json"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/alert"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/flow"
	"github.com/ltth/ltth/backend/overlay"
	"github.com/ltth/ltth/backend/store"
)

// seedProfile writes the fixture's flows (as they were stored before flow
// blocks moved to their modules) and a coin goal into the active profile.
func seedProfile(t *testing.T, dir string) []flow.Flow {
	t.Helper()
	raw, err := os.ReadFile("testdata/flows-before-blocks.json")
	if err != nil {
		t.Fatal(err)
	}
	var docs []json.RawMessage
	var flows []flow.Flow
	if err := json.Unmarshal(raw, &docs); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &flows); err != nil {
		t.Fatal(err)
	}
	m, err := store.OpenManager(dir)
	if err != nil {
		t.Fatal(err)
	}
	db, err := m.Open(m.Active())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i, f := range flows {
		if err := db.PutFlow(store.FlowRecord{ID: f.ID, Name: f.Name, Enabled: f.Enabled, Definition: docs[i]}); err != nil {
			t.Fatal(err)
		}
	}
	off := alert.DefaultConfig(domain.EventGift) // the module's own gift alert would hold the screen
	off.Enabled = false
	cfg, _ := json.Marshal(off)
	if err := db.PutAlertConfig(string(domain.EventGift), cfg); err != nil {
		t.Fatal(err)
	}
	goal := []byte(`{"name":"Coins","kind":"custom","target":200,"startTarget":200}`)
	if err := db.PutGoal(store.GoalRecord{ID: "coins", Config: goal}); err != nil {
		t.Fatal(err)
	}
	return flows
}

// collector keeps the state messages published on the bus.
type collector struct {
	t   *testing.T
	sub *bus.Subscription
	got []domain.Message
}

// wait returns the first message (seen or to come) of type typ for which ok holds.
func (c *collector) wait(what, typ string, ok func(m domain.Message) bool) domain.Message {
	c.t.Helper()
	deadline := time.After(5 * time.Second)
	for i := 0; ; i++ {
		for ; i < len(c.got); i++ {
			if c.got[i].Type == typ && ok(c.got[i]) {
				return c.got[i]
			}
		}
		select {
		case m := <-c.sub.C():
			c.got = append(c.got, m)
		case <-deadline:
			c.t.Fatalf("no %s (%s message)", what, typ)
		}
		i--
	}
}

// TestFlowsSavedBeforeBlocksMovedRunUnchanged loads flows stored before
// alert.show, goal.*, overlay.* and connection.state moved out of the flow
// engine into their modules, and runs them unchanged through the real
// composition: every flow compiles against the blocks core collected, and
// events and state changes produce the same messages as before.
func TestFlowsSavedBeforeBlocksMovedRunUnchanged(t *testing.T) {
	dir := t.TempDir()
	stopCore(t, startCore(t, dir)) // creates the profile
	flows := seedProfile(t, dir)
	c := startCore(t, dir)
	defer stopCore(t, c)
	col := &collector{t: t, sub: c.Bus().Subscribe("fixture", 4096, func(m *domain.Message) bool { return m.Event == nil })}
	defer col.sub.Close()

	var views []flow.View
	getJSON(t, c, "/api/flows", &views)
	if len(views) != len(flows) {
		t.Fatalf("%d flows loaded, want %d", len(views), len(flows))
	}
	for _, v := range views {
		if !v.Status.Valid || !v.Status.Active || v.Status.Error != "" {
			t.Fatalf("flow %s did not load as before: %+v", v.ID, v)
		}
	}

	simulate(t, c, map[string]any{"type": "gift", "id": "g1", "userId": "7", "uniqueId": "eve",
		"nickname": `<img src=x onerror=alert(1)>`, "giftId": 5655, "giftName": "Rose", "diamondCount": 1,
		"repeatCount": 150, "coins": 150, "giftPictureUrl": "https://cdn.example/rose.png"})
	a := col.wait("flow alert", alert.TypeAlert, func(m domain.Message) bool { return m.Data.(alert.Alert).FlowID == "gift-alert" }).Data.(alert.Alert)
	if a.HTML != "<b>&lt;img src=x onerror=alert(1)&gt;</b> sent <i>Rose</i> ×150" ||
		a.Text != "<b><img src=x onerror=alert(1)></b> sent <i>Rose</i> ×150" || a.ImageURL != "https://cdn.example/rose.png" ||
		a.SoundURL != "/sounds/Rose.mp3" || a.DurationMs != 4000 || a.Animation != "bounce" || a.EventType != "gift" {
		t.Fatalf("alert %+v", a)
	}
	half := col.wait("half-way text", overlay.TypeItem, func(m domain.Message) bool { return m.Data.(overlay.Item).FlowID == "goal-half" })
	if it := half.Data.(overlay.Item); it.Text != "Half way: 75%" || it.Kind != "text" {
		t.Fatalf("progress item %+v", it)
	}

	simulate(t, c, map[string]any{"type": "gift", "id": "g2", "userId": "8", "uniqueId": "bob", "nickname": "Bob",
		"giftId": 1, "giftName": "Lion", "diamondCount": 100, "repeatCount": 1, "coins": 100})
	party := col.wait("goal reached text", overlay.TypeItem, func(m domain.Message) bool {
		return m.Data.(overlay.Item).FlowID == "goal-party" && m.Data.(overlay.Item).Kind == "text"
	}).Data.(overlay.Item)
	if party.Text != "Goal Coins reached: 250/200!" || party.DurationMs != 8000 {
		t.Fatalf("goal reached item %+v", party)
	}
	col.wait("party video", overlay.TypeItem, func(m domain.Message) bool {
		it := m.Data.(overlay.Item)
		return it.FlowID == "goal-party" && it.Kind == "video" && it.URL == "/media/party.mp4" && it.Position == "bottom"
	})

	simulate(t, c, map[string]any{"type": "chat", "id": "c1", "userId": "9", "uniqueId": "ann", "nickname": "Ann", "comment": "!hi there"})
	hello := col.wait("hello text", overlay.TypeItem, func(m domain.Message) bool { return m.Data.(overlay.Item).FlowID == "hello-command" }).Data.(overlay.Item)
	if hello.HTML != "Hello <u>Ann</u>!" || hello.Position != "top" || hello.DurationMs != 3000 {
		t.Fatalf("hello item %+v", hello)
	}

	c.Bus().Publish(domain.Message{Type: domain.MsgConnection, Key: domain.MsgConnection,
		Data: domain.Connection{State: domain.ConnReconnecting, Source: "direct", Reason: "socket closed"}})
	lost := col.wait("connection alert", alert.TypeAlert, func(m domain.Message) bool { return m.Data.(alert.Alert).FlowID == "connection-lost" }).Data.(alert.Alert)
	if lost.Text != "Connection reconnecting: socket closed" || lost.Screen != "ops" || lost.HTML != "" {
		t.Fatalf("connection alert %+v", lost)
	}
	col.wait("overlay cleared", overlay.TypeItem, func(m domain.Message) bool { return m.Data.(overlay.Item).Kind == "clear" })
}

// getJSON reads an authorized GET of the listener's REST API into out.
func getJSON(t *testing.T, c *Core, path string, out any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.URL()+path, nil)
	req.Header.Set("Authorization", "Bearer "+c.Token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", path, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatal(err)
	}
}

package multicam_test

import (
	"context"
	"testing"
	"time"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/events/subscriptions"
	"github.com/andreykaipov/goobs/api/requests/scenes"
	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/obs"
	"github.com/ltth/ltth/backend/obs/obstest"
	"github.com/ltth/ltth/backend/store"
	"github.com/ltth/ltth/plugins/internal/plugintest"
	_ "github.com/ltth/ltth/plugins/multicam"
)

const cmdType = "plugin:multicam:" + obs.TypeCommand

func chat(b interface{ PublishEvent(*domain.Event) }, text string, u domain.User) {
	b.PublishEvent(&domain.Event{Type: domain.EventChat, Comment: text, User: u})
}

func nextScene(t *testing.T, w *plugintest.Watcher) string {
	t.Helper()
	var c obs.Command
	plugintest.JSON(t, w.Next().Data, &c)
	if c.Op != obs.OpSetScene {
		t.Fatalf("op %q", c.Op)
	}
	return c.Scene
}

func TestCommandsRolesCooldownsAndReturn(t *testing.T) {
	env := plugintest.New(t)
	w := env.Watch(cmdType)
	env.Start("multicam", `{"mainScene":"Main","scenes":["Cam 1","Cam 2","Cam 3"],"minRole":"subscriber",
		"cooldownSeconds":0,"userCooldownSeconds":0.3,"returnSeconds":0.3}`)
	sub := domain.User{UserID: "u1", IsSubscriber: true}
	chat(env.Bus, "!cam 2", domain.User{UserID: "pleb"}) // role gate
	chat(env.Bus, "!cam 2", sub)
	if got := nextScene(t, w); got != "Cam 2" {
		t.Fatalf("!cam 2 → %q", got)
	}
	if got := nextScene(t, w); got != "Main" { // returned after 0.3 s
		t.Fatalf("return → %q", got)
	}
	chat(env.Bus, "!cam next", sub) // per-viewer cooldown already over? wait for it
	time.Sleep(350 * time.Millisecond)
	chat(env.Bus, "!cam next", domain.User{UserID: "u2", IsModerator: true})
	if got := nextScene(t, w); got != "Cam 1" && got != "Cam 3" {
		t.Fatalf("!cam next → %q", got)
	}
}

// A gift through the bus switches the real OBS scene via a mapping.
func TestGiftSwitchesRealOBSScene(t *testing.T) {
	srv := obstest.Start(t, "multicam-pw-1")
	env := plugintest.New(t)
	mgr, err := store.OpenManager(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := mgr.Open(mgr.Active())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	m := obs.New(env.Bus, db, obs.Options{MinBackoff: 100 * time.Millisecond, Log: zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.DebugLevel)})
	if err := m.SetSettings(obs.Settings{Host: srv.Host, Port: srv.Port, Password: srv.Password, Enabled: true}); err != nil {
		t.Fatal(err)
	}
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Stop(context.Background()) })
	c, err := goobs.New(srv.Host+":"+itoa(srv.Port), goobs.WithPassword(srv.Password),
		goobs.WithEventSubscriptions(subscriptions.None))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Disconnect() })
	if _, err := c.Scenes.CreateScene(scenes.NewCreateSceneParams().WithSceneName("Cam 2")); err != nil {
		t.Fatal(err)
	}
	env.Start("multicam", `{"mainScene":"Scene","scenes":["Cam 2"],"gifts":[{"gift":"Rose","scene":"Cam 2"}]}`)
	for deadline := time.Now().Add(10 * time.Second); !m.Status().Connected; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("not connected: %+v", m.Status())
		}
	}
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventGift, GiftName: "Rose", Coins: 1, RepeatCount: 1})
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		cur, err := c.Scenes.GetCurrentProgramScene()
		if err == nil && cur.CurrentProgramSceneName == "Cam 2" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("program scene is %v (%v), want Cam 2", cur, err)
		}
	}
}

func itoa(n int) string {
	b := []byte{}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

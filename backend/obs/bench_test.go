package obs_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/events/subscriptions"
	"github.com/andreykaipov/goobs/api/requests/scenes"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/flow"
	"github.com/ltth/ltth/backend/obs"
	"github.com/ltth/ltth/backend/obs/obstest"
	"github.com/ltth/ltth/backend/store"
)

// BenchmarkGiftToSceneSwitched measures OBS action latency against a real
// OBS: a gift event enters the bus, a flow runs obs.setScene, and the
// iteration ends when OBS reports the program scene changed
// (CurrentProgramSceneChanged, transition Cut).
func BenchmarkGiftToSceneSwitched(b *testing.B) {
	srv := obstest.Start(b, "bench-pw-1")
	db := openDB(b)
	bs := bus.New()
	reg := action.NewRegistry()
	m := obs.New(bs, db, obs.Options{MinBackoff: 100 * time.Millisecond})
	if err := reg.AddBlocks(m.Blocks()); err != nil {
		b.Fatal(err)
	}
	if err := m.SetSettings(obs.Settings{Host: srv.Host, Port: srv.Port, Password: srv.Password, Enabled: true}); err != nil {
		b.Fatal(err)
	}
	if err := m.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = m.Stop(context.Background()) })
	e := engine(b, bs, reg, db)
	f, _ := flow.Decode([]byte(`{"id":"cam","name":"cam","enabled":true,"mode":"queued","triggers":[{"type":"tiktok.gift"}],
		"actions":[{"type":"obs.setScene","config":{"scene":"{giftName}"}}]}`))
	if _, err := e.Save(f); err != nil {
		b.Fatal(err)
	}
	c, err := goobs.New(srv.Host+":"+itoa(srv.Port), goobs.WithPassword(srv.Password), goobs.WithEventSubscriptions(subscriptions.None))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = c.Disconnect() })
	for _, s := range []string{"A", "B"} {
		if _, err := c.Scenes.CreateScene(scenes.NewCreateSceneParams().WithSceneName(s)); err != nil {
			b.Fatal(err)
		}
	}
	for end := time.Now().Add(10 * time.Second); !m.Status().Connected; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			b.Fatal("not connected")
		}
	}
	sub := bs.Subscribe("bench", 1024, func(msg *domain.Message) bool { return msg.Type == obs.TypeSceneChanged })
	defer sub.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		target := []string{"A", "B"}[i%2]
		bs.PublishEvent(&domain.Event{Type: domain.EventGift, GiftName: target, RepeatCount: 1})
		if !waitScene(sub, target) {
			runs, _ := e.Runs("cam")
			raw, _ := json.Marshal(runs)
			b.Fatalf("scene %s never reported; runs: %s; status %+v", target, raw, m.Status())
		}
	}
}

func waitScene(sub *bus.Subscription, want string) bool {
	timeout := time.After(5 * time.Second)
	for {
		select {
		case msg := <-sub.C():
			raw, _ := json.Marshal(msg.Data)
			var sc obs.SceneChange
			_ = json.Unmarshal(raw, &sc)
			if sc.Scene == want {
				return true
			}
		case <-timeout:
			return false
		}
	}
}

func openDB(t testing.TB) *store.DB {
	mgr, err := store.OpenManager(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := mgr.Open(mgr.Active())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func engine(t testing.TB, b *bus.Bus, reg *action.Registry, db *store.DB) *flow.Engine {
	e, err := flow.New(flow.Options{Bus: b, Registry: reg, DataDir: t.TempDir(), Store: flow.StoreFuncs{
		VariableStore: db,
		List: func() ([]flow.FlowRecord, error) {
			rs, err := db.ListFlows()
			out := make([]flow.FlowRecord, len(rs))
			for i, r := range rs {
				out[i] = flow.FlowRecord(r)
			}
			return out, err
		},
		Put:    func(r flow.FlowRecord) error { return db.PutFlow(store.FlowRecord(r)) },
		Delete: db.DeleteFlow,
	}})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Stop(context.Background()) })
	return e
}

func itoa(n int) string {
	b := []byte{}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// BenchmarkSetSceneAcknowledged measures one obs.setScene through the
// module's queue until OBS answers the request (the switch is applied on
// OBS's next frame; BenchmarkGiftToSceneSwitched waits for that).
func BenchmarkSetSceneAcknowledged(b *testing.B) {
	srv := obstest.Start(b, "bench-pw-2")
	m := obs.New(bus.New(), openDB(b), obs.Options{MinBackoff: 100 * time.Millisecond})
	if err := m.SetSettings(obs.Settings{Host: srv.Host, Port: srv.Port, Password: srv.Password, Enabled: true}); err != nil {
		b.Fatal(err)
	}
	if err := m.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = m.Stop(context.Background()) })
	for end := time.Now().Add(10 * time.Second); !m.Status().Connected; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			b.Fatal("not connected")
		}
	}
	ctx := context.Background()
	if err := m.Do(ctx, obs.Command{Op: "bogus"}); err == nil {
		b.Fatal("bogus op accepted")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := m.Do(ctx, obs.Command{Op: obs.OpSetScene, Scene: "Scene"}); err != nil {
			b.Fatal(err)
		}
	}
}

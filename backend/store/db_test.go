package store

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

func TestSettings(t *testing.T) {
	_, db := openDefault(t)
	if _, ok, err := db.GetSetting("missing"); ok || err != nil {
		t.Fatalf("missing: %v %v", ok, err)
	}
	mustNil(t, db.SetSetting("lang", "de"))
	mustNil(t, db.SetSetting("lang", "en"))
	mustNil(t, db.SetSetting("quote", `it's "quoted"; DROP TABLE settings; --`))
	all, err := db.Settings()
	mustNil(t, err)
	if len(all) != 2 || all["lang"] != "en" || all["quote"] != `it's "quoted"; DROP TABLE settings; --` {
		t.Fatalf("settings %v", all)
	}
	if err := db.SetSetting("", "x"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("empty key: %v", err)
	}
	mustNil(t, db.DeleteSetting("lang"))
	if err := db.DeleteSetting("lang"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("delete twice: %v", err)
	}
}

func TestVariablesAndAlertConfigs(t *testing.T) {
	_, db := openDefault(t)
	mustNil(t, db.SetVariable("counter", []byte(`41`)))
	mustNil(t, db.SetVariable("counter", []byte(`42`)))
	mustNil(t, db.SetVariable("names", []byte(`["a","b"]`)))
	if err := db.SetVariable("bad", []byte(`{nope`)); !errors.Is(err, ErrInvalid) {
		t.Fatalf("invalid JSON: %v", err)
	}
	vars, err := db.Variables()
	mustNil(t, err)
	if len(vars) != 2 || string(vars["counter"]) != "42" || string(vars["names"]) != `["a","b"]` {
		t.Fatalf("variables %q", vars)
	}
	mustNil(t, db.DeleteVariable("counter"))
	if err := db.DeleteVariable("counter"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("delete missing: %v", err)
	}

	mustNil(t, db.PutAlertConfig("gift", []byte(`{"enabled":true,"minCoins":10}`)))
	mustNil(t, db.PutAlertConfig("follow", []byte(`{"enabled":false}`)))
	mustNil(t, db.PutAlertConfig("gift", []byte(`{"enabled":true,"minCoins":100}`)))
	cfgs, err := db.AlertConfigs()
	mustNil(t, err)
	if len(cfgs) != 2 || string(cfgs["gift"]) != `{"enabled":true,"minCoins":100}` {
		t.Fatalf("alert configs %q", cfgs)
	}
	if err := db.PutAlertConfig("chat", nil); !errors.Is(err, ErrInvalid) {
		t.Fatalf("nil config: %v", err)
	}
	mustNil(t, db.DeleteAlertConfig("follow"))
}

func TestFlows(t *testing.T) {
	_, db := openDefault(t)
	before := time.Now().Add(-time.Second)
	mustNil(t, db.PutFlow(FlowRecord{ID: "b", Name: "Zeta", Enabled: true, Definition: []byte(`{"v":1}`)}))
	mustNil(t, db.PutFlow(FlowRecord{ID: "a", Name: "Alpha", Definition: []byte(`{"v":2}`)}))
	mustNil(t, db.PutFlow(FlowRecord{ID: "b", Name: "Beta", Enabled: false, Definition: []byte(`{"v":3}`)}))
	if err := db.PutFlow(FlowRecord{ID: "c", Definition: []byte(`oops`)}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("bad definition: %v", err)
	}
	if err := db.PutFlow(FlowRecord{Definition: []byte(`{}`)}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("empty id: %v", err)
	}
	flows, err := db.ListFlows()
	mustNil(t, err)
	if len(flows) != 2 || flows[0].ID != "a" || flows[1].Name != "Beta" || flows[1].Enabled ||
		string(flows[1].Definition) != `{"v":3}` || flows[1].UpdatedAt.Before(before) {
		t.Fatalf("flows %+v", flows)
	}
	mustNil(t, db.DeleteFlow("a"))
	if err := db.DeleteFlow("a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("delete missing: %v", err)
	}
}

func TestGoals(t *testing.T) {
	_, db := openDefault(t)
	mustNil(t, db.PutGoal(GoalRecord{ID: "likes", Config: []byte(`{"target":1000}`), Value: 5}))
	mustNil(t, db.SetGoalValue("likes", 750))
	if err := db.SetGoalValue("nope", 1); !errors.Is(err, ErrNotFound) {
		t.Fatalf("set missing: %v", err)
	}
	goals, err := db.ListGoals()
	mustNil(t, err)
	if len(goals) != 1 || goals[0].Value != 750 || string(goals[0].Config) != `{"target":1000}` {
		t.Fatalf("goals %+v", goals)
	}
	mustNil(t, db.PutGoal(GoalRecord{ID: "likes", Config: []byte(`{"target":2000}`), Value: 0}))
	goals, _ = db.ListGoals()
	if goals[0].Value != 0 || string(goals[0].Config) != `{"target":2000}` {
		t.Fatalf("replaced goal %+v", goals[0])
	}
	mustNil(t, db.DeleteGoal("likes"))
	if err := db.DeleteGoal("likes"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("delete missing: %v", err)
	}
}

func TestScores(t *testing.T) {
	_, db := openDefault(t)
	alice := domain.User{UserID: "1", UniqueID: "alice", Nickname: "Alice", AvatarURL: "a.png"}
	bob := domain.User{UserID: "2", UniqueID: "bob", Nickname: "Bob"}
	mustNil(t, db.AddScore("gifters", "stream", alice, 10, 100))
	mustNil(t, db.AddScore("gifters", "stream", bob, 30, 200))
	mustNil(t, db.AddScore("gifters", "stream", domain.User{UserID: "1", Nickname: "Alice 2"}, 20, 300))
	mustNil(t, db.AddScore("gifters", "all", alice, 5, 100))
	mustNil(t, db.AddScore("likers", "stream", alice, 99, 100))
	top, err := db.TopScores("gifters", "stream", 10)
	mustNil(t, err)
	// tie at 30: bob reached it first (ts 200 < 300)
	if len(top) != 2 || top[0].UserID != "2" || top[1].Value != 30 || top[1].LastTS != 300 ||
		top[1].UniqueID != "alice" || top[1].Nickname != "Alice 2" || top[1].AvatarURL != "a.png" {
		t.Fatalf("top %+v", top)
	}
	if one, _ := db.TopScores("gifters", "stream", 1); len(one) != 1 {
		t.Fatalf("limit: %+v", one)
	}
	if err := db.AddScore("gifters", "stream", domain.User{}, 1, 1); !errors.Is(err, ErrInvalid) {
		t.Fatalf("no user id: %v", err)
	}
	mustNil(t, db.ResetScores("", "stream")) // every stream board
	if s, _ := db.TopScores("likers", "stream", 0); len(s) != 0 {
		t.Fatalf("likers not reset: %+v", s)
	}
	if s, _ := db.TopScores("gifters", "all", 0); len(s) != 1 {
		t.Fatalf("all-time board was reset: %+v", s)
	}
	mustNil(t, db.ResetScores("gifters", "all"))
	if s, _ := db.TopScores("gifters", "all", 0); len(s) != 0 {
		t.Fatalf("not reset: %+v", s)
	}
}

func TestTopGiftersAreTheAllTimeGiftersBoard(t *testing.T) {
	_, db := openDefault(t)
	mustNil(t, db.AddScore("gifters", "all", domain.User{UserID: "1", UniqueID: "alice"}, 100, 10))
	mustNil(t, db.AddScore("gifters", "all", domain.User{UserID: "2", UniqueID: "bob"}, 500, 20))
	mustNil(t, db.AddScore("gifters", "all", domain.User{UserID: "1", UniqueID: "alice_new"}, 450, 30))
	mustNil(t, db.AddScore("gifters", "stream", domain.User{UserID: "3", UniqueID: "carol"}, 9999, 40))
	mustNil(t, db.AddScore("likers", "all", domain.User{UserID: "4", UniqueID: "dave"}, 9999, 40))
	top, err := db.TopGifters(10)
	mustNil(t, err)
	if len(top) != 2 || top[0].UniqueID != "alice_new" || top[0].Value != 550 || top[1].Value != 500 {
		t.Fatalf("top gifters %+v", top)
	}
	var tables int
	mustNil(t, db.SQL().QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'top_gifters'`).Scan(&tables))
	if tables != 0 {
		t.Fatal("the retired top_gifters table still exists")
	}
	mustNil(t, db.ResetScores("gifters", "all"))
	if top, _ := db.TopGifters(0); len(top) != 0 {
		t.Fatalf("not reset: %+v", top)
	}
}

func TestGiftSoundsAndUserVoices(t *testing.T) {
	_, db := openDefault(t)
	rose := GiftSound{GiftID: 5655, Label: "Rose", SoundURL: "https://x/rose.mp3", Volume: 0.8,
		AnimationURL: "https://x/rose.webm", AnimationType: "video", AnimationVolume: 0.5}
	mustNil(t, db.PutGiftSound(rose))
	mustNil(t, db.PutGiftSound(GiftSound{GiftID: 1, Label: "Lion", Volume: 1}))
	rose.Volume = 0.3
	mustNil(t, db.PutGiftSound(rose))
	if err := db.PutGiftSound(GiftSound{}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("zero gift id: %v", err)
	}
	sounds, err := db.ListGiftSounds()
	mustNil(t, err)
	got := sounds[1]
	got.UpdatedAt = time.Time{}
	if len(sounds) != 2 || sounds[0].GiftID != 1 || got != rose {
		t.Fatalf("sounds %+v", sounds)
	}
	mustNil(t, db.DeleteGiftSound(5655))
	if err := db.DeleteGiftSound(5655); !errors.Is(err, ErrNotFound) {
		t.Fatalf("delete missing: %v", err)
	}

	v := UserVoice{UserID: "7", UniqueID: "zed", Nickname: "Zed", Engine: "tiktok", Voice: "de_001", Enabled: true}
	mustNil(t, db.PutUserVoice(v))
	mustNil(t, db.PutUserVoice(UserVoice{UserID: "8", UniqueID: "amy", Voice: "en_us_001"}))
	if err := db.PutUserVoice(UserVoice{Voice: "x"}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("no user id: %v", err)
	}
	voices, err := db.ListUserVoices()
	mustNil(t, err)
	gotV := voices[1]
	gotV.UpdatedAt = time.Time{}
	if len(voices) != 2 || voices[0].UniqueID != "amy" || voices[0].Enabled || gotV != v {
		t.Fatalf("voices %+v", voices)
	}
	mustNil(t, db.DeleteUserVoice("7"))
	if err := db.DeleteUserVoice("7"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("delete missing: %v", err)
	}
}

func TestReopenKeepsDataAndVersion(t *testing.T) {
	m, db := openDefault(t)
	mustNil(t, db.SetSetting("a", "1"))
	mustNil(t, db.Close())
	if err := db.Close(); !errors.Is(err, ErrClosed) {
		t.Fatalf("second close: %v", err)
	}
	db2, err := m.Open("default")
	mustNil(t, err)
	defer db2.Close()
	if v, ok, _ := db2.GetSetting("a"); !ok || v != "1" {
		t.Fatal("setting lost")
	}
	mustNil(t, db2.Check())
}

func TestConcurrentWriters(t *testing.T) {
	_, db := openDefault(t)
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				errs <- db.AddScore("chatters", "stream", domain.User{UserID: "u"}, 1, int64(i))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		mustNil(t, err)
	}
	top, _ := db.TopScores("chatters", "stream", 1)
	if len(top) != 1 || top[0].Value != 400 {
		t.Fatalf("lost updates: %+v", top)
	}
}

package topboard

import (
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/plugins/internal/plugintest"
)

func gift(typ domain.EventType, user string, giftID, repeat, coins int64) *domain.Event {
	return &domain.Event{Type: typ, User: domain.User{UserID: user, Nickname: "N" + user}, GiftID: giftID,
		GiftName: "Rose", RepeatCount: repeat, Coins: coins, TS: time.Now().UnixMilli()}
}

func TestBoardStreaksAndDonors(t *testing.T) {
	b := NewBoard(2)
	now := time.Now()
	cfg := configFrom(Settings{Top: 99, Donors: 2})
	if cfg.Top != 10 || cfg.Layout != "vertical" || cfg.Period != "stream" {
		t.Fatalf("config clamps: %+v", cfg)
	}
	if st := b.State(cfg); st.Streak != nil || len(st.Donors) != 0 {
		t.Fatalf("empty board: %+v", st)
	}
	b.Apply(gift(domain.EventGiftStreak, "a", 1, 3, 3), now)
	b.Apply(gift(domain.EventGiftStreak, "b", 2, 2, 20), now)
	if st := b.State(cfg); st.Streak.UserID != "b" || !st.Streak.Running {
		t.Fatalf("biggest running streak: %+v", st.Streak)
	}
	b.Apply(gift(domain.EventGift, "b", 2, 4, 40), now) // b's streak ends with 40 coins
	b.Apply(gift(domain.EventGiftStreak, "a", 1, 9, 9), now)
	if st := b.State(cfg); st.Streak.UserID != "a" || st.Streak.Coins != 9 || !st.Streak.Running {
		t.Fatalf("a running streak wins over a finished one: %+v", st.Streak)
	}
	b.Apply(gift(domain.EventGift, "a", 1, 10, 10), now)
	st := b.State(cfg)
	if st.Streak.UserID != "b" || st.Streak.Coins != 40 || st.Streak.Running {
		t.Fatalf("no streak running: the stream's best: %+v", st.Streak)
	}
	if len(st.Donors) != 2 || st.Donors[0].UserID != "a" || st.Donors[1].UserID != "b" {
		t.Fatalf("donors newest first: %+v", st.Donors)
	}
	b.Apply(gift(domain.EventGift, "c", 3, 1, 1), now)
	if st := b.State(cfg); len(st.Donors) != 2 || st.Donors[0].UserID != "c" {
		t.Fatalf("donors capped: %+v", st.Donors)
	}

	b.Apply(gift(domain.EventGiftStreak, "d", 4, 1, 500), now)
	if !b.Expire(now.Add(time.Minute)) || b.State(cfg).Streak.Running {
		t.Fatal("an idle streak expires")
	}
	b.Apply(&domain.Event{Type: domain.EventConnected, RoomID: "r1"}, now)
	if st := b.State(cfg); st.Streak != nil || len(st.Donors) != 2 {
		t.Fatalf("a new stream forgets the streaks, keeps the donors: %+v", st)
	}
	if b.Apply(&domain.Event{Type: domain.EventConnected, RoomID: "r1"}, now) {
		t.Fatal("reconnecting to the same room is no change")
	}
}

func TestPluginStateSurvivesRestart(t *testing.T) {
	env := plugintest.New(t)
	w := env.Watch("plugin:topboard:state")
	env.Start(ID, `{"donors": 3, "layout": "horizontal"}`)
	var st State
	plugintest.JSON(t, w.Next().Data, &st)
	if st.Config.Layout != "horizontal" || st.Config.Donors != 3 || st.Streak != nil {
		t.Fatalf("initial state: %+v", st)
	}
	env.Bus.PublishEvent(gift(domain.EventGift, "u1", 5, 2, 200))
	for st.Streak == nil {
		plugintest.JSON(t, w.Next().Data, &st)
	}
	if st.Streak.Coins != 200 || len(st.Donors) != 1 {
		t.Fatalf("after a gift: %+v", st)
	}
	env.StopPlugin()
	env.Start(ID, `{"donors": 3}`)
	plugintest.JSON(t, w.Next().Data, &st)
	if st.Streak == nil || st.Streak.UserID != "u1" || len(st.Donors) != 1 || st.Config.Layout != "vertical" {
		t.Fatalf("after a restart: %+v", st)
	}
}

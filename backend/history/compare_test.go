package history

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

func TestCompareStreams(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, 20*time.Millisecond)
	defer r.stop()
	for i, n := range []int{300, 700} {
		g := newGen(uint64(30+i), 1_700_000_000_000+int64(i)*86_400_000, 20, fmt.Sprint("room-c", i))
		r.publish(g.connected())
		for j := 0; j < n; j++ {
			r.publish(g.next())
		}
		r.publish(g.end())
	}
	r.settle()
	s := serve(t, r.m)
	var c Comparison
	get(t, s.URL+"/api/streams/compare?a=1&b=2", 200, &c)
	if c.A.ID != 1 || c.B.ID != 2 || len(c.A.Series) == 0 || len(c.B.Series) == 0 {
		t.Fatalf("comparison %+v", c)
	}
	if c.Delta.Coins != c.B.Coins-c.A.Coins || c.Delta.ChatMessages != c.B.ChatMessages-c.A.ChatMessages ||
		c.Delta.PeakViewers != c.B.PeakViewers-c.A.PeakViewers || c.Delta.Coins == 0 {
		t.Errorf("delta %+v of a %+v b %+v", c.Delta, c.A.Figures, c.B.Figures)
	}
	if c.DurationDelta != (*c.B.EndedAt-c.B.StartedAt)-(*c.A.EndedAt-c.A.StartedAt) {
		t.Errorf("duration delta %d", c.DurationDelta)
	}
	get(t, s.URL+"/api/streams/compare?a=1&b=9", 404, nil)
	get(t, s.URL+"/api/streams/compare?a=1", 400, nil)
}

func TestSearchByGiftAndCoinRange(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, 20*time.Millisecond)
	defer r.stop()
	g := newGen(40, 1_700_000_000_000, 10, "room-s")
	r.publish(g.connected())
	var want []string
	for _, c := range []struct {
		name  string
		coins int64
	}{{"Rose", 1}, {"Lion", 29999}, {"Universe", 34999}, {"Rose", 5}, {"Galaxy", 1000}} {
		e := g.base(domain.EventGift)
		e.User = g.user()
		e.GiftName, e.GiftID, e.DiamondCount, e.RepeatCount, e.Coins = c.name, int64(len(c.name)), c.coins, 1, c.coins
		r.publish(e)
		if c.coins >= 1000 && c.coins <= 30000 {
			want = append([]string{c.name}, want...) // newest first
		}
		chat := g.base(domain.EventChat)
		chat.User, chat.Comment = g.user(), "Rose"
		r.publish(chat)
	}
	r.settle()
	s := serve(t, r.m)
	names := func(url string) []string {
		var p EventPage
		get(t, s.URL+url, 200, &p)
		out := []string{}
		for _, row := range p.Events {
			var e struct {
				Type     string `json:"type"`
				GiftName string `json:"giftName"`
			}
			if err := json.Unmarshal(row.Event, &e); err != nil || e.Type != "gift" {
				t.Fatalf("%s: row %s (%v)", url, row.Event, err)
			}
			out = append(out, e.GiftName)
		}
		return out
	}
	if got := names("/api/events?minCoins=1000&maxCoins=30000"); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("coin range: %v, want %v", got, want)
	}
	if got := names("/api/events?gift=rose"); fmt.Sprint(got) != "[Rose Rose]" {
		t.Errorf("gift by name: %v", got)
	}
	if got := names("/api/events?gift=6&minCoins=2"); fmt.Sprint(got) != "[Galaxy]" {
		t.Errorf("gift by id with min coins: %v", got)
	}
	get(t, s.URL+"/api/events?minCoins=10&maxCoins=5", 400, nil)
	get(t, s.URL+"/api/events?type=chat&minCoins=5", 400, nil)
	get(t, s.URL+"/api/events?maxCoins=-1", 400, nil)
}

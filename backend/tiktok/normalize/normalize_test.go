package normalize

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/decode"
	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

var recv0 = time.UnixMilli(t0)

func feed(t *testing.T, n *Normalizer, at time.Time, msgs ...*pb.BaseProtoMessage) []domain.Event {
	t.Helper()
	var out []domain.Event
	for _, m := range msgs {
		out = n.Append(out, m, at)
	}
	return out
}

func types(evs []domain.Event) []domain.EventType {
	var ts []domain.EventType
	for _, e := range evs {
		ts = append(ts, e.Type)
	}
	return ts
}

func counted(evs []domain.Event) (gifts int, coins int64) {
	for _, e := range evs {
		if e.Type == domain.EventGift {
			gifts++
			coins += e.Coins
		}
	}
	return gifts, coins
}

func TestStreakOfFiveCountsOnce(t *testing.T) {
	n := New(Options{})
	var msgs []*pb.BaseProtoMessage
	for i := int32(1); i <= 5; i++ {
		msgs = append(msgs, giftMsg(t, 100+int64(i), t0+int64(i), alice, fingerHeart, 9, i, false))
	}
	msgs = append(msgs, giftMsg(t, 200, t0+9, alice, fingerHeart, 9, 5, true))
	evs := feed(t, n, recv0, msgs...)
	if len(evs) != 6 || evs[4].Type != domain.EventGiftStreak || evs[5].Type != domain.EventGift {
		t.Fatalf("types %v", types(evs))
	}
	end := evs[5]
	if end.ID != "200" || end.TS != t0+9 || end.RepeatCount != 5 || end.Coins != 25 || !end.Streakable {
		t.Fatalf("end event %+v", end)
	}
	if g, c := counted(evs); g != 1 || c != 25 {
		t.Fatalf("counted %d gifts / %d coins", g, c)
	}
	if n.Stats().OpenStreaks != 0 {
		t.Fatal("streak left open")
	}
}

func TestStreakEndTwiceAndLateProgressDropped(t *testing.T) {
	n := New(Options{})
	evs := feed(t, n, recv0,
		giftMsg(t, 1, t0, alice, rose, 5, 1, false),
		giftMsg(t, 2, t0, alice, rose, 5, 2, true),
		giftMsg(t, 3, t0, alice, rose, 5, 2, true),  // same streak, new id
		giftMsg(t, 4, t0, alice, rose, 5, 2, false), // late progress
	)
	if g, c := counted(evs); g != 1 || c != 2 || len(evs) != 2 {
		t.Fatalf("got %v (gifts %d coins %d)", types(evs), g, c)
	}
	if s := n.Stats(); s.DuplicateEnds != 2 || s.OpenStreaks != 0 {
		t.Fatalf("stats %+v", s)
	}
}

func TestStreakTimeoutWithInjectedClock(t *testing.T) {
	n := New(Options{StreakTimeout: 10 * time.Second})
	feed(t, n, recv0, giftMsg(t, 1, t0, bob, rose, 77, 1, false))
	feed(t, n, recv0.Add(2*time.Second), giftMsg(t, 2, t0+2000, bob, rose, 77, 3, false))
	if evs := n.Tick(recv0.Add(11 * time.Second)); len(evs) != 0 {
		t.Fatalf("committed before the timeout: %v", types(evs))
	}
	evs := n.Tick(recv0.Add(12 * time.Second))
	if len(evs) != 1 || evs[0].Type != domain.EventGift || evs[0].ID != "2" || evs[0].TS != t0+2000 || evs[0].RepeatCount != 3 {
		t.Fatalf("timeout commit %+v", evs)
	}
	// The end arriving after the commit must not count again.
	if evs := feed(t, n, recv0.Add(13*time.Second), giftMsg(t, 3, t0+13000, bob, rose, 77, 3, true)); len(evs) != 0 {
		t.Fatalf("late end counted: %v", types(evs))
	}
	if s := n.Stats(); s.StreakTimeouts != 1 || s.DuplicateEnds != 1 {
		t.Fatalf("stats %+v", s)
	}
}

func TestFlushAllCommitsOpenStreaks(t *testing.T) {
	n := New(Options{})
	feed(t, n, recv0, giftMsg(t, 1, t0, bob, rose, 1, 4, false), giftMsg(t, 2, t0, alice, fingerHeart, 2, 2, false))
	evs := n.FlushAll()
	if g, c := counted(evs); g != 2 || c != 4+10 {
		t.Fatalf("flush: %d gifts, %d coins", g, c)
	}
	if len(n.FlushAll()) != 0 {
		t.Fatal("second flush not empty")
	}
}

func TestNonStreakableCountsAtOnce(t *testing.T) {
	n := New(Options{})
	evs := feed(t, n, recv0, giftMsg(t, 1, t0, bob, confetti, 0, 0, false), giftMsg(t, 2, t0, bob, confetti, 0, 3, false))
	if len(evs) != 2 || evs[0].Coins != 100 || evs[1].Coins != 300 || evs[0].Streakable {
		t.Fatalf("events %+v", evs)
	}
}

func TestDedupSurvivesReconnect(t *testing.T) {
	n := New(Options{})
	batch := func(seq uint64) []byte {
		return msgFrame(t, seq, true, true, chatMsg(t, 11, t0, alice, "hi"), giftMsg(t, 12, t0, bob, confetti, 0, 1, false))
	}
	var all []domain.Event
	for conn := 0; conn < 3; conn++ { // a new Pipeline per connection, one Normalizer
		p := NewPipeline(n)
		evs, _, err := p.Feed(nil, batch(uint64(conn)), recv0)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, evs...)
	}
	if len(all) != 2 {
		t.Fatalf("got %d events across reconnects: %v", len(all), types(all))
	}
	if s := n.Stats(); s.Duplicates != 4 {
		t.Fatalf("duplicates %d", s.Duplicates)
	}
}

func TestDedupIsBounded(t *testing.T) {
	n := New(Options{DedupSize: 2})
	evs := feed(t, n, recv0, chatMsg(t, 1, t0, alice, "a"), chatMsg(t, 2, t0, alice, "b"), chatMsg(t, 3, t0, alice, "c"),
		chatMsg(t, 3, t0, alice, "c"), chatMsg(t, 1, t0, alice, "a"))
	// 1 was evicted by 3, so it is accepted again; 3 is still remembered.
	if len(evs) != 4 || evs[3].ID != "1" {
		t.Fatalf("got %v", evs)
	}
}

func TestLikesMonotonicPerRoom(t *testing.T) {
	n := New(Options{})
	evs := feed(t, n, recv0, likeMsg(t, 1, t0, alice, 15, 500), likeMsg(t, 2, t0, alice, 3, 480), likeMsg(t, 3, t0, alice, 0, 0))
	for _, e := range evs {
		if e.TotalLikeCount != 500 {
			t.Fatalf("total went down: %+v", e)
		}
	}
	other := likeMsg(t, 4, t0, alice, 1, 7)
	var lm pb.WebcastLikeMessage
	mustUnmarshal(t, other.Payload, &lm)
	lm.Common.RoomId = roomID + 1
	other = envelope(t, "WebcastLikeMessage", 4, &lm)
	if evs := feed(t, n, recv0, other); evs[0].TotalLikeCount != 7 {
		t.Fatalf("new room must reset the total: %+v", evs[0])
	}
}

func TestUnknownAndMalformedAreCountedNotFatal(t *testing.T) {
	var skipped []string
	n := New(Options{OnSkip: func(method string, err error) {
		skipped = append(skipped, method)
		if method == "WebcastPollMessage" && !errors.Is(err, ErrUnknownMethod) {
			t.Errorf("unknown method error %v", err)
		}
	}})
	bad := &pb.BaseProtoMessage{Method: "WebcastChatMessage", Payload: []byte{0x1a, 0x09, 'x'}, MsgId: 2}
	evs := feed(t, n, recv0, &pb.BaseProtoMessage{Method: "WebcastPollMessage", MsgId: 1}, bad, chatMsg(t, 3, t0, dan, "still here"))
	if len(evs) != 1 || evs[0].Comment != "still here" {
		t.Fatalf("events %v", evs)
	}
	s := n.Stats()
	if s.Unknown != 1 || s.Malformed != 1 || s.UnknownMethods["WebcastPollMessage"] != 1 || len(skipped) != 2 {
		t.Fatalf("stats %+v skipped %v", s, skipped)
	}
}

func TestUnknownMethodNamesBounded(t *testing.T) {
	n := New(Options{})
	for i := 0; i < 500; i++ {
		feed(t, n, recv0, &pb.BaseProtoMessage{Method: string(rune('a'+i%26)) + string(rune(i))})
	}
	if s := n.Stats(); s.Unknown != 500 || len(s.UnknownMethods) > 64 {
		t.Fatalf("unknown %d, names %d", s.Unknown, len(s.UnknownMethods))
	}
}

func TestSkipHistoryOption(t *testing.T) {
	n := New(Options{SkipHistory: true})
	if evs := feed(t, n, recv0, withHistory(chatMsg(t, 1, t0, alice, "old"))); len(evs) != 0 {
		t.Fatal("history emitted")
	}
	if n.Stats().History != 1 {
		t.Fatal("history not counted")
	}
}

func TestTimestamps(t *testing.T) {
	n := New(Options{Now: func() time.Time { return recv0 }})
	evs := feed(t, n, time.Time{}, chatMsg(t, 1, 0, alice, "a"), chatMsg(t, 2, 1764140001, alice, "b"), chatMsg(t, 3, t0-5, alice, "c"))
	if evs[0].TS != t0 || evs[1].TS != 1764140001000 || evs[2].TS != t0-5 {
		t.Fatalf("ts %d %d %d", evs[0].TS, evs[1].TS, evs[2].TS)
	}
}

func TestRolesAndUserFields(t *testing.T) {
	n := New(Options{Source: "tiktok"})
	evs := feed(t, n, recv0, chatMsg(t, 1, t0, bob, "x"), chatMsg(t, 2, t0, carla, "y"), memberMsg(t, 3, t0, dan, pb.MemberAction_MEMBER_ACTION_JOINED))
	b, c, d := evs[0], evs[1], evs[2]
	if !b.IsModerator || b.IsSubscriber || !b.IsFollower || b.UniqueID != "bob_mod" || b.UserID != "6800000000000000202" {
		t.Fatalf("bob %+v", b.User)
	}
	if c.IsModerator || !c.IsSubscriber {
		t.Fatalf("carla %+v", c.User)
	}
	if d.Type != domain.EventJoin || d.IsModerator || d.IsFollower || d.AvatarURL == "" || d.Source != "tiktok" {
		t.Fatalf("dan %+v", d)
	}
}

func TestSubscribeAnnouncedTwiceCountsOnce(t *testing.T) {
	n := New(Options{})
	evs := feed(t, n, recv0, memberMsg(t, 1, t0, carla, pb.MemberAction_MEMBER_ACTION_SUBSCRIBED), subMsg(t, 2, t0, carla, 2))
	if len(evs) != 1 || evs[0].Type != domain.EventSubscribe {
		t.Fatalf("events %v", types(evs))
	}
	if evs := feed(t, n, recv0.Add(2*time.Hour), subMsg(t, 3, t0, carla, 3)); len(evs) != 1 || evs[0].SubMonth != 3 {
		t.Fatalf("a later subscription must count: %v", evs)
	}
}

func TestSocialFallsBackToAction(t *testing.T) {
	n := New(Options{})
	evs := feed(t, n, recv0, socialMsg(t, 1, t0, dan, 1, ""), socialMsg(t, 2, t0, dan, 3, ""), socialMsg(t, 3, t0, dan, 1, "pm_mt_guidance_share"))
	want := []domain.EventType{domain.EventFollow, domain.EventShare, domain.EventShare}
	if got := types(evs); len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("got %v", got)
	}
}

func TestPipelineAckInfo(t *testing.T) {
	p := NewPipeline(New(Options{}))
	_, info, err := p.Feed(nil, msgFrame(t, 5, true, true, chatMsg(t, 1, t0, alice, "a")), recv0)
	if err != nil || !info.NeedAck || info.LogID != 7000000000000000005 || info.Messages != 1 || info.Cursor == "" {
		t.Fatalf("info %+v err %v", info, err)
	}
	f, err := decode.Frame(info.AckFrame())
	if err != nil || f.GetPayloadType() != "ack" || f.GetLogId() != info.LogID || string(f.GetPayload()) != string(info.InternalExt) {
		t.Fatalf("ack %v %v", f, err)
	}
	_, info, _ = p.Feed(nil, msgFrame(t, 6, false, false), recv0)
	if info.AckFrame() != nil {
		t.Fatal("ack without need_ack")
	}
	_, info, err = p.Feed(nil, rawFrame(t, "hb", nil), recv0)
	if err != nil || info.PayloadType != "hb" {
		t.Fatalf("hb %+v %v", info, err)
	}
	if _, _, err := p.Feed(nil, []byte{0xff}, recv0); !errors.Is(err, decode.ErrMalformedFrame) {
		t.Fatalf("bad frame: %v", err)
	}
	if s := p.Stats(); s.Frames != 4 || s.MsgFrames != 2 || s.BadFrames != 1 || s.Events != 1 {
		t.Fatalf("stats %+v", s)
	}
}

func TestConcurrentFeedAndTick(t *testing.T) {
	n := New(Options{StreakTimeout: time.Millisecond})
	p := NewPipeline(n)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			n.Tick(time.Now())
			n.Stats()
		}
	}()
	for i := 0; i < 200; i++ {
		p.Feed(nil, msgFrame(t, uint64(i), false, false, giftMsg(t, int64(i+1), 0, alice, rose, int64(i), 1, false)), time.Time{})
	}
	wg.Wait()
	n.FlushAll()
	if s := n.Stats(); s.OpenStreaks != 0 || s.StreakTimeouts != 200 {
		t.Fatalf("stats %+v", s)
	}
}

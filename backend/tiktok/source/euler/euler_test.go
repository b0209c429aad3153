package euler

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/faketiktok"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/source/sourcetest"
)

const testKey = "euler_SECRET_relaykey_99"

var bob = faketiktok.User{ID: 202, Handle: "bob", Nickname: "Bob", Subscriber: true}

func setup(t *testing.T) (*faketiktok.Server, *faketiktok.Room) {
	t.Helper()
	fk := faketiktok.New(faketiktok.Options{APIKey: testKey})
	t.Cleanup(fk.Close)
	return fk, fk.AddRoom("streamer", "7300000000000000002")
}

func run(src *Source, sink source.Sink) (chan error, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- src.Run(ctx, source.Target{UniqueID: "streamer"}, sink) }()
	return errc, cancel
}

func waitErr(t *testing.T, errc chan error) *source.Error {
	t.Helper()
	select {
	case err := <-errc:
		e := source.AsError(err)
		if e == nil {
			t.Fatalf("want *source.Error, got %v", err)
		}
		return e
	case <-time.After(10 * time.Second):
		t.Fatal("source did not return")
	}
	return nil
}

func waitConnected(t *testing.T, sink *sourcetest.Sink) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); len(sink.ConnectedInfos()) == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("never connected")
		}
	}
}

func streak(r *faketiktok.Room) {
	g := faketiktok.GiftSpec{ID: 5655, Name: "Rose", Diamonds: 1, Streakable: true, GroupID: 77}
	for i := int32(1); i <= 3; i++ {
		g.RepeatCount, g.RepeatEnd = i, i == 3
		r.Emit(faketiktok.Gift(bob, g))
	}
}

func checkStreak(t *testing.T, sink *sourcetest.Sink) {
	t.Helper()
	ok := sink.Wait(5*time.Second, func(evs []domain.Event) bool {
		return sourcetest.Count(evs, domain.EventGift, nil) == 1 && sourcetest.Count(evs, domain.EventChat, nil) == 1
	})
	evs := sink.EventList()
	if !ok || sourcetest.Count(evs, domain.EventGiftStreak, nil) != 2 {
		t.Fatalf("events: %+v", evs)
	}
	for _, e := range evs {
		if e.Type == domain.EventGift && (e.RepeatCount != 3 || e.Coins != 3 || e.UniqueID != "bob" || !e.IsSubscriber) {
			t.Fatalf("gift: %+v", e)
		}
	}
}

func TestRawFrames(t *testing.T) {
	fk, room := setup(t)
	sink := sourcetest.New()
	errc, cancel := run(New(Config{URL: fk.EulerURL(), APIKey: testKey}), sink)
	defer cancel()
	waitConnected(t, sink)
	room.Emit(faketiktok.Chat(bob, "hi relay"))
	streak(room)
	checkStreak(t, sink)
	q := fk.Stats().EulerConns[0]
	if !strings.Contains(q, "uniqueId=streamer") || !strings.Contains(q, "features.rawMessages=true") {
		t.Fatalf("relay query %s", q)
	}
	if info := sink.ConnectedInfos()[0]; info.RoomID != room.RoomID {
		t.Fatalf("room id %+v", info)
	}
	room.End()
	if e := waitErr(t, errc); e.Code != source.CodeStreamEnded {
		t.Fatalf("got %v", e)
	}
}

func TestJSONMode(t *testing.T) {
	fk, room := setup(t)
	sink := sourcetest.New()
	_, cancel := run(New(Config{URL: fk.EulerURL(), APIKey: testKey, JSON: true}), sink)
	defer cancel()
	waitConnected(t, sink)
	room.Emit(faketiktok.Chat(bob, "hi json"))
	streak(room)
	room.Emit(faketiktok.Like(bob, 15, 4821), faketiktok.Follow(bob), faketiktok.Viewers(42))
	checkStreak(t, sink)
	if !sink.Wait(3*time.Second, func(evs []domain.Event) bool {
		return sourcetest.Count(evs, domain.EventLike, func(e domain.Event) bool { return e.LikeCount == 15 && e.TotalLikeCount == 4821 }) == 1 &&
			sourcetest.Count(evs, domain.EventFollow, nil) == 1 &&
			sourcetest.Count(evs, domain.EventViewers, func(e domain.Event) bool { return e.ViewerCount == 42 }) == 1
	}) {
		t.Fatalf("events %+v", sink.EventList())
	}
	if q := fk.Stats().EulerConns[0]; !strings.Contains(q, "features.schemaVersion=v2") {
		t.Fatalf("relay query %s", q)
	}
}

func TestCloseCodes(t *testing.T) {
	cases := []struct {
		code  int
		want  source.Code
		final bool
	}{
		{4404, source.CodeNotLive, false}, {4401, source.CodeInvalidAPIKey, false}, {4403, source.CodeInvalidAPIKey, false},
		{4429, source.CodeRateLimited, false}, {4005, source.CodeStreamEnded, true}, {4400, source.CodeInvalidTarget, true},
		{4556, source.CodeSignServer, false}, {4500, source.CodeNetwork, false}, {1011, source.CodeSignServer, false},
	}
	fk, _ := setup(t)
	for _, tc := range cases {
		fk.EulerClose(tc.code, "scripted")
		errc, cancel := run(New(Config{URL: fk.EulerURL(), APIKey: testKey}), sourcetest.New())
		e := waitErr(t, errc)
		cancel()
		if e.Code != tc.want || e.Final() != tc.final || e.Source != source.NameEuler {
			t.Errorf("close %d: got %s final %v: %v", tc.code, e.Code, e.Final(), e)
		}
		if tc.code == 4429 && e.RetryAfter != 30*time.Second {
			t.Errorf("4429 retry after %v", e.RetryAfter)
		}
	}
}

func TestBadKeyIsRedacted(t *testing.T) {
	fk, _ := setup(t)
	var logs bytes.Buffer
	wrong := "euler_WRONG_secret_key_1"
	errc, cancel := run(New(Config{URL: fk.EulerURL(), APIKey: wrong, Log: zerolog.New(&logs)}), sourcetest.New())
	defer cancel()
	e := waitErr(t, errc)
	if e.Code != source.CodeInvalidAPIKey {
		t.Fatalf("got %v", e)
	}
	if strings.Contains(e.Error()+logs.String(), wrong) {
		t.Fatal("key leaked")
	}
}

func TestNetworkDownIsRedacted(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	errc, cancel := run(New(Config{URL: "ws://" + addr + "/?apiKey=" + testKey, APIKey: testKey}), sourcetest.New())
	defer cancel()
	e := waitErr(t, errc)
	if e.Code != source.CodeNetwork || strings.Contains(e.Error(), testKey) {
		t.Fatalf("got %v", e)
	}
}

func TestRoomIDOnlyTargetIsUnavailable(t *testing.T) {
	src := New(Config{URL: "ws://127.0.0.1:1"})
	err := src.Run(context.Background(), source.Target{RoomID: "1"}, sourcetest.New())
	if e := source.AsError(err); e == nil || e.Code != source.CodeUnavailable {
		t.Fatalf("got %v", err)
	}
}

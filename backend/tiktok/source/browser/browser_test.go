package browser

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/faketiktok"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/source/sourcetest"
)

func chromium(t *testing.T) string {
	for _, p := range []string{"/usr/lib/chromium/chromium", "/usr/bin/chromium"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skip("no Chromium installed")
	return ""
}

// TestCaptureWithHeadlessChromium drives a real headless Chromium to the
// fake LIVE page, whose player opens the fake push socket, and checks that
// every frame is captured, decoded and normalized.
func TestCaptureWithHeadlessChromium(t *testing.T) {
	exe := chromium(t)
	fk := faketiktok.New(faketiktok.Options{Compression: faketiktok.CompressMixed})
	defer fk.Close()
	room := fk.AddRoom("streamer", "7300000000000000003")
	src := New(Config{WebBase: fk.URL(), ExecPath: exe, Confirmed: true, Headless: true, StartTimeout: 30 * time.Second})
	sink := sourcetest.New()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- src.Run(ctx, source.Target{UniqueID: "streamer"}, sink) }()

	deadline := time.Now().Add(40 * time.Second)
	for len(sink.ConnectedInfos()) == 0 {
		select {
		case err := <-errc:
			t.Fatalf("source stopped before connecting: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("browser never opened the push socket")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if id := sink.ConnectedInfos()[0].RoomID; id != room.RoomID {
		t.Fatalf("room id from the socket URL: %q", id)
	}
	carol := faketiktok.User{ID: 303, Handle: "carol", Nickname: "Carol"}
	for i := int32(1); i <= 3; i++ {
		room.Emit(faketiktok.Gift(carol, faketiktok.GiftSpec{ID: 5655, Name: "Rose", Diamonds: 1, Streakable: true,
			GroupID: 9, RepeatCount: i, RepeatEnd: i == 3}))
	}
	room.Emit(faketiktok.Chat(carol, "from the browser"))
	if !sink.Wait(10*time.Second, func(evs []domain.Event) bool {
		return sourcetest.Count(evs, domain.EventGift, func(e domain.Event) bool { return e.RepeatCount == 3 }) == 1 &&
			sourcetest.Count(evs, domain.EventChat, nil) == 1
	}) {
		t.Fatalf("events: %+v", sink.EventList())
	}
	room.End()
	select {
	case err := <-errc:
		if e := source.AsError(err); e == nil || e.Code != source.CodeStreamEnded {
			t.Fatalf("want stream_ended, got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("stream end not seen")
	}
	if st := fk.Stats(); st.EnterRooms < 1 {
		t.Errorf("the page's player should have entered the room: %+v", st.EnterRooms)
	}
}

func TestNoBrowserIsUnavailable(t *testing.T) {
	src := New(Config{ExecPath: "", WebBase: "http://127.0.0.1:1"})
	src.cfg.ExecPath = "/nonexistent/browser"
	err := src.Run(context.Background(), source.Target{UniqueID: "x"}, sourcetest.New())
	if e := source.AsError(err); e == nil || e.Code != source.CodeUnavailable {
		t.Fatalf("got %v", err)
	}
}

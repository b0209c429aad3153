package direct

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/faketiktok"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/source/sourcetest"
)

const (
	testKey     = "euler_SECRETKEY_123456"
	testSession = "sess-SECRET-abcdef"
)

var alice = faketiktok.User{ID: 101, Handle: "alice", Nickname: "Alice"}

func newFake(t *testing.T, opts faketiktok.Options) (*faketiktok.Server, *faketiktok.Room) {
	t.Helper()
	fk := faketiktok.New(opts)
	t.Cleanup(fk.Close)
	return fk, fk.AddRoom("streamer", "7300000000000000001")
}

func newSource(fk *faketiktok.Server, mod func(*Config)) *Source {
	cfg := Config{WebBase: fk.URL(), SignBase: fk.URL(), Heartbeat: 40 * time.Millisecond,
		PushHostAllowed: func(h string) bool { return h == "127.0.0.1" }}
	if mod != nil {
		mod(&cfg)
	}
	return New(cfg)
}

type running struct {
	errc   chan error
	cancel context.CancelFunc
}

func start(src *Source, t source.Target, sink source.Sink) running {
	ctx, cancel := context.WithCancel(context.Background())
	r := running{errc: make(chan error, 1), cancel: cancel}
	go func() { r.errc <- src.Run(ctx, t, sink) }()
	return r
}

func (r running) wait(t *testing.T) error {
	t.Helper()
	select {
	case err := <-r.errc:
		return err
	case <-time.After(10 * time.Second):
		r.cancel()
		t.Fatal("source did not return")
		return nil
	}
}

func waitConnected(t *testing.T, sink *sourcetest.Sink) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for len(sink.ConnectedInfos()) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("never connected")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func runToError(t *testing.T, src *Source, target source.Target) *source.Error {
	t.Helper()
	err := start(src, target, sourcetest.New()).wait(t)
	e := source.AsError(err)
	if e == nil {
		t.Fatalf("want *source.Error, got %v", err)
	}
	return e
}

func TestFullConnectSequence(t *testing.T) {
	fk, room := newFake(t, faketiktok.Options{APIKey: testKey})
	sink := sourcetest.New()
	r := start(newSource(fk, func(c *Config) { c.APIKey = testKey }), source.Target{UniqueID: "streamer"}, sink)
	defer r.cancel()
	waitConnected(t, sink)
	room.Emit(faketiktok.Chat(alice, "hello"), faketiktok.Gift(alice, faketiktok.GiftSpec{ID: 5655, Name: "Rose", Diamonds: 1, RepeatCount: 1}))
	if !sink.Wait(5*time.Second, func(evs []domain.Event) bool { return len(evs) >= 2 }) {
		t.Fatalf("events: %+v", sink.EventList())
	}
	evs := sink.EventList()
	if evs[0].Type != domain.EventChat || evs[0].Comment != "hello" || evs[0].UniqueID != "alice" {
		t.Fatalf("chat: %+v", evs[0])
	}
	if evs[1].Type != domain.EventGift || evs[1].GiftID != 5655 || evs[1].Coins != 1 {
		t.Fatalf("gift: %+v", evs[1])
	}
	if info := sink.ConnectedInfos()[0]; info.RoomID != room.RoomID || info.UniqueID != "streamer" {
		t.Fatalf("connected info %+v", info)
	}
	time.Sleep(150 * time.Millisecond) // a few heartbeats
	checkWire(t, fk.Stats(), room.RoomID)
}

func checkWire(t *testing.T, st faketiktok.Stats, roomID string) {
	t.Helper()
	if len(st.SignRequests) != 1 {
		t.Fatalf("sign requests: %d", len(st.SignRequests))
	}
	sr := st.SignRequests[0]
	for k, want := range map[string]string{"room_id": roomID, "client_enter": "true", "platform": "web", "client": "ltth"} {
		if sr.Query[k] != want {
			t.Errorf("sign query %s = %q, want %q", k, sr.Query[k], want)
		}
	}
	if sr.APIKey != testKey || sr.UserAgent != DefaultUserAgent {
		t.Errorf("sign auth/UA: %q %q", sr.APIKey, sr.UserAgent)
	}
	if len(st.Handshakes) != 1 || st.Handshakes[0].Refused != "" {
		t.Fatalf("handshakes: %+v", st.Handshakes)
	}
	hs := st.Handshakes[0]
	for _, k := range []string{"room_id", "cursor", "internal_ext", "wrss", "aid", "compress"} {
		if hs.Query[k] == "" {
			t.Errorf("push query lacks %s", k)
		}
	}
	if _, ok := hs.Query["empty_param"]; ok {
		t.Error("empty route params must be left out")
	}
	if hs.UserAgent != DefaultUserAgent || !strings.Contains(hs.Cookie, "ttwid=") || !strings.Contains(hs.Cookie, "tt-target-idc=") {
		t.Errorf("handshake headers: UA %q cookie %q", hs.UserAgent, hs.Cookie)
	}
	if st.EnterRooms != 1 || st.Heartbeats < 2 {
		t.Errorf("enter-room %d, heartbeats %d", st.EnterRooms, st.Heartbeats)
	}
	for i, seq := range st.HeartbeatSeq {
		if seq != uint64(i+1) {
			t.Fatalf("heartbeat seq %v", st.HeartbeatSeq)
		}
	}
}

func TestHeartbeatsKeepSocketAliveAndAcks(t *testing.T) {
	fk, room := newFake(t, faketiktok.Options{HeartbeatTimeout: 300 * time.Millisecond, NeedAck: true, AckTimeout: 400 * time.Millisecond})
	sink := sourcetest.New()
	r := start(newSource(fk, nil), source.Target{UniqueID: "streamer"}, sink)
	defer r.cancel()
	waitConnected(t, sink)
	for i := range 5 {
		room.Emit(faketiktok.Chat(alice, "msg"+string(rune('a'+i))))
		time.Sleep(150 * time.Millisecond)
	}
	if !sink.Wait(3*time.Second, func(evs []domain.Event) bool { return len(evs) == 5 }) {
		t.Fatalf("events %d", len(sink.EventList()))
	}
	st := fk.Stats()
	if room.Connections() != 1 || len(st.Handshakes) != 1 {
		t.Fatalf("socket did not stay up: conns %d handshakes %d", room.Connections(), len(st.Handshakes))
	}
	if len(st.Acks) != st.FramesSent || st.BadAcks != 0 || st.FramesSent < 5 {
		t.Fatalf("acks %v bad %d frames %d", st.Acks, st.BadAcks, st.FramesSent)
	}
}

func TestGzipAndPlainFrames(t *testing.T) {
	fk, room := newFake(t, faketiktok.Options{Compression: faketiktok.CompressMixed})
	sink := sourcetest.New()
	r := start(newSource(fk, nil), source.Target{RoomID: "7300000000000000001"}, sink)
	defer r.cancel()
	waitConnected(t, sink)
	for i := range 6 {
		room.Emit(faketiktok.Chat(alice, strings.Repeat("x", i+1)))
		time.Sleep(30 * time.Millisecond)
	}
	if !sink.Wait(3*time.Second, func(evs []domain.Event) bool { return len(evs) == 6 }) {
		t.Fatalf("got %d of 6 events", len(sink.EventList()))
	}
}

func TestStreamEnd(t *testing.T) {
	fk, room := newFake(t, faketiktok.Options{})
	sink := sourcetest.New()
	r := start(newSource(fk, nil), source.Target{UniqueID: "streamer"}, sink)
	waitConnected(t, sink)
	room.End()
	e := source.AsError(r.wait(t))
	if e == nil || e.Code != source.CodeStreamEnded || !e.Final() {
		t.Fatalf("want stream_ended, got %v", e)
	}
	if sourcetest.Count(sink.EventList(), domain.EventStreamEnd, nil) != 1 {
		t.Fatalf("events %+v", sink.EventList())
	}
}

func TestDroppedSocketIsNetworkError(t *testing.T) {
	fk, room := newFake(t, faketiktok.Options{})
	sink := sourcetest.New()
	r := start(newSource(fk, nil), source.Target{UniqueID: "streamer"}, sink)
	waitConnected(t, sink)
	room.DropConnections()
	e := source.AsError(r.wait(t))
	if e == nil || e.Code != source.CodeNetwork || e.Final() {
		t.Fatalf("want network, got %v", e)
	}
}

func TestCancelReturnsContextError(t *testing.T) {
	fk, _ := newFake(t, faketiktok.Options{})
	sink := sourcetest.New()
	r := start(newSource(fk, nil), source.Target{UniqueID: "streamer"}, sink)
	waitConnected(t, sink)
	r.cancel()
	if err := r.wait(t); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
}

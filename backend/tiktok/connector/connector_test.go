package connector

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/faketiktok"
	"github.com/ltth/ltth/backend/tiktok/source"
)

func TestConnectPublishesEventsAndState(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{Sources: []string{"direct", "euler"}})
	var st Status
	if code := e.do("POST", "/api/connection/connect", `{"target":"https://www.tiktok.com/@Streamer/live"}`, &st); code != 202 {
		t.Fatalf("connect: %d", code)
	}
	e.waitState(StateConnected, "direct")
	e.room.Emit(gift(1))
	e.waitFor("gift", 5*time.Second, func() bool { return len(e.events(domain.EventGift)) == 1 })
	if g := e.events(domain.EventGift)[0]; g.Source != "direct" || g.Coins != 5 {
		t.Fatalf("gift %+v", g)
	}
	if c := e.events(domain.EventConnected); len(c) != 1 || c[0].RoomID != e.room.RoomID || c[0].UniqueID != "streamer" {
		t.Fatalf("connected events %+v", c)
	}
	e.do("GET", "/api/connection", "", &st)
	if st.State != StateConnected || st.RoomID != e.room.RoomID || len(st.Sources) != 2 ||
		st.Sources[0].State != SourceLive || st.Sources[1].State != SourceStandby || st.Sources[1].Reason == "" {
		t.Fatalf("status %+v", st)
	}
	if !hasState(e.messages(), "connected") {
		t.Fatal("no connection state message on the bus")
	}
	e.do("POST", "/api/connection/disconnect", "", &st)
	if st.State != StateDisconnected {
		t.Fatalf("after disconnect: %+v", st)
	}
	e.waitFor("disconnected event", 3*time.Second, func() bool { return len(e.events(domain.EventDisconnected)) == 1 })
	if s, _, _ := e.db.GetSetting(KeyTarget); s != "https://www.tiktok.com/@Streamer/live" {
		t.Fatalf("target not saved: %q", s)
	}
}

func hasState(msgs []domain.Message, state string) bool {
	for _, m := range msgs {
		if sm, ok := m.Data.(StateMessage); ok && m.Key == TypeConnection && sm.State == state {
			return true
		}
	}
	return false
}

// TestReconnectNoDuplicatesNoLoss drops the socket mid-stream (with a
// streak running) while gifts keep coming; the fake re-sends recent history
// on reconnect. Every gift must arrive exactly once.
func TestReconnectNoDuplicatesNoLoss(t *testing.T) {
	e := newEnv(t, faketiktok.Options{NeedAck: true, Resend: 4}, Settings{Sources: []string{"direct"}})
	if err := e.c.Connect(context.Background(), "@streamer"); err != nil {
		t.Fatal(err)
	}
	e.waitState(StateConnected, "direct")
	dave := faketiktok.User{ID: 900, Handle: "dave", Nickname: "Dave"}
	rose := faketiktok.GiftSpec{ID: 5655, Name: "Rose", Diamonds: 1, Streakable: true, GroupID: 31}
	for i := int64(1); i <= 5; i++ {
		e.room.Emit(gift(i))
	}
	rose.RepeatCount = 1
	e.room.Emit(faketiktok.Gift(dave, rose))
	rose.RepeatCount = 2
	e.room.Emit(faketiktok.Gift(dave, rose))
	e.waitFor("first gifts", 5*time.Second, func() bool { return len(e.events(domain.EventGift)) == 5 })

	e.room.DropConnections()
	for i := int64(6); i <= 8; i++ { // sent while LTTH is away
		e.room.Emit(gift(i))
	}
	rose.RepeatCount, rose.RepeatEnd = 3, true
	e.room.Emit(faketiktok.Gift(dave, rose))
	e.waitFor("second handshake", 10*time.Second, func() bool { return len(e.fk.Stats().Handshakes) >= 2 })
	e.waitState(StateConnected, "direct")
	for i := int64(9); i <= 10; i++ {
		e.room.Emit(gift(i))
	}
	e.waitFor("all gifts", 10*time.Second, func() bool { return len(e.events(domain.EventGift)) >= 11 })
	time.Sleep(200 * time.Millisecond) // anything duplicated would have arrived by now
	checkGiftsOnce(t, e.events(domain.EventGift))

	st := e.fk.Stats()
	if last := st.SignRequests[len(st.SignRequests)-1]; last.Query["cursor"] == "" {
		t.Fatal("reconnect did not resume from the last cursor")
	}
	status := e.c.Status()
	if len(status.Gaps) != 1 || status.Gaps[0].To == 0 || status.Gaps[0].DurationMs <= 0 {
		t.Fatalf("gaps %+v", status.Gaps)
	}
	if len(e.events(domain.EventConnected)) != 2 || len(e.events(domain.EventDisconnected)) != 1 {
		t.Fatalf("connected %d disconnected %d", len(e.events(domain.EventConnected)), len(e.events(domain.EventDisconnected)))
	}
}

func checkGiftsOnce(t *testing.T, gifts []domain.Event) {
	t.Helper()
	seen := map[int64]int{}
	for _, g := range gifts {
		seen[g.GiftID]++
		if g.GiftID == 5655 && (g.RepeatCount != 3 || g.Coins != 3) {
			t.Errorf("streak gift %+v", g)
		}
	}
	for id := int64(1); id <= 10; id++ {
		if seen[id] != 1 {
			t.Errorf("gift %d seen %d times", id, seen[id])
		}
	}
	if seen[5655] != 1 || len(gifts) != 11 {
		t.Errorf("streak seen %d times, %d gifts in all", seen[5655], len(gifts))
	}
}

func TestFailoverToNextSource(t *testing.T) {
	cases := []struct {
		name  string
		fault func(*faketiktok.Server)
		code  source.Code
		state string
	}{
		{"sign outage", func(f *faketiktok.Server) { f.FailSign(-1, 503, "", "") }, source.CodeSignServer, SourceFailed},
		{"rate limit", func(f *faketiktok.Server) { f.FailSign(-1, 429, "60", "") }, source.CodeRateLimited, SourceCooldown},
		{"handshake refused", func(f *faketiktok.Server) { f.RefuseHandshakes(-1, "415", "DEVICE_BLOCKED") },
			source.CodeHandshakeRefused, SourceFailed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, faketiktok.Options{}, Settings{Sources: []string{"direct", "euler"}})
			tc.fault(e.fk)
			if err := e.c.Connect(context.Background(), "streamer"); err != nil {
				t.Fatal(err)
			}
			e.waitState(StateConnected, "euler")
			e.room.Emit(gift(7))
			e.waitFor("gift via euler", 5*time.Second, func() bool { return len(e.events(domain.EventGift)) == 1 })
			if g := e.events(domain.EventGift)[0]; g.Source != "euler" {
				t.Fatalf("gift source %q", g.Source)
			}
			st := e.c.Status()
			if st.Sources[0].Name != "direct" || st.Sources[0].State != tc.state || st.Sources[0].Code != string(tc.code) ||
				st.Sources[0].Reason == "" || st.Sources[1].State != SourceLive {
				t.Fatalf("sources %+v", st.Sources)
			}
		})
	}
}

func TestRateLimitRespectsRetryAfter(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{Sources: []string{"direct"}})
	e.fk.FailSign(1, 429, "1", "")
	start := time.Now()
	if err := e.c.Connect(context.Background(), "streamer"); err != nil {
		t.Fatal(err)
	}
	e.waitFor("cooldown", 3*time.Second, func() bool {
		s := e.c.Status().Sources[0]
		return s.State == SourceCooldown && s.Code == string(source.CodeRateLimited) && s.Until > 0
	})
	e.waitState(StateConnected, "direct")
	if took := time.Since(start); took < 900*time.Millisecond {
		t.Fatalf("retried after %v, before Retry-After", took)
	}
	if n := len(e.fk.Stats().SignRequests); n != 2 {
		t.Fatalf("sign requests %d", n)
	}
}

func TestFinalErrorStops(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{Sources: []string{"direct", "euler"}})
	if err := e.c.Connect(context.Background(), "@nobody"); err != nil {
		t.Fatal(err)
	}
	e.waitState(StateError, "")
	st := e.c.Status()
	if st.Code != string(source.CodeUserNotFound) || !strings.Contains(st.Reason, "@nobody") {
		t.Fatalf("status %+v", st)
	}
	pages := e.fk.Stats().LivePages
	time.Sleep(300 * time.Millisecond)
	if e.fk.Stats().LivePages != pages || len(e.fk.Stats().EulerConns) != 0 {
		t.Fatal("kept trying after a final error")
	}
}

func TestStreamEndStops(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{Sources: []string{"direct"}})
	if err := e.c.Connect(context.Background(), "streamer"); err != nil {
		t.Fatal(err)
	}
	e.waitState(StateConnected, "direct")
	e.room.End()
	e.waitState(StateDisconnected, "")
	if st := e.c.Status(); st.Code != string(source.CodeStreamEnded) {
		t.Fatalf("status %+v", st)
	}
	if len(e.events(domain.EventStreamEnd)) != 1 || len(e.events(domain.EventDisconnected)) != 1 {
		t.Fatal("missing streamEnd / disconnected events")
	}
	handshakes := len(e.fk.Stats().Handshakes)
	time.Sleep(200 * time.Millisecond)
	if len(e.fk.Stats().Handshakes) != handshakes {
		t.Fatal("reconnected after the stream ended")
	}
}

func TestNotLiveWaitsThenConnects(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{Sources: []string{"direct", "euler"}})
	e.room.SetStatus(4)
	if err := e.c.Connect(context.Background(), "streamer"); err != nil {
		t.Fatal(err)
	}
	e.waitFor("not live", 3*time.Second, func() bool { return e.c.Status().Code == string(source.CodeNotLive) })
	e.room.SetStatus(2)
	e.waitState(StateConnected, "direct")
}

func TestInvalidTargetIsRejected(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{})
	var body map[string]string
	if code := e.do("POST", "/api/connection/connect", `{"target":"not a user!"}`, &body); code != 400 || body["code"] != "invalid_target" {
		t.Fatalf("got %d %v", code, body)
	}
}

func TestStreakWithoutEndIsCommittedByTimeout(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{Sources: []string{"direct"}})
	cfg := testConfig(e.fk)
	cfg.StreakTimeout = 300 * time.Millisecond
	c := e.newConnector(cfg)
	if err := c.Connect(context.Background(), "streamer"); err != nil {
		t.Fatal(err)
	}
	e.waitFor("connected", 5*time.Second, func() bool { return c.Status().State == StateConnected })
	eve := faketiktok.User{ID: 77, Handle: "eve", Nickname: "Eve"}
	for i := int32(1); i <= 2; i++ {
		e.room.Emit(faketiktok.Gift(eve, faketiktok.GiftSpec{ID: 5655, Name: "Rose", Diamonds: 1, Streakable: true, GroupID: 5, RepeatCount: i}))
	}
	e.waitFor("timed-out streak committed", 5*time.Second, func() bool { return len(e.events(domain.EventGift)) == 1 })
	if g := e.events(domain.EventGift)[0]; g.RepeatCount != 2 || g.Coins != 2 {
		t.Fatalf("gift %+v", g)
	}
}

func TestAllSourcesRejectingTheKeyEndsInError(t *testing.T) {
	e := newEnv(t, faketiktok.Options{APIKey: "right-key-123456"}, Settings{Sources: []string{"direct", "euler"}, APIKey: "wrong-key-123456"})
	if err := e.c.Connect(context.Background(), "streamer"); err != nil {
		t.Fatal(err)
	}
	e.waitState(StateError, "")
	if st := e.c.Status(); st.Code != string(source.CodeInvalidAPIKey) {
		t.Fatalf("status %+v", st)
	}
}

// core drives the connector through this interface (backend/core/control.go).
var _ interface {
	Connect(ctx context.Context, target string) error
	Disconnect(ctx context.Context) error
} = (*Connector)(nil)

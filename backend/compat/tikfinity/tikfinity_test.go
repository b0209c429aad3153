package tikfinity

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// freePort picks a port free on 127.0.0.1 (and, where it exists, ::1).
func freePort(t *testing.T) int {
	t.Helper()
	for range 20 {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		if l6, err := net.Listen("tcp", net.JoinHostPort("::1", itoa(port))); err == nil {
			l6.Close()
			return port
		} else if missingFamily("::1", err) {
			return port
		}
	}
	t.Fatal("no free port")
	return 0
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// startCompat starts an enabled module on a free port.
func startCompat(t *testing.T, b *bus.Bus) (*Module, int) {
	t.Helper()
	m := New(Options{Bus: b, DataDir: t.TempDir(), PingInterval: time.Second})
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Stop(context.Background()) })
	port := freePort(t)
	if err := m.Apply(Settings{Enabled: true, Port: port}); err != nil {
		t.Fatal(err)
	}
	return m, port
}

// dial connects like a browser overlay from a foreign origin.
func dial(t *testing.T, url string) *websocket.Conn {
	t.Helper()
	h := http.Header{"Origin": {"https://overlay.example"}}
	ws, _, err := websocket.DefaultDialer.Dial(url, h)
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

func waitClients(t *testing.T, m *Module, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for m.Status().Clients != n {
		if time.Now().After(deadline) {
			t.Fatalf("clients = %d, want %d", m.Status().Clients, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// tfFrame is how a TikFinity consumer (nutty.gg, ChatRD) reads a frame:
// typed fields, so a number where a string belongs fails to decode.
type tfFrame struct {
	Event string `json:"event"`
	Data  struct {
		UserID            string `json:"userId"`
		UniqueID          string `json:"uniqueId"`
		Nickname          string `json:"nickname"`
		ProfilePictureURL string `json:"profilePictureUrl"`
		UserBadges        []any  `json:"userBadges"`
		IsModerator       bool   `json:"isModerator"`
		MsgID             string `json:"msgId"`
		CreateTime        string `json:"createTime"`
		Comment           string `json:"comment"`
		GiftID            int64  `json:"giftId"`
		GiftName          string `json:"giftName"`
		GiftType          int    `json:"giftType"`
		RepeatCount       int64  `json:"repeatCount"`
		RepeatEnd         bool   `json:"repeatEnd"`
		DiamondCount      int64  `json:"diamondCount"`
		LikeCount         int64  `json:"likeCount"`
		TotalLikeCount    int64  `json:"totalLikeCount"`
		ViewerCount       int64  `json:"viewerCount"`
		SubMonth          int64  `json:"subMonth"`
		TikfinityUsername string `json:"tikfinityUsername"`
	} `json:"data"`
}

func readFrame(t *testing.T, ws *websocket.Conn) tfFrame {
	t.Helper()
	_ = ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	typ, b, err := ws.ReadMessage()
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if typ != websocket.TextMessage {
		t.Fatalf("frame type %d, want text", typ)
	}
	var f tfFrame
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("frame %s: %v", b, err)
	}
	return f
}

var viewer = domain.User{UserID: "7000000000000000001", UniqueID: "demo_viewer", Nickname: "Demo Viewer",
	AvatarURL: "https://example.invalid/a.webp", IsModerator: true, IsFollower: true}

func rose(typ domain.EventType, id string, count int64) *domain.Event {
	return &domain.Event{Type: typ, ID: id, TS: 1750000000000, User: viewer, Source: "tiktok", GiftID: 5655,
		GiftName: "Rose", DiamondCount: 1, RepeatCount: count, Coins: count, Streakable: true}
}

// sampleEvents is a short LIVE: the streamer connects, a viewer chats, runs
// a Rose streak (2 progress updates, then the end), sends a non-streak gift,
// likes, joins, follows, shares, subscribes; the viewer count changes.
func sampleEvents() []*domain.Event {
	ev := func(e domain.Event) *domain.Event {
		e.User, e.TS, e.Source = viewer, 1750000000000, "tiktok"
		return &e
	}
	return []*domain.Event{
		{Type: domain.EventConnected, User: domain.User{UniqueID: "demo_streamer"}, RoomID: "1"},
		ev(domain.Event{Type: domain.EventChat, ID: "7500000000000000001", Comment: "hi!"}),
		rose(domain.EventGiftStreak, "7500000000000000002", 1),
		rose(domain.EventGiftStreak, "7500000000000000003", 2),
		rose(domain.EventGift, "7500000000000000004", 3),
		ev(domain.Event{Type: domain.EventGift, ID: "7500000000000000005", GiftID: 6064, GiftName: "GG", DiamondCount: 5, RepeatCount: 1, Coins: 5}),
		ev(domain.Event{Type: domain.EventLike, ID: "7500000000000000006", LikeCount: 15, TotalLikeCount: 4821}),
		ev(domain.Event{Type: domain.EventJoin, ID: "7500000000000000007"}),
		{Type: domain.EventViewers, ID: "7500000000000000008", TS: 1750000000000, ViewerCount: 42},
		ev(domain.Event{Type: domain.EventFollow, ID: "7500000000000000009"}),
		ev(domain.Event{Type: domain.EventShare, ID: "7500000000000000010"}),
		ev(domain.Event{Type: domain.EventSubscribe, ID: "7500000000000000011", SubMonth: 3}),
	}
}

func TestClientReadsTikFinityFormat(t *testing.T) {
	b := bus.New()
	m, port := startCompat(t, b)
	clients := []*websocket.Conn{dial(t, "ws://127.0.0.1:"+itoa(port)+"/")}
	if st := m.Status(); len(st.Addrs) == 2 {
		clients = append(clients, dial(t, "ws://[::1]:"+itoa(port)))
	}
	waitClients(t, m, len(clients))
	for _, e := range sampleEvents() {
		b.PublishEvent(e)
	}
	for _, ws := range clients {
		checkSample(t, ws)
	}
	if st := m.Status(); !st.Listening || st.Port != port || st.Sent != uint64(11*len(clients)) {
		t.Errorf("status %+v", st)
	}
}

func checkSample(t *testing.T, ws *websocket.Conn) {
	t.Helper()
	want := []string{"chat", "gift", "gift", "gift", "gift", "like", "member", "roomUser", "follow", "share", "subscribe"}
	var frames []tfFrame
	for _, name := range want {
		f := readFrame(t, ws)
		if f.Event != name {
			t.Fatalf("event %q, want %q", f.Event, name)
		}
		if f.Data.TikfinityUsername != "demo_streamer" || f.Data.MsgID == "" || f.Data.CreateTime != "1750000000000" {
			t.Errorf("%s: envelope fields %+v", name, f.Data)
		}
		if name != "roomUser" && (f.Data.UserID != viewer.UserID || f.Data.UniqueID != "demo_viewer" || f.Data.Nickname != "Demo Viewer" ||
			f.Data.ProfilePictureURL != viewer.AvatarURL || f.Data.UserBadges == nil || !f.Data.IsModerator) {
			t.Errorf("%s: user fields %+v", name, f.Data)
		}
		frames = append(frames, f)
	}
	if frames[0].Data.Comment != "hi!" {
		t.Errorf("chat %+v", frames[0].Data)
	}
	// The v1 streak rule: type-1 progress frames, then repeatEnd true;
	// a consumer that keeps only the finished gifts counts 3 + 5 coins.
	coins := int64(0)
	for i, f := range frames[1:5] {
		if f.Data.GiftType == 1 && !f.Data.RepeatEnd {
			if f.Data.RepeatCount != int64(i+1) {
				t.Errorf("progress %d: %+v", i, f.Data)
			}
			continue
		}
		coins += f.Data.DiamondCount * f.Data.RepeatCount
	}
	if coins != 8 || !frames[3].Data.RepeatEnd || frames[3].Data.RepeatCount != 3 || frames[4].Data.GiftType == 1 {
		t.Errorf("gifts: coins %d, frames %+v", coins, frames[1:5])
	}
	if d := frames[5].Data; d.LikeCount != 15 || d.TotalLikeCount != 4821 {
		t.Errorf("like %+v", d)
	}
	if frames[7].Data.ViewerCount != 42 || frames[10].Data.SubMonth != 3 {
		t.Errorf("roomUser/subscribe %+v %+v", frames[7].Data, frames[10].Data)
	}
}

func TestApplyPersistsAndRefusesBusyPort(t *testing.T) {
	dir := t.TempDir()
	m := New(Options{Bus: bus.New(), DataDir: dir, Hosts: []string{"127.0.0.1"}})
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Stop(context.Background())
	if st := m.Status(); st.Enabled || st.Listening || st.Port != DefaultPort {
		t.Fatalf("default status %+v", st)
	}
	busy, _ := net.Listen("tcp", "127.0.0.1:0")
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	if err := m.Apply(Settings{Enabled: true, Port: port}); err == nil {
		t.Fatal("busy port accepted")
	}
	if err := m.Apply(Settings{Enabled: true, Port: 0}); err == nil {
		t.Fatal("port 0 accepted")
	}
	if st := m.Status(); st.Enabled || st.Listening {
		t.Fatalf("a refused change took effect: %+v", st)
	}
	busy.Close()
	if err := m.Apply(Settings{Enabled: true, Port: port}); err != nil {
		t.Fatal(err)
	}
	m.Stop(context.Background())
	again := New(Options{Bus: bus.New(), DataDir: dir, Hosts: []string{"127.0.0.1"}})
	if err := again.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer again.Stop(context.Background())
	if st := again.Status(); !st.Enabled || !st.Listening || st.Port != port {
		t.Fatalf("after restart %+v", st)
	}
	if err := again.Apply(Settings{Enabled: false, Port: port}); err != nil || again.Status().Listening {
		t.Fatalf("disable: %v %+v", err, again.Status())
	}
	if c, err := net.Dial("tcp", "127.0.0.1:"+itoa(port)); err == nil {
		c.Close()
		t.Fatal("still listening after disable")
	}
}

// A client that never reads must not hold the bus up: publishing many
// events completes, and the excess is dropped for that client.
func TestSlowClientNeverBlocksBus(t *testing.T) {
	b := bus.New()
	m := New(Options{Bus: b, DataDir: t.TempDir(), ClientQueue: 4, Hosts: []string{"127.0.0.1"}})
	_ = m.Start(context.Background())
	defer m.Stop(context.Background())
	port := freePort(t)
	if err := m.Apply(Settings{Enabled: true, Port: port}); err != nil {
		t.Fatal(err)
	}
	dial(t, "ws://127.0.0.1:"+itoa(port)+"/") // never reads
	waitClients(t, m, 1)
	done := make(chan struct{})
	go func() {
		for i := range 20000 {
			b.PublishEvent(&domain.Event{Type: domain.EventChat, ID: itoa(i + 1), User: viewer, Comment: "spam spam spam spam"})
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("publishing blocked on the compat client")
	}
}

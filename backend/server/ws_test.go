package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/ltth/ltth/backend/domain"
)

func goalMsg(id string, value int) domain.Message {
	return domain.Message{Type: "goal", Key: "goal:" + id,
		Data: map[string]any{"id": id, "name": "Coins", "value": value, "target": 1000}}
}

func TestSnapshotOnConnect(t *testing.T) {
	s, b := startServer(t, Config{}, Deps{})
	b.Publish(goalMsg("a", 1))
	b.Publish(goalMsg("a", 5)) // latest wins
	b.Publish(goalMsg("b", 9))
	b.Publish(domain.Message{Type: "goal", Key: "goal:b", Clear: true})
	b.Publish(domain.Message{Type: "connection", Key: "connection", Data: map[string]string{"state": "connected"}})
	eventually(t, 2*time.Second, "retained state", func() bool { return s.hub.stats().Encoded == 5 })

	c := mustDial(t, s)
	msgs, array := readFrame(t, c, 2*time.Second)
	if array || len(msgs) != 1 || msgs[0].Type != "snapshot" {
		t.Fatalf("first frame = %+v (array %v)", msgs, array)
	}
	var snap []wireMsg
	if err := json.Unmarshal(msgs[0].Data, &snap); err != nil {
		t.Fatal(err)
	}
	if len(snap) != 2 || snap[0].Type != "goal" || snap[0].Key != "goal:a" || snap[1].Type != "connection" {
		t.Fatalf("snapshot = %+v", snap)
	}
	var goal struct{ Value int }
	_ = json.Unmarshal(snap[0].Data, &goal)
	if goal.Value != 5 {
		t.Fatalf("snapshot kept goal value %d, want the latest (5)", goal.Value)
	}

	// live messages follow the snapshot
	b.PublishEvent(&domain.Event{Type: domain.EventChat, ID: "1", TS: 11, Comment: "<b>hi</b>"})
	msgs, _ = readFrame(t, c, 2*time.Second)
	if msgs[0].Type != "chat" || msgs[0].TS != 11 || !strings.Contains(string(msgs[0].Data), `\u003cb\u003ehi`) {
		t.Fatalf("live = %+v %s", msgs[0], msgs[0].Data)
	}
}

// readEvents reads frames until n chat events have arrived and returns
// their ids in arrival order, and whether any frame was an array.
func readEvents(t testing.TB, c *websocket.Conn, n int) ([]string, bool) {
	t.Helper()
	ids, sawArray, err := readEventsErr(c, n)
	if err != nil {
		t.Fatalf("after %d events: %v", len(ids), err)
	}
	return ids, sawArray
}

func readEventsErr(c *websocket.Conn, n int) ([]string, bool, error) {
	var ids []string
	sawArray := false
	for len(ids) < n {
		msgs, array, err := readFrameErr(c, 5*time.Second)
		if err != nil {
			return ids, sawArray, err
		}
		sawArray = sawArray || array
		for _, m := range msgs {
			if m.Type != "chat" {
				continue
			}
			var e struct{ ID string }
			if err := json.Unmarshal(m.Data, &e); err != nil {
				return ids, sawArray, err
			}
			ids = append(ids, e.ID)
		}
	}
	return ids, sawArray, nil
}

func TestBatchedArraysInOrder(t *testing.T) {
	s, b := startServer(t, Config{ClientQueue: 4096}, Deps{})
	c := mustDial(t, s)
	readFrame(t, c, 2*time.Second) // snapshot
	const n = 2000
	for i := 0; i < n; i++ {
		b.PublishEvent(&domain.Event{Type: domain.EventChat, ID: strconv.Itoa(i), TS: 1, Comment: "x"})
	}
	ids, sawArray := readEvents(t, c, n)
	for i, id := range ids {
		if id != strconv.Itoa(i) {
			t.Fatalf("event %d has id %s", i, id)
		}
	}
	if !sawArray {
		t.Fatal("a burst of 2000 events was never batched into an array frame")
	}
	if st := s.hub.stats(); st.Dropped != 0 || st.Sent < n {
		t.Fatalf("stats %+v", st)
	}
}

// stalledDial connects a client that never reads, with a tiny receive
// buffer so the server's writes back up quickly.
func stalledDial(t *testing.T, s *Server) *websocket.Conn {
	d := websocket.Dialer{NetDial: func(network, addr string) (net.Conn, error) {
		c, err := net.Dial(network, addr)
		if err == nil {
			_ = c.(*net.TCPConn).SetReadBuffer(4096)
		}
		return c, err
	}}
	c, _, err := d.Dial("ws://"+s.Addr()+"/ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestStalledClientIsolated(t *testing.T) {
	s, b := startServer(t, Config{ClientQueue: 512, StallTimeout: time.Second}, Deps{})
	_ = stalledDial(t, s)
	fast := mustDial(t, s)
	readFrame(t, fast, 2*time.Second)
	eventually(t, 2*time.Second, "two clients", func() bool { return s.hub.stats().Clients == 2 })

	const n = 2000
	comment := strings.Repeat("y", 8192) // ~16 MB in all: more than the socket buffers hold
	// The fast client only counts (cheap even under -race): ordering is
	// covered by TestBatchedArraysInOrder.
	done := make(chan int, 1)
	go func() {
		got := 0
		for got < n {
			_ = fast.SetReadDeadline(time.Now().Add(10 * time.Second))
			_, f, err := fast.ReadMessage()
			if err != nil {
				break
			}
			got += countEvents(f)
		}
		done <- got
	}()
	start := time.Now()
	for i := 0; i < n; i++ {
		b.PublishEvent(&domain.Event{Type: domain.EventChat, ID: strconv.Itoa(i), TS: 1, Comment: comment})
		if i%16 == 15 {
			time.Sleep(5 * time.Millisecond) // a steady ~3k events/s (~25 MB/s), not one burst
		}
	}
	var got int
	select {
	case got = <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("fast client starved behind a stalled one: %+v", s.hub.stats())
	}
	if got != n {
		t.Fatalf("fast client got %d events; hub %+v; bus %+v", got, s.hub.stats(), b.Stats())
	}
	t.Logf("published %d events in %v; hub %+v", n, time.Since(start), s.hub.stats())
	if st := s.hub.stats(); st.Dropped != 0 {
		t.Fatalf("messages dropped for a connected client: %+v", st)
	}
	eventually(t, 10*time.Second, "stalled client disconnected", func() bool {
		b.PublishEvent(&domain.Event{Type: domain.EventChat, ID: "tick", TS: 1})
		time.Sleep(50 * time.Millisecond)
		return s.hub.stats().Clients == 1 && s.hub.stats().StalledDisconnects == 1
	})
}

// A slow client that keeps reading gets every message, alerts and state
// included: the hub waits for it instead of dropping.
func TestSlowClientGetsEverything(t *testing.T) {
	s, b := startServer(t, Config{ClientQueue: 16, StallTimeout: 5 * time.Second}, Deps{})
	slow := mustDial(t, s)
	readFrame(t, slow, 2*time.Second)
	const n = 3000
	done := make(chan int, 1)
	go func() {
		got := 0
		for got < n {
			_ = slow.SetReadDeadline(time.Now().Add(10 * time.Second))
			_, f, err := slow.ReadMessage()
			if err != nil {
				break
			}
			got += bytes.Count(f, []byte(`"type":"alert"`))
			time.Sleep(2 * time.Millisecond)
		}
		done <- got
	}()
	for i := 0; i < n; i++ {
		b.Publish(domain.Message{Type: "alert", Data: map[string]int{"n": i}})
	}
	select {
	case got := <-done:
		if got != n {
			t.Fatalf("slow client got %d of %d alerts; hub %+v", got, n, s.hub.stats())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("slow client starved: %+v", s.hub.stats())
	}
	if st := s.hub.stats(); st.Dropped != 0 || st.StalledDisconnects != 0 {
		t.Fatalf("stats %+v", st)
	}
}

func TestKeepalive(t *testing.T) {
	s, _ := startServer(t, Config{PingInterval: 40 * time.Millisecond}, Deps{})
	live := mustDial(t, s) // reads, so gorilla answers pings
	_ = stalledDial(t, s)
	errc := make(chan error, 1)
	go func() {
		for {
			if _, _, err := live.ReadMessage(); err != nil {
				errc <- err
				return
			}
		}
	}()
	// pong wait is 3 × 40 ms: the silent client (never reads, never pongs)
	// is dropped, the live one stays.
	eventually(t, 3*time.Second, "silent client dropped", func() bool { return s.hub.stats().Clients == 1 })
	time.Sleep(300 * time.Millisecond)
	select {
	case err := <-errc:
		t.Fatalf("live client disconnected: %v", err)
	default:
	}
	if s.hub.stats().Clients != 1 {
		t.Fatal("live client lost")
	}
}

func TestShutdownClosesClients(t *testing.T) {
	s, _ := startServer(t, Config{}, Deps{})
	c := mustDial(t, s)
	readFrame(t, c, 2*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	start := time.Now()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(2 * time.Second))
	_, _, err := c.ReadMessage()
	if !websocket.IsCloseError(err, websocket.CloseGoingAway) {
		t.Fatalf("client got %v, want close 1001", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatal("shutdown slow")
	}
}

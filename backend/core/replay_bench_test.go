package core

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/capture"
	"github.com/ltth/ltth/backend/tiktok/faketiktok"
	"github.com/ltth/ltth/backend/tiktok/normalize"
)

const (
	benchMessages  = 200_000
	benchPerFrame  = 10
	benchWSClients = 50
)

// writeBenchCapture writes a capture of n webcast messages (chat, likes,
// gifts with and without streaks, follows, joins, viewer counts from 2,000
// viewers), built with the fake TikTok server's real frame encoder.
func writeBenchCapture(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	users := make([]faketiktok.User, 2000)
	for i := range users {
		users[i] = faketiktok.User{ID: 7_000_000_000 + int64(i), Handle: "viewer" + strconv.Itoa(i),
			Nickname: "Viewer " + strconv.Itoa(i), Follower: i%3 == 0}
	}
	rose := faketiktok.GiftSpec{ID: 5655, Name: "Rose", Diamonds: 1, Streakable: true}
	lion := faketiktok.GiftSpec{ID: 6369, Name: "Lion", Diamonds: 29999}
	var likes int64
	var rec []byte
	t0 := int64(1_765_000_000_000)
	msgs := make([]faketiktok.Msg, 0, benchPerFrame)
	for i, frame := 0, int64(1); i < n; frame++ {
		msgs = msgs[:0]
		for len(msgs) < benchPerFrame && i < n {
			u := users[(i*7919)%len(users)]
			switch i % 20 {
			case 0, 1, 2, 3, 4, 5, 6:
				msgs = append(msgs, faketiktok.Chat(u, "hello from the bench "+strconv.Itoa(i)))
			case 7, 8, 9, 10, 11:
				likes += int64(i%15 + 1)
				msgs = append(msgs, faketiktok.Like(u, int64(i%15+1), likes))
			case 12, 13: // a two-step Rose streak: one step, then its end
				g := rose
				g.GroupID, g.RepeatCount = int64(i), 1
				msgs = append(msgs, faketiktok.Gift(u, g))
				g.RepeatCount, g.RepeatEnd = int32(i%9+2), true
				msgs = append(msgs, faketiktok.Gift(u, g))
				i++
			case 15:
				msgs = append(msgs, faketiktok.Gift(u, lion))
			case 16:
				msgs = append(msgs, faketiktok.Follow(u))
			case 17:
				msgs = append(msgs, faketiktok.Viewers(int64(1000+i%500)))
			default:
				msgs = append(msgs, faketiktok.Join(u))
			}
			i++
		}
		raw := faketiktok.MsgFrame(7_500_000_000, frame, frame*100, t0+frame, msgs...)
		rec = capture.AppendRecord(rec[:0], t0+frame, raw)
		if _, err := w.Write(rec); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// recount is what `ltth replay --print` says the capture holds.
type recount struct {
	events, journaled     int
	coins, likes, chats   int64
	gifters, likers, chat map[string]int64
}

func recountCapture(tb testing.TB, path string) recount {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	if err := normalize.ReplayPrint(context.Background(), f, &out); err != nil {
		tb.Fatal(err)
	}
	rc := recount{gifters: map[string]int64{}, likers: map[string]int64{}, chat: map[string]int64{}}
	sc := bufio.NewScanner(&out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var e struct {
			Type      string `json:"type"`
			UserID    string `json:"userId"`
			Coins     int64  `json:"coins"`
			LikeCount int64  `json:"likeCount"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			tb.Fatal(err)
		}
		rc.events++
		if e.Type != string(domain.EventGiftStreak) {
			rc.journaled++
		}
		switch domain.EventType(e.Type) {
		case domain.EventGift:
			rc.coins += e.Coins
			rc.gifters[e.UserID] += e.Coins
		case domain.EventLike:
			rc.likes += e.LikeCount
			rc.likers[e.UserID] += e.LikeCount
		case domain.EventChat:
			rc.chats++
			rc.chat[e.UserID]++
		}
	}
	return rc
}

// wsCounter is one /ws client counting the replayed events it receives.
type wsCounter struct {
	conn *websocket.Conn
	got  atomic.Int64
	err  atomic.Value
}

// Every replayed event carries replayMarker once; an alert envelope embeds
// its event, so alerts are subtracted.
var (
	replayMarker = []byte(`"source":"replay"`)
	alertMarker  = []byte(`{"type":"alert",`)
)

func dialCounter(tb testing.TB, url string) *wsCounter {
	tb.Helper()
	conn, _, err := websocket.DefaultDialer.Dial("ws"+url[len("http"):]+"/ws", nil)
	if err != nil {
		tb.Fatal(err)
	}
	c := &wsCounter{conn: conn}
	go func() {
		var buf bytes.Buffer
		for {
			_, r, err := conn.NextReader()
			if err != nil {
				c.err.Store(err)
				return
			}
			buf.Reset()
			if _, err := buf.ReadFrom(r); err != nil {
				c.err.Store(err)
				return
			}
			c.got.Add(int64(bytes.Count(buf.Bytes(), replayMarker) - bytes.Count(buf.Bytes(), alertMarker)))
		}
	}()
	return c
}

func putGoal(tb testing.TB, c *Core, id, kind string) {
	tb.Helper()
	body := fmt.Sprintf(`{"name":%q,"kind":%q,"target":1000000000000,"onReach":"none"}`, id, kind)
	req, _ := http.NewRequest(http.MethodPut, c.URL()+"/api/goals/"+id, bytes.NewReader([]byte(body)))
	req.Header.Set("Authorization", "Bearer "+c.Token())
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusCreated {
		tb.Fatalf("PUT goal %s: %s", id, resp.Status)
	}
}

func goalValue(tb testing.TB, c *Core, id string) int64 {
	tb.Helper()
	resp, err := http.Get(c.URL() + "/api/goals/" + id)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var v struct {
		Value int64 `json:"value"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		tb.Fatal(err)
	}
	return v.Value
}

func startReplay(tb testing.TB, c *Core, path string) {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"path": path, "speed": "max"})
	req, _ := http.NewRequest(http.MethodPost, c.URL()+"/api/replay", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+c.Token())
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	msg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		tb.Fatalf("POST /api/replay: %s %s", resp.Status, msg)
	}
}

// BenchmarkReplay200kWith50Clients replays a generated 200,000-message
// capture at maximum speed through the whole live pipeline (connector
// replay, normalizer, bus, journal, goals, leaderboards, flows, alerts, the
// /ws hub) with 50 /ws clients. It checks that every client received every
// event, that goal and leaderboard totals equal a recount of `ltth replay
// --print` and that the journal holds every event, and reports events/s.
func BenchmarkReplay200kWith50Clients(b *testing.B) {
	shared := b.TempDir()
	file := filepath.Join(shared, "bench.jsonl")
	writeBenchCapture(b, file, benchMessages)
	want := recountCapture(b, file)
	b.Logf("capture: %d messages, %d events (%d coins, %d likes, %d chats)",
		benchMessages, want.events, want.coins, want.likes, want.chats)
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		elapsed += runReplayBench(b, file, want)
	}
	b.ReportMetric(float64(want.events)*float64(b.N)/elapsed.Seconds(), "events/s")
	b.ReportMetric(elapsed.Seconds()/float64(b.N), "s/replay")
}

func runReplayBench(b *testing.B, src string, want recount) time.Duration {
	dir := b.TempDir()
	c, err := New(Options{DataDir: dir, Listen: "127.0.0.1:0", Console: io.Discard, Headless: true, Version: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer stopCoreB(b, c)
	if err := os.MkdirAll(filepath.Join(dir, "captures"), 0o700); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "captures", "bench.jsonl")
	if err := os.Link(src, file); err != nil {
		b.Fatal(err)
	}
	putGoal(b, c, "coins", "coins")
	putGoal(b, c, "likes", "likes")
	clients := make([]*wsCounter, benchClients())
	for i := range clients {
		clients[i] = dialCounter(b, c.URL())
		defer clients[i].conn.Close()
	}
	b.StartTimer()
	start := time.Now()
	startReplay(b, c, file)
	c.mu.Lock()
	db := c.scope.db
	c.mu.Unlock()
	var published time.Duration
	waitB(b, 5*time.Minute, "every client to receive every event and the journal to hold it", func() bool {
		if published == 0 && c.bus.Published() >= uint64(want.events) {
			published = time.Since(start)
		}
		if n, _ := db.CountEvents(); n < int64(want.journaled) {
			return false
		}
		for _, cl := range clients {
			if err, _ := cl.err.Load().(error); err != nil {
				b.Fatalf("a /ws client failed: %v", err)
			}
			if cl.got.Load() < int64(want.events) {
				return false
			}
		}
		return true
	})
	elapsed := time.Since(start)
	b.StopTimer()
	b.Logf("all %d events published after %v; delivered and journaled after %v", want.events, published, elapsed)
	for _, st := range c.bus.Stats() {
		b.Logf("bus %-12s delivered %7d overflow %6d waits %6d dropped %d", st.Name, st.Delivered, st.Overflow, st.Waits, st.Dropped)
	}
	for i, cl := range clients {
		if got := cl.got.Load(); got != int64(want.events) {
			b.Fatalf("client %d received %d events, want %d", i, got, want.events)
		}
	}
	checkTotals(b, c, want)
	return elapsed
}

// checkTotals waits for the batched writers and compares goals,
// leaderboards and the journal with the recount.
func checkTotals(b *testing.B, c *Core, want recount) {
	c.mu.Lock()
	db := c.scope.db
	c.mu.Unlock()
	sum := func(board string) (int64, int) {
		rows, err := db.TopScores(board, "stream", 0)
		if err != nil {
			b.Fatal(err)
		}
		var s int64
		for _, r := range rows {
			s += r.Value
		}
		return s, len(rows)
	}
	var coins, likes, chats int64
	var journaled int64
	var gCoins, gLikes int64
	deadline := time.Now().Add(time.Minute)
	for {
		coins, _ = sum("gifters")
		likes, _ = sum("likers")
		chats, _ = sum("chatters")
		journaled, _ = db.CountEvents()
		gCoins, gLikes = goalValue(b, c, "coins"), goalValue(b, c, "likes")
		if gCoins == want.coins && gLikes == want.likes && coins == want.coins && likes == want.likes &&
			chats == want.chats && journaled == int64(want.journaled) {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("totals differ from the recount: goals coins %d likes %d; boards coins %d likes %d chats %d; journal %d; want coins %d likes %d chats %d journal %d",
				gCoins, gLikes, coins, likes, chats, journaled, want.coins, want.likes, want.chats, want.journaled)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if _, n := sum("gifters"); n != len(want.gifters) {
		b.Fatalf("gifters board has %d viewers, recount %d", n, len(want.gifters))
	}
	rows, _ := db.TopScores("likers", "stream", 0)
	for _, r := range rows {
		if want.likers[r.UserID] != r.Value {
			b.Fatalf("likers: %s has %d, recount %d", r.UserID, r.Value, want.likers[r.UserID])
		}
	}
}

func waitB(b *testing.B, limit time.Duration, what string, ok func() bool) {
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			b.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func stopCoreB(b *testing.B, c *Core) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := c.Stop(ctx); err != nil {
		b.Error(err)
	}
}

// benchClients is benchWSClients unless LTTH_BENCH_CLIENTS says otherwise
// (to measure the pipeline without the /ws fan-out).
func benchClients() int {
	if n, err := strconv.Atoi(os.Getenv("LTTH_BENCH_CLIENTS")); err == nil && n >= 0 {
		return n
	}
	return benchWSClients
}

package history

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action/actiontest"
	"github.com/ltth/ltth/backend/domain"
)

func serve(t *testing.T, m *Module) *httptest.Server {
	mux := http.NewServeMux()
	for _, r := range m.Routes() {
		mux.Handle(r.Pattern, r.Handler)
	}
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func get(t *testing.T, url string, want int, v any) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != want {
		t.Fatalf("GET %s: %d %s, want %d", url, res.StatusCode, b, want)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v in %s", url, err, b)
		}
	}
	return string(b)
}

func TestRESTStreamsEventsViewersAndExport(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, 20*time.Millisecond)
	g := newGen(5, 1_700_000_000_000, 20, "room-5")
	r.publish(g.connected())
	for i := 0; i < 800; i++ {
		r.publish(g.next())
	}
	r.publish(g.end())
	r.settle()
	s := serve(t, r.m)

	var list []map[string]any
	get(t, s.URL+"/api/streams", 200, &list)
	if len(list) != 1 {
		t.Fatalf("streams %v", list)
	}
	for _, k := range []string{"id", "source", "uniqueId", "roomId", "startedAt", "endedAt", "coins", "gifts", "likes",
		"follows", "shares", "subscribes", "chatMessages", "uniqueChatters", "uniqueGifters", "peakViewers"} {
		if _, ok := list[0][k]; !ok {
			t.Errorf("stream has no %q", k)
		}
	}
	var d Detail
	get(t, s.URL+"/api/streams/1", 200, &d)
	if len(d.Series) == 0 || len(d.TopGifters) == 0 {
		t.Fatalf("detail %+v", d)
	}
	get(t, s.URL+"/api/streams/99", 404, nil)
	get(t, s.URL+"/api/streams/x", 400, nil)

	csv := get(t, s.URL+"/api/streams/1/export?format=csv", 200, nil)
	if !strings.HasPrefix(csv, "id,source,uniqueId") || strings.Count(csv, "\n") < 800+len(d.Series) {
		t.Errorf("csv export too short: %d lines", strings.Count(csv, "\n"))
	}
	var exp struct {
		Stream Detail            `json:"stream"`
		Events []json.RawMessage `json:"events"`
	}
	get(t, s.URL+"/api/streams/1/export?format=json", 200, &exp)
	if exp.Stream.Coins != d.Coins || len(exp.Events) != 802 {
		t.Errorf("json export: coins %d events %d", exp.Stream.Coins, len(exp.Events))
	}
	get(t, s.URL+"/api/streams/1/export?format=xml", 400, nil)

	// Search: text, then paging by cursor through one user's chat.
	var page EventPage
	get(t, s.URL+"/api/events?type=chat&q=berlin&limit=5", 200, &page)
	if len(page.Events) != 5 || page.NextCursor == "" {
		t.Fatalf("search page %+v", page)
	}
	for _, e := range page.Events {
		var ev domain.Event
		_ = json.Unmarshal(e.Event, &ev)
		if ev.Type != domain.EventChat || !strings.Contains(ev.Comment, "berlin") {
			t.Fatalf("search returned %s", e.Event)
		}
	}
	seen, cursor := 0, ""
	for i := 0; i < 1000; i++ {
		page = EventPage{}
		get(t, s.URL+"/api/events?user=viewer3&type=chat&limit=7&cursor="+cursor, 200, &page)
		seen += len(page.Events)
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	_, msgs, _ := viewerTotals(t, db.SQL(), "7000003")
	if int64(seen) != msgs || msgs == 0 {
		t.Errorf("paged %d chat events of viewer3, journal has %d", seen, msgs)
	}
	get(t, s.URL+"/api/events?type=nope", 400, nil)
	get(t, s.URL+"/api/events?from=-3", 400, nil)

	var vs []Viewer
	get(t, s.URL+"/api/viewers?sort=coins", 200, &vs)
	for i := 1; i < len(vs); i++ {
		if vs[i].Coins > vs[i-1].Coins {
			t.Fatalf("viewers not sorted by coins: %d after %d", vs[i].Coins, vs[i-1].Coins)
		}
	}
	get(t, s.URL+"/api/viewers?q=viewer1", 200, &vs)
	if len(vs) == 0 || !strings.Contains(vs[0].UniqueID, "viewer1") {
		t.Fatalf("viewer search %+v", vs)
	}
	get(t, s.URL+"/api/viewers?sort=bogus", 400, nil)
	var vd ViewerDetail
	get(t, s.URL+"/api/viewers/7000001", 200, &vd)
	if vd.Points == 0 || len(vd.Nicknames) != 1 || len(vd.RecentStreams) != 1 || !strings.Contains(strings.Join(vd.Roles, ","), "moderator") {
		t.Fatalf("viewer card %+v", vd)
	}
	get(t, s.URL+"/api/viewers/nobody", 404, nil)
	r.stop()
}

func TestPointsBlocksAndChatCommands(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, time.Hour)
	out := r.bus.Subscribe("test", 16, func(m *domain.Message) bool { return m.Type == TypePoints })
	u := domain.User{UserID: "42", UniqueID: "fan", Nickname: "Fan"}
	gift := &domain.Event{Type: domain.EventGift, TS: 1_700_000_000_000, User: u, Coins: 100, RepeatCount: 1, Source: "tiktok"}
	r.publish(gift) // 1 minute + 100 coins with the default rules
	r.settle()
	reg := actiontest.Registry(t, r.m.Blocks())
	cond, _ := reg.Condition("points.atLeast")
	check := func(n string) bool {
		cfg := actiontestConfig(t, cond.Fields, `{"points": `+n+`}`)
		c, err := cond.Compile(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		return c(evalFor(gift)).OK
	}
	if !check("101") || check("102") {
		t.Fatalf("points.atLeast: want 101 points")
	}
	if _, err := actiontest.Exec(t, reg, "points.add", `{"amount": "-51"}`, gift, "f"); err != nil {
		t.Fatal(err)
	}
	if !check("50") || check("51") {
		t.Fatalf("points.add -51 did not leave 50 points")
	}
	if _, err := actiontest.Exec(t, reg, "points.add", `{"amount": "lots"}`, gift, "f"); err == nil {
		t.Fatal("points.add accepted a non-number")
	}

	r.publish(&domain.Event{Type: domain.EventChat, TS: gift.TS + 1000, User: u, Comment: "!points", Source: "tiktok"})
	r.settle()
	select {
	case msg := <-out.C():
		a := msg.Data.(Answer)
		// 50 + 1 message point (same minute: no minute point)
		if a.Command != "points" || a.Points != 51 || a.Text != "@fan has 51 points" {
			t.Fatalf("answer %+v", a)
		}
		trig := actiontest.Trigger(t, reg, "points.command", `{}`)
		if !actiontest.Matches(trig, actiontest.State(TypePoints, a)) {
			t.Fatal("points.command trigger did not match the answer")
		}
	case <-time.After(3 * time.Second):
		t.Fatal("no answer to !points")
	}
	r.publish(&domain.Event{Type: domain.EventChat, TS: gift.TS + 2000, User: u, Comment: "!top", Source: "tiktok"})
	r.settle()
	select {
	case msg := <-out.C():
		if a := msg.Data.(Answer); a.Text != "Top points: 1. @fan 52" {
			t.Fatalf("top answer %+v", a)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("no answer to !top")
	}
	r.stop()
}

func TestWindowedSearchPagesReachEveryMatch(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, time.Hour)
	g := newGen(11, 1_700_000_000_000, 20, "room-11")
	r.publish(g.connected())
	for i := 0; i < 1000; i++ {
		r.publish(g.next())
	}
	r.settle()
	defer func(w int64, f bool) { ScanWindow, searchFTS = w, f }(ScanWindow, searchFTS)
	ScanWindow, searchFTS = 97, false
	var want int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM events WHERE type = 'chat' AND json_extract(json, '$.comment') LIKE '%berlin%'`).Scan(&want); err != nil {
		t.Fatal(err)
	}
	got, pages := 0, 0
	q := EventQuery{Type: "chat", Q: "berlin", Limit: 10}
	for pages = 0; pages < 1000; pages++ {
		p, err := r.m.Events(q)
		if err != nil {
			t.Fatal(err)
		}
		got += len(p.Events)
		if p.NextCursor == "" {
			break
		}
		q.Cursor, _ = strconv.ParseInt(p.NextCursor, 10, 64)
	}
	if got != want || want == 0 || pages < 10 {
		t.Fatalf("windowed pages found %d of %d matches in %d pages", got, want, pages)
	}
	r.stop()
}

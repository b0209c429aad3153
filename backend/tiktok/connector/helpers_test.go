package connector

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/store"
	"github.com/ltth/ltth/backend/tiktok/faketiktok"
)

type env struct {
	t    *testing.T
	fk   *faketiktok.Server
	room *faketiktok.Room
	c    *Connector
	db   *store.DB
	dir  string
	logs *syncBuffer
	http *httptest.Server

	mu   sync.Mutex
	msgs []domain.Message
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func testConfig(fk *faketiktok.Server) Config {
	return Config{WebBase: fk.URL(), SignBase: fk.URL(), EulerURL: fk.EulerURL(), TikFinityURL: "ws://127.0.0.1:1/",
		Heartbeat: 50 * time.Millisecond, BackoffMin: 30 * time.Millisecond, BackoffMax: 300 * time.Millisecond,
		NotLiveRetry: 100 * time.Millisecond, StreakTick: 50 * time.Millisecond, StreakTimeout: 2 * time.Second,
		BrowserHeadless: true, PushHostAllowed: func(h string) bool { return h == "127.0.0.1" }}
}

// newEnv starts a fake, a real profile database and a started connector
// with the given settings.
func newEnv(t *testing.T, opts faketiktok.Options, s Settings) *env {
	t.Helper()
	fk := faketiktok.New(opts)
	t.Cleanup(fk.Close)
	dir := t.TempDir()
	m, err := store.OpenManager(dir)
	if err != nil {
		t.Fatal(err)
	}
	db, err := m.Open("default")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := saveSettings(db, s); err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, fk: fk, room: fk.AddRoom("streamer", "7300000000000000009"), db: db, dir: dir, logs: &syncBuffer{}}
	e.c = e.newConnector(testConfig(fk))
	return e
}

func (e *env) newConnector(cfg Config) *Connector {
	b := bus.New()
	sub := b.Subscribe("test", 100000, nil)
	go func() {
		for m := range sub.C() {
			e.mu.Lock()
			e.msgs = append(e.msgs, m)
			e.mu.Unlock()
		}
	}()
	c := New(cfg, Deps{Bus: b, Log: zerolog.New(e.logs).Level(zerolog.DebugLevel), Settings: e.db, DataDir: e.dir})
	if err := c.Start(context.Background()); err != nil {
		e.t.Fatal(err)
	}
	mux := http.NewServeMux()
	for _, r := range c.Routes() {
		mux.Handle(r.Pattern, r.Handler)
	}
	e.http = httptest.NewServer(mux)
	e.t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := c.Stop(ctx); err != nil {
			e.t.Errorf("stop: %v", err)
		}
		e.http.Close()
		sub.Close()
	})
	return c
}

func (e *env) messages() []domain.Message {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]domain.Message(nil), e.msgs...)
}

func (e *env) events(t domain.EventType) []domain.Event {
	var out []domain.Event
	for _, m := range e.messages() {
		if m.Event != nil && m.Event.Type == t {
			out = append(out, *m.Event)
		}
	}
	return out
}

func (e *env) waitFor(what string, timeout time.Duration, cond func() bool) {
	e.t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			st, _ := json.MarshalIndent(e.c.Status(), "", " ")
			e.t.Fatalf("timed out waiting for %s; status: %s", what, st)
		}
		time.Sleep(15 * time.Millisecond)
	}
}

func (e *env) waitState(state, src string) {
	e.t.Helper()
	e.waitFor("state "+state+"/"+src, 10*time.Second, func() bool {
		st := e.c.Status()
		return st.State == state && (src == "" || st.Source == src)
	})
}

func (e *env) do(method, path, body string, out any) int {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.http.URL+path, strings.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			e.t.Fatalf("%s %s: %v", method, path, err)
		}
	}
	return resp.StatusCode
}

func gift(id int64) faketiktok.Msg {
	return faketiktok.Gift(faketiktok.User{ID: 400 + id, Handle: "fan", Nickname: "Fan"},
		faketiktok.GiftSpec{ID: id, Name: "Gift", Diamonds: 5, RepeatCount: 1})
}

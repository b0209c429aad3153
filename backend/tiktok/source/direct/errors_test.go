package direct

import (
	"bytes"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/tiktok/faketiktok"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/source/sourcetest"
)

func TestErrorPaths(t *testing.T) {
	cases := []struct {
		name   string
		target string
		setup  func(*faketiktok.Server, *faketiktok.Room)
		mod    func(*Config)
		code   source.Code
		final  bool
		detail string
	}{
		{name: "user not found", target: "nobody", code: source.CodeUserNotFound, final: true},
		{name: "not live", setup: func(_ *faketiktok.Server, r *faketiktok.Room) { r.SetStatus(4) }, code: source.CodeNotLive},
		{name: "age restricted", setup: func(_ *faketiktok.Server, r *faketiktok.Room) { r.SetAgeRestricted(true) },
			code: source.CodeAgeRestricted},
		{name: "rate limited", setup: func(f *faketiktok.Server, _ *faketiktok.Room) { f.FailSign(1, 429, "42", "") },
			code: source.CodeRateLimited},
		{name: "invalid api key", mod: func(c *Config) { c.APIKey = "wrong-key-000" }, code: source.CodeInvalidAPIKey},
		{name: "sign outage", setup: func(f *faketiktok.Server, _ *faketiktok.Room) { f.FailSign(1, 503, "", "") },
			code: source.CodeSignServer},
		{name: "empty payload", setup: func(f *faketiktok.Server, _ *faketiktok.Room) { f.EmptyFetch(1) }, code: source.CodeBlocked},
		{name: "euler empty response 500", setup: func(f *faketiktok.Server, _ *faketiktok.Room) {
			f.FailSign(1, 500, "", `{"message":"Empty response payload received! (Internal Code: 200)","code":500}`)
		}, code: source.CodeBlocked},
		{name: "stub push server", setup: func(f *faketiktok.Server, _ *faketiktok.Room) { f.StubPushServer(1) },
			code: source.CodeSignServer},
		{name: "handshake refused", setup: func(f *faketiktok.Server, _ *faketiktok.Room) {
			f.RefuseHandshakes(1, "415", "DEVICE_BLOCKED")
		}, code: source.CodeHandshakeRefused, detail: "415 DEVICE_BLOCKED"},
		{name: "network down", mod: func(c *Config) { c.WebBase, c.SignBase = deadURL(t), deadURL(t) }, code: source.CodeNetwork},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fk, room := newFake(t, faketiktok.Options{APIKey: testKey})
			if tc.setup != nil {
				tc.setup(fk, room)
			}
			target := source.Target{UniqueID: "streamer"}
			if tc.target != "" {
				target.UniqueID = tc.target
			}
			e := runToError(t, newSource(fk, func(c *Config) {
				c.APIKey = testKey
				if tc.mod != nil {
					tc.mod(c)
				}
			}), target)
			if e.Code != tc.code || e.Final() != tc.final || e.Source != source.NameDirect {
				t.Fatalf("got %s (final %v, source %q): %v", e.Code, e.Final(), e.Source, e)
			}
			if tc.detail != "" && !strings.Contains(e.Error(), tc.detail) {
				t.Fatalf("error lacks %q: %v", tc.detail, e)
			}
			if e.Message == "" || strings.Contains(e.Message, "%!") {
				t.Fatalf("bad message %q", e.Message)
			}
		})
	}
}

func TestRateLimitCarriesRetryAfter(t *testing.T) {
	fk, _ := newFake(t, faketiktok.Options{})
	fk.FailSign(1, 429, "42", `{"message":"Too many requests","limit_label":"rate_limit_account_day"}`)
	e := runToError(t, newSource(fk, nil), source.Target{UniqueID: "streamer"})
	if e.Code != source.CodeRateLimited || e.RetryAfter != 42*time.Second || !strings.Contains(e.Message, "42s") {
		t.Fatalf("got %v (retry %v)", e, e.RetryAfter)
	}
}

func TestAgeRestrictedWorksWithSession(t *testing.T) {
	fk, room := newFake(t, faketiktok.Options{SessionID: testSession})
	room.SetAgeRestricted(true)
	sink := sourcetest.New()
	r := start(newSource(fk, func(c *Config) { c.SessionID = testSession }), source.Target{UniqueID: "streamer"}, sink)
	defer r.cancel()
	waitConnected(t, sink)
}

func TestCaptchaFallsBackToSignServerRoute(t *testing.T) {
	fk, _ := newFake(t, faketiktok.Options{})
	fk.SetCaptcha(true)
	sink := sourcetest.New()
	r := start(newSource(fk, nil), source.Target{UniqueID: "streamer"}, sink)
	defer r.cancel()
	waitConnected(t, sink)
}

func TestCaptchaEverywhereIsBlocked(t *testing.T) {
	fk, _ := newFake(t, faketiktok.Options{APIKey: testKey})
	fk.SetCaptcha(true)
	// no key: the sign server's room route refuses too, so nothing resolves
	e := runToError(t, newSource(fk, nil), source.Target{UniqueID: "streamer"})
	if e.Code != source.CodeBlocked {
		t.Fatalf("got %v", e)
	}
}

func TestSecretsNeverInErrorsOrLogs(t *testing.T) {
	var logs bytes.Buffer
	fk, _ := newFake(t, faketiktok.Options{})
	fk.FailSign(1, 401, "", `{"message":"key `+testKey+` is invalid for session `+testSession+`"}`)
	e := runToError(t, newSource(fk, func(c *Config) {
		c.APIKey, c.SessionID = testKey, testSession
		c.Log = zerolog.New(&logs).Level(zerolog.DebugLevel)
	}), source.Target{UniqueID: "streamer"})
	all := e.Error() + e.Detail + logs.String()
	if strings.Contains(all, testKey) || strings.Contains(all, testSession) {
		t.Fatalf("secret leaked: %s", all)
	}
	if !strings.Contains(e.Error(), source.Mask) {
		t.Fatalf("expected masked detail, got %s", e.Error())
	}
}

func deadURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

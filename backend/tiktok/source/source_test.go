package source

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseTarget(t *testing.T) {
	cases := map[string]Target{
		"@Streamer":                              {UniqueID: "streamer"},
		"streamer.name_1":                        {UniqueID: "streamer.name_1"},
		"https://www.tiktok.com/@someone/live":   {UniqueID: "someone"},
		"tiktok.com/@someone":                    {UniqueID: "someone"},
		"  https://www.tiktok.com/@x_y/live?x=1": {UniqueID: "x_y"},
		"7300000000000000001":                    {RoomID: "7300000000000000001"},
		"room:123":                               {RoomID: "123"},
	}
	for in, want := range cases {
		got, err := ParseTarget(in)
		if err != nil || got != want {
			t.Errorf("%q: got %+v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "   ", "not a user!", "room:abc", "https://example.com/"} {
		_, err := ParseTarget(bad)
		if e := AsError(err); e == nil || e.Code != CodeInvalidTarget || !e.Final() {
			t.Errorf("%q: got %v", bad, err)
		}
	}
}

func TestRedactor(t *testing.T) {
	r := NewRedactor("euler_abc123secret", "sess+id/with=chars", "")
	in := `GET "wss://ws.eulerstream.com/?uniqueId=u&apiKey=euler_abc123secret&x=1": dial failed; ` +
		`cookie sessionid=other-value; sid_tt=zzz; session sess%2Bid%2Fwith%3Dchars; jwtKey=eyJhbGciOi`
	out := r.String(in)
	for _, leak := range []string{"euler_abc123secret", "other-value", "zzz", "sess%2Bid", "eyJhbGciOi"} {
		if strings.Contains(out, leak) {
			t.Errorf("%q leaked: %s", leak, out)
		}
	}
	if !strings.Contains(out, "uniqueId=u") || !strings.Contains(out, "x=1") {
		t.Errorf("redacted too much: %s", out)
	}
	if err := r.Err(errors.New("key euler_abc123secret bad")); strings.Contains(err.Error(), "euler_abc123secret") {
		t.Error(err)
	}
}

func TestErrorIsAsAndMessages(t *testing.T) {
	e := ErrRateLimited("sign server", 42*time.Second).WithSource("direct")
	wrapped := fmt.Errorf("connect: %w", e)
	got := AsError(wrapped)
	if got == nil || got.Code != CodeRateLimited || got.RetryAfter != 42*time.Second || got.Final() {
		t.Fatalf("got %+v", got)
	}
	if !strings.Contains(got.Error(), "42s") || !strings.HasPrefix(got.Error(), "direct: ") {
		t.Fatalf("message %q", got.Error())
	}
	if !ErrNotLive("x").Wait() || ErrNotLive("x").Final() || !ErrStreamEnded().Final() || !ErrUserNotFound("x").Final() {
		t.Fatal("classification")
	}
}

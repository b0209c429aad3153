package domain

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGiftJSONRoundTrip(t *testing.T) {
	e := Event{Type: EventGift, ID: "7301", TS: 1700000000000,
		User:   User{UserID: "42", UniqueID: "fan", Nickname: `<img src=x onerror=alert(1)>`},
		GiftID: 5655, GiftName: "Rose", DiamondCount: 1, RepeatCount: 7, Coins: 7, Streakable: true}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("invalid JSON %s: %v", b, err)
	}
	for _, k := range []string{"type", "id", "ts", "userId", "uniqueId", "nickname", "avatarUrl",
		"isModerator", "isSubscriber", "isFollower", "giftId", "giftName", "diamondCount",
		"repeatCount", "coins", "streakable", "giftPictureUrl"} {
		if _, ok := m[k]; !ok {
			t.Errorf("field %q missing in %s", k, b)
		}
	}
	if _, ok := m["comment"]; ok {
		t.Errorf("gift must not carry chat fields: %s", b)
	}
	if strings.Contains(string(b), "<img") {
		t.Errorf("angle brackets must be escaped: %s", b)
	}
	var back Event
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back != e {
		t.Fatalf("round trip changed the event:\n%+v\n%+v", back, e)
	}
}

func TestConnectionEventHasNoUserBlock(t *testing.T) {
	b, _ := json.Marshal(Event{Type: EventConnected, RoomID: "1", User: User{UniqueID: "me"}, Reason: "ok", Source: "tiktok"})
	s := string(b)
	if strings.Count(s, `"uniqueId"`) != 1 || strings.Contains(s, "nickname") {
		t.Fatalf("unexpected shape: %s", s)
	}
}

func TestDecodeEventStrict(t *testing.T) {
	if _, err := DecodeEventStrict([]byte(`{"type":"chat","comment":"hi","bogus":1}`)); err == nil ||
		!strings.Contains(err.Error(), "bogus") {
		t.Fatalf("unknown field must be named in the error, got %v", err)
	}
	if _, err := DecodeEventStrict([]byte(`{"type":"nope"}`)); err == nil {
		t.Fatal("unknown type accepted")
	}
	e, err := DecodeEventStrict([]byte(`{"type":"like","likeCount":5,"uniqueId":"u"}`))
	if err != nil || e.LikeCount != 5 || e.UniqueID != "u" {
		t.Fatalf("got %+v, %v", e, err)
	}
}

func TestAppendJSONStringEscapes(t *testing.T) {
	in := "a\"b\\c\n\x01\u2028<&>\xff"
	out := AppendJSONString(nil, in)
	var back string
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	if back != strings.Replace(in, "\xff", "\ufffd", 1) {
		t.Fatalf("got %q", back)
	}
}

func FuzzAppendJSONString(f *testing.F) {
	f.Add("hello")
	f.Add("<script>\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		out := AppendJSONString(nil, s)
		var back string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("invalid JSON for %q: %s", s, out)
		}
		if utf8.ValidString(s) && back != s {
			t.Fatalf("mismatch %q vs %q", back, s)
		}
	})
}

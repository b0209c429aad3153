package normalize

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ltth/ltth/backend/domain"
	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

var fuzzMethods = []string{
	MethodChat, MethodGift, MethodLike, MethodMember, MethodSocial, MethodSubNotify,
	MethodRoomUserSeq, MethodEmoteChat, MethodQuestionNew, MethodControl, "WebcastPollMessage",
}

func methodIndex(m string) byte {
	for i, s := range fuzzMethods {
		if s == m {
			return byte(i)
		}
	}
	return byte(len(fuzzMethods) - 1)
}

// fuzzSeeds are the messages of the golden scenarios.
func fuzzSeeds(t testing.TB) []*pb.BaseProtoMessage {
	var seeds []*pb.BaseProtoMessage
	for _, name := range []string{"session", "gifts", "reconnect"} {
		for _, l := range scenarios(t)[name] {
			seeds = append(seeds, fixtureMessages(t, l.fr)...)
		}
	}
	return seeds
}

// FuzzNormalize feeds arbitrary payloads under every method: Normalize must
// never panic, every event must encode to valid JSON with consistent coins,
// and whenever the protoc-generated decoder accepts the payload the result
// must equal the reference normalization (ref_test.go).
//
//	go test ./backend/tiktok/normalize -run '^$' -fuzz FuzzNormalize -fuzztime 60s
func FuzzNormalize(f *testing.F) {
	for _, m := range fuzzSeeds(f) {
		f.Add(methodIndex(m.GetMethod()), m.GetPayload(), uint64(m.GetMsgId()))
	}
	f.Fuzz(func(t *testing.T, sel byte, payload []byte, baseID uint64) {
		method := fuzzMethods[int(sel)%len(fuzzMethods)]
		checkAgainstRef(t, method, payload, baseID)
		n := New(Options{DedupSize: 16})
		m := &pb.BaseProtoMessage{Method: method, Payload: payload, MsgId: int64(baseID)}
		evs := n.Normalize(m, timeMs(1764140000000))
		evs = append(evs, n.Normalize(m, timeMs(1764140000001))...) // duplicate: dropped
		evs = append(evs, n.FlushAll()...)
		checkEvents(t, evs)
	})
}

func checkEvents(t *testing.T, evs []domain.Event) {
	t.Helper()
	gifts := 0
	for i := range evs {
		e := &evs[i]
		if b := e.AppendJSON(nil); !json.Valid(b) {
			t.Fatalf("invalid JSON: %q", b)
		}
		if (e.Type == domain.EventGift || e.Type == domain.EventGiftStreak) && e.Coins != e.DiamondCount*e.RepeatCount {
			t.Fatalf("coins %d != %d x %d", e.Coins, e.DiamondCount, e.RepeatCount)
		}
		if e.Type == domain.EventGift {
			gifts++
		}
	}
	if gifts > 1 {
		t.Fatalf("one message counted %d gifts", gifts)
	}
}

// TestWriteFuzzSeeds (with -update) writes the seed corpus committed under
// testdata/fuzz/FuzzNormalize.
func TestWriteFuzzSeeds(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite the seed corpus")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzNormalize")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, m := range fuzzSeeds(t) {
		body := fmt.Sprintf("go test fuzz v1\nbyte(%q)\n[]byte(%q)\nuint64(%d)\n",
			methodIndex(m.GetMethod()), m.GetPayload(), uint64(m.GetMsgId()))
		writeFile(t, filepath.Join(dir, fmt.Sprintf("seed-%03d-%s", i, m.GetMethod())), []byte(body))
	}
}

package decode_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/capture"
	"github.com/ltth/ltth/backend/tiktok/decode"
	"github.com/ltth/ltth/backend/tiktok/normalize"
	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

var update = flag.Bool("update", false, "rewrite the committed fuzz seed corpus")

const fuzzLimit = 1 << 20 // inflate cap while fuzzing: bounded memory per input

// seedFrames are the frames of the golden captures plus edge cases.
func seedFrames(tb testing.TB) [][]byte {
	files, _ := filepath.Glob("../testdata/*.capture")
	var seeds [][]byte
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			tb.Fatal(err)
		}
		r := capture.NewReader(f, capture.ReaderOptions{SkipBad: true})
		for {
			rec, err := r.Next()
			if err != nil {
				break
			}
			seeds = append(seeds, append([]byte(nil), rec.Frame...))
		}
		f.Close()
	}
	bomb, _ := decode.Gzip(make([]byte, 2<<20)) // inflates past fuzzLimit
	bombFrame, _ := decode.MsgFrame(1, 1, &webcastpb.ProtoMessageFetchResult{}, false)
	bombFrame = append(bombFrame, 0x42) // payload (8) replaced by the bomb below
	bombFrame = append(bombFrame, varint(len(bomb))...)
	bombFrame = append(bombFrame, bomb...)
	return append(seeds, nil, []byte{0x3a, 0x02, 'h', 'b'}, decode.AckFrame(7, []byte("ext")),
		decode.HeartbeatFrame(7300000000000000000, 1), decode.EnterRoomFrame(1, 2), bombFrame)
}

func varint(n int) []byte {
	var b []byte
	for n >= 0x80 {
		b = append(b, byte(n)|0x80)
		n >>= 7
	}
	return append(b, byte(n))
}

// FuzzFrame runs arbitrary bytes through Frame, Payload and the full
// Pipeline: no panic, inflated payloads capped, every event valid JSON.
//
//	go test ./backend/tiktok/decode -run '^$' -fuzz FuzzFrame -fuzztime 60s
func FuzzFrame(f *testing.F) {
	for _, s := range seedFrames(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d := decode.NewDecoder()
		d.MaxPayload = fuzzLimit
		var fr webcastpb.WebcastPushFrame
		if err := d.Frame(b, &fr); err == nil {
			raw, err := d.Inflate(&fr)
			if err == nil && len(raw) > fuzzLimit {
				t.Fatalf("inflated %d bytes past the %d cap", len(raw), fuzzLimit)
			}
			var res webcastpb.ProtoMessageFetchResult
			_ = d.Payload(&fr, &res)
		}
		p := normalize.NewPipeline(normalize.New(normalize.Options{DedupSize: 64}))
		evs, _, _ := p.Feed(nil, b, time.UnixMilli(1764140000000))
		evs = append(evs, p.Normalizer().FlushAll()...)
		checkJSON(t, evs)
	})
}

func checkJSON(t *testing.T, evs []domain.Event) {
	for i := range evs {
		if b := evs[i].AppendJSON(nil); !json.Valid(b) {
			t.Fatalf("invalid event JSON %q", b)
		}
	}
}

// TestWriteFuzzSeeds (with -update) writes testdata/fuzz/FuzzFrame.
func TestWriteFuzzSeeds(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite the seed corpus")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzFrame")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, s := range seedFrames(t) {
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", s)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%03d", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

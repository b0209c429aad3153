package replay

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/capture"
	"github.com/ltth/ltth/backend/tiktok/decode"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/source/sourcetest"
	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
	"google.golang.org/protobuf/proto"
)

// writeCapture writes n chat frames 100 ms apart.
func writeCapture(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.jsonl")
	w, err := capture.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		chat, _ := proto.Marshal(&pb.WebcastChatMessage{Common: &pb.CommonMessageData{MsgId: int64(1000 + i)},
			User: &pb.User{Id: 1, DisplayId: "u"}, Content: "hi"})
		res := &pb.ProtoMessageFetchResult{Messages: []*pb.BaseProtoMessage{{Method: "WebcastChatMessage", Payload: chat}}, Cursor: "c"}
		frame, err := decode.MsgFrame(uint64(i), uint64(i), res, i%2 == 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.WriteMs(int64(1_700_000_000_000+i*100), frame); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReplaySpeeds(t *testing.T) {
	path := writeCapture(t, 5) // spans 400 ms of capture time
	for _, tc := range []struct {
		speed    float64
		min, max time.Duration
	}{{0, 0, 150 * time.Millisecond}, {4, 90 * time.Millisecond, 400 * time.Millisecond}, {1, 380 * time.Millisecond, 2 * time.Second}} {
		sink := sourcetest.New()
		start := time.Now()
		if err := New(path, tc.speed).Run(context.Background(), source.Target{}, sink); err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		if n := sourcetest.Count(sink.EventList(), domain.EventChat, nil); n != 5 {
			t.Fatalf("speed %v: %d chats", tc.speed, n)
		}
		if took < tc.min || took > tc.max {
			t.Errorf("speed %v took %v, want %v..%v", tc.speed, took, tc.min, tc.max)
		}
	}
}

func TestMissingFile(t *testing.T) {
	err := New(filepath.Join(os.TempDir(), "nope-ltth.jsonl"), 0).Run(context.Background(), source.Target{}, sourcetest.New())
	if e := source.AsError(err); e == nil || e.Code != source.CodeUnavailable {
		t.Fatalf("got %v", err)
	}
}

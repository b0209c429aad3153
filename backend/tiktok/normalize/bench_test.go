package normalize

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/decode"
	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

const (
	benchFrames       = 2000
	benchMsgsPerFrame = 20
)

// benchBatch is one realistic push frame: a gzipped batch of 20 messages
// (8 chats, 5 likes, 4 gifts of which streak progress, ends and a
// non-streakable one, 3 joins), each with a full user (3 avatar URLs,
// badges, follow info) as TikTok sends them.
func benchBatch(tb testing.TB, seq int) []byte {
	base := int64(7450000000000000000) + int64(seq)*100
	ct := t0 + int64(seq)*250
	users := []viewer{alice, bob, carla, dan, mallory}
	u := func(i int) viewer {
		v := users[(seq+i)%len(users)]
		v.id += int64(seq % 97)
		v.handle = fmt.Sprintf("%s%d", v.handle, seq%97)
		return v
	}
	var msgs []*pb.BaseProtoMessage
	for i := 0; i < 8; i++ {
		msgs = append(msgs, chatMsg(tb, base+int64(i), ct+int64(i), u(i), fmt.Sprintf("chat message number %d, hello from the stream! 🎉", seq*8+i)))
	}
	for i := 0; i < 5; i++ {
		msgs = append(msgs, likeMsg(tb, base+10+int64(i), ct+10+int64(i), u(i), 15, int64(seq*75+i*15)))
	}
	group := int64(seq / 3)
	msgs = append(msgs,
		giftMsg(tb, base+20, ct+20, u(0), rose, group, int32(seq%3+1), false),
		giftMsg(tb, base+21, ct+21, u(1), fingerHeart, group+1_000_000, int32(seq%3+1), seq%3 == 2),
		giftMsg(tb, base+22, ct+22, u(2), confetti, 0, 1, false),
		giftMsg(tb, base+23, ct+23, u(3), rose, group+2_000_000, 1, true))
	for i := 0; i < 3; i++ {
		msgs = append(msgs, memberMsg(tb, base+30+int64(i), ct+30+int64(i), u(i), pb.MemberAction_MEMBER_ACTION_JOINED))
	}
	return msgFrame(tb, uint64(seq), true, true, msgs...)
}

// benchFrameSet builds the frames once per test binary (the benchmark
// function runs several times with growing b.N).
var benchFrameSet = func() func(testing.TB) ([][]byte, int) {
	var once sync.Once
	var frames [][]byte
	size := 0
	return func(tb testing.TB) ([][]byte, int) {
		once.Do(func() {
			frames = make([][]byte, benchFrames)
			for i := range frames {
				frames[i] = benchBatch(tb, i)
				size += len(frames[i])
			}
		})
		return frames, size
	}
}()

// BenchmarkDecodeNormalize: raw gzipped frames → events through the
// Pipeline (frame decode, inflate, fetch result, per-message decode,
// de-duplication, streaks). Budget: ≥ 200,000 msgs/s with -cpu 1.
//
//	go test ./backend/tiktok/normalize -run '^$' -bench DecodeNormalize -cpu 1
func BenchmarkDecodeNormalize(b *testing.B) {
	frames, size := benchFrameSet(b)
	newPipe := func() *Pipeline {
		return NewPipeline(New(Options{Source: "tiktok"}))
	}
	p := newPipe()
	var evs []domain.Event
	events := 0
	b.SetBytes(int64(size / benchFrames))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % benchFrames
		if k == 0 && i > 0 { // fresh ids again: a new normalizer, outside the timing
			b.StopTimer()
			p = newPipe()
			b.StartTimer()
		}
		var err error
		evs, _, err = p.Feed(evs[:0], frames[k], time.UnixMilli(t0+int64(k)*250))
		if err != nil {
			b.Fatal(err)
		}
		events += len(evs)
	}
	b.StopTimer()
	if events == 0 {
		b.Fatal("no events")
	}
	b.ReportMetric(float64(b.N*benchMsgsPerFrame)/b.Elapsed().Seconds(), "msgs/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/frame")
	b.ReportMetric(float64(inflatedSize(b, frames))/float64(benchFrames*benchMsgsPerFrame), "B/msg")
}

// inflatedSize sums the decompressed payload sizes (reported as B/msg so
// the figure can be judged: real TikTok messages run from ~0.3 to ~11 KB).
func inflatedSize(tb testing.TB, frames [][]byte) int {
	total := 0
	for _, f := range frames {
		fr, err := decode.Frame(f)
		if err != nil {
			tb.Fatal(err)
		}
		res, err := decode.Payload(fr)
		if err != nil {
			tb.Fatal(err)
		}
		total += proto.Size(res)
	}
	return total
}

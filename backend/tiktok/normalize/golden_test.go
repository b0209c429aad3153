package normalize

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"google.golang.org/protobuf/proto"

	"github.com/ltth/ltth/backend/tiktok/capture"
	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// go test ./backend/tiktok/normalize -run TestGolden -update
// rewrites ../testdata/*.capture from the scenarios below and the expected
// events in ../testdata/*.golden from the current code. Review the diff of
// the .golden files before committing them.
var update = flag.Bool("update", false, "rewrite the golden capture files and expected events")

const goldenDir = "../testdata"

const t0 = int64(1764140000000) // 2025-11-26T06:53:20Z

var (
	alice   = viewer{id: 6800000000000000101, handle: "alice.live", nick: "Alice 🌸", follower: true}
	bob     = viewer{id: 6800000000000000202, handle: "bob_mod", nick: "Bob", mod: true, follower: true}
	carla   = viewer{id: 6800000000000000303, handle: "carla", nick: "Carla", sub: true, follower: true}
	dan     = viewer{id: 6800000000000000404, handle: "dan", nick: "Dan", noIdentity: true}
	mallory = viewer{id: 6800000000000000666, handle: "m4llory", nick: `<img src=x onerror=alert(1)>"&'`}
)

const hostileText = "<script>alert(\"pwn\")</script> & 'quote' \\ back\\slash\n" +
	"line\u2028sep\u2029para \u202eRTL\u202c zero\u200bwidth \x00nul \x1b[31mansi {{.Secret}} ${env} " +
	"'; DROP TABLE events;-- 🎁🌹"

type line struct {
	t   int64
	raw []byte // a literal capture line (bad-line cases), or nil
	fr  []byte
}

func rec(t int64, frame []byte) line { return line{t: t, fr: frame} }

// scenarios returns every golden capture by name.
func scenarios(t testing.TB) map[string][]line {
	return map[string][]line{
		"session":   sessionScenario(t),
		"gifts":     giftScenario(t),
		"reconnect": reconnectScenario(t),
	}
}

// sessionScenario: a short stream with every event type, hostile text,
// unknown and malformed messages, non-msg frames and bad lines.
func sessionScenario(t testing.TB) []line {
	badGift := envelope(t, "WebcastGiftMessage", 0, &pb.WebcastGiftMessage{})
	badGift.MsgId, badGift.Payload = 7441000000000000017, []byte{0x0a, 0x7f, 0x01} // truncated
	return []line{
		rec(t0, rawFrame(t, "im_enter_room_resp", nil)),
		rec(t0+120, msgFrame(t, 1, false, false,
			withHistory(chatMsg(t, 7441000000000000001, t0-60_000, mallory, hostileText)),
			memberMsg(t, 7441000000000000002, t0-200, dan, pb.MemberAction_MEMBER_ACTION_JOINED),
			viewersMsg(t, 7441000000000000003, t0-100, 1565, carla, alice))),
		rec(t0+1_050, msgFrame(t, 2, true, true,
			chatMsg(t, 7441000000000000010, t0+900, bob, "welcome everyone, be nice"),
			socialMsg(t, 7441000000000000011, t0+910, alice, 1, "pm_main_follow_message_viewer_2"),
			socialMsg(t, 7441000000000000012, t0+920, dan, 3, "pm_mt_guidance_viewer_5_share"),
			subMsg(t, 7441000000000000013, t0+930, carla, 3),
			memberMsg(t, 7441000000000000014, t0+931, carla, pb.MemberAction_MEMBER_ACTION_SUBSCRIBED),
			emoteMsg(t, 7441000000000000015, t0+940, carla, "7198765432101234567"),
			questionMsg(t, 7441000000000000016, t0+950, alice, "What game is next? <b>bold?</b>"),
			badGift,
			envelope(t, "WebcastRankUpdateMessage", 7441000000000000018, &pb.WebcastControlMessage{}),
			socialMsg(t, 7441000000000000019, t0+960, dan, 7, "pm_mt_some_other_social"))),
		rec(t0+2_000, rawFrame(t, "hb", nil)),
		rec(t0+2_100, []byte{0x42, 0xff, 0xff, 0x03, 0x00}), // malformed frame
		{raw: []byte("{this is not json\n")},
		{raw: []byte("\n   \n")},
		rec(t0+3_000, msgFrame(t, 3, true, true,
			chatMsg(t, 7441000000000000020, 0, dan, "no create time: ts is the receive time"),
			likeMsg(t, 7441000000000000021, t0+2_950, alice, 15, 1000))),
		rec(t0+4_000, msgFrame(t, 4, false, false,
			controlMsg(t, 7441000000000000030, t0+3_900, pb.ControlAction_CONTROL_ACTION_STREAM_PAUSED),
			controlMsg(t, 7441000000000000031, t0+3_950, pb.ControlAction_CONTROL_ACTION_STREAM_ENDED))),
	}
}

// giftScenario: streaks (progress then end, doubled end, timeout, open at
// stream end), a single-message streak and non-streakable gifts.
func giftScenario(t testing.TB) []line {
	return []line{
		rec(t0, msgFrame(t, 1, true, true,
			giftMsg(t, 7442000000000000001, t0-50, alice, rose, 111, 1, false),
			giftMsg(t, 7442000000000000002, t0-10, alice, rose, 111, 2, false))),
		rec(t0+600, msgFrame(t, 2, true, true,
			giftMsg(t, 7442000000000000003, t0+500, alice, rose, 111, 3, false),
			giftMsg(t, 7442000000000000004, t0+540, bob, confetti, 0, 1, false),
			giftMsg(t, 7442000000000000005, t0+560, alice, rose, 111, 4, false),
			giftMsg(t, 7442000000000000006, t0+570, dan, rose, 444, 1, true),
			giftMsg(t, 7442000000000000007, t0+580, carla, heartMe, 0, 1, false))),
		rec(t0+1_200, msgFrame(t, 3, false, true,
			giftMsg(t, 7442000000000000008, t0+1_100, alice, rose, 111, 5, false),
			giftMsg(t, 7442000000000000009, t0+1_150, alice, rose, 111, 5, true))),
		rec(t0+1_400, msgFrame(t, 4, true, true, // the same end again, new id
			giftMsg(t, 7442000000000000010, t0+1_150, alice, rose, 111, 5, true))),
		rec(t0+2_000, msgFrame(t, 5, true, true,
			giftMsg(t, 7442000000000000011, t0+1_900, bob, fingerHeart, 222, 1, false),
			giftMsg(t, 7442000000000000012, t0+1_950, bob, fingerHeart, 222, 2, false),
			giftMsg(t, 7442000000000000013, t0+1_990, bob, fingerHeart, 222, 3, false))),
		// 12 s later: the 222 streak (no end) is committed before this chat.
		rec(t0+14_000, msgFrame(t, 6, true, true,
			chatMsg(t, 7442000000000000020, t0+13_950, bob, "oops, my combo got cut"))),
		rec(t0+14_500, msgFrame(t, 7, true, true, // its end arrives late: dropped
			giftMsg(t, 7442000000000000021, t0+14_400, bob, fingerHeart, 222, 3, true))),
		rec(t0+20_000, msgFrame(t, 8, true, true,
			giftMsg(t, 7442000000000000030, t0+19_900, carla, rose, 333, 1, false),
			giftMsg(t, 7442000000000000031, t0+19_950, carla, rose, 333, 2, false),
			controlMsg(t, 7442000000000000032, t0+19_990, pb.ControlAction_CONTROL_ACTION_STREAM_ENDED))),
	}
}

// reconnectScenario: likes out of order, then a reconnect whose initial
// fetch re-sends history, then the same batch a second time.
func reconnectScenario(t testing.TB) []line {
	resent := func(seq uint64) []byte {
		return msgFrame(t, seq, false, false,
			withHistory(chatMsg(t, 7443000000000000001, t0+100, alice, "first!")),
			withHistory(giftMsg(t, 7443000000000000002, t0+200, bob, confetti, 0, 1, false)),
			chatMsg(t, 7443000000000000003, t0+5_100, carla, "are we back?"),
			likeMsg(t, 7443000000000000004, t0+5_150, dan, 5, 4990),
			likeMsg(t, 7443000000000000005, t0+5_200, alice, 15, 5100),
			viewersMsg(t, 7443000000000000006, t0+5_250, 1490))
	}
	return []line{
		rec(t0+300, msgFrame(t, 1, true, true,
			chatMsg(t, 7443000000000000001, t0+100, alice, "first!"),
			giftMsg(t, 7443000000000000002, t0+200, bob, confetti, 0, 1, false),
			likeMsg(t, 7443000000000000007, t0+250, dan, 15, 5000),
			likeMsg(t, 7443000000000000008, t0+260, alice, 10, 5010))),
		rec(t0+5_300, resent(1)),
		rec(t0+5_400, resent(2)),
		rec(t0+6_000, msgFrame(t, 3, true, true,
			withBaseIDOnly(chatMsg(t, 7443000000000000009, t0+5_900, bob, "id only on the envelope")),
			controlMsg(t, 7443000000000000010, t0+5_990, pb.ControlAction_CONTROL_ACTION_STREAM_SUSPENDED))),
	}
}

func withHistory(m *pb.BaseProtoMessage) *pb.BaseProtoMessage { m.IsHistory = true; return m }

// withBaseIDOnly clears common.msg_id so the envelope's id is used.
func withBaseIDOnly(m *pb.BaseProtoMessage) *pb.BaseProtoMessage {
	var c pb.WebcastChatMessage
	if err := proto.Unmarshal(m.Payload, &c); err != nil {
		panic(err)
	}
	c.Common.MsgId = 0
	m.Payload, _ = proto.Marshal(&c)
	return m
}

func captureBytes(lines []line) []byte {
	var b []byte
	for _, l := range lines {
		if l.raw != nil {
			b = append(b, l.raw...)
			continue
		}
		b = capture.AppendRecord(b, l.t, l.fr)
	}
	return b
}

func TestGolden(t *testing.T) {
	for name, lines := range scenarios(t) {
		capPath := filepath.Join(goldenDir, name+".capture")
		goldPath := filepath.Join(goldenDir, name+".golden")
		if *update {
			writeFile(t, capPath, captureBytes(lines))
		}
		in, err := os.ReadFile(capPath)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := ReplayPrint(context.Background(), bytes.NewReader(in), &out); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if *update {
			writeFile(t, goldPath, out.Bytes())
		}
		want, err := os.ReadFile(goldPath)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("%s: events differ from %s (rerun with -update and review the diff)\ngot:\n%s", name, goldPath, out.Bytes())
		}
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

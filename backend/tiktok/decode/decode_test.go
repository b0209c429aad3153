package decode

import (
	"bytes"
	"encoding/hex"
	"errors"
	"testing"

	"google.golang.org/protobuf/proto"

	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

func sampleResult() *webcastpb.ProtoMessageFetchResult {
	return &webcastpb.ProtoMessageFetchResult{
		Cursor: "t-1700000000000_r-1", InternalExt: []byte("internal_src:dim|seq:1"), NeedAck: true,
		Messages: []*webcastpb.BaseProtoMessage{
			{Method: "WebcastChatMessage", Payload: []byte{0x1a, 0x02, 'h', 'i'}, MsgId: 7},
		},
	}
}

func TestMsgFrameRoundTrip(t *testing.T) {
	for _, gz := range []bool{false, true} {
		b, err := MsgFrame(3, 99, sampleResult(), gz)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Frame(b)
		if err != nil {
			t.Fatal(err)
		}
		if f.GetLogId() != 99 || f.GetSeqId() != 3 || f.GetPayloadType() != TypeMsg {
			t.Fatalf("frame fields: %v", f)
		}
		if gz != IsGzip(f.GetPayload()) {
			t.Fatalf("gz=%v but payload magic=%v", gz, IsGzip(f.GetPayload()))
		}
		r, err := Payload(f)
		if err != nil {
			t.Fatal(err)
		}
		if !proto.Equal(r, sampleResult()) {
			t.Fatalf("payload mismatch (gz=%v): %v", gz, r)
		}
	}
}

func TestGzipByMagicWithoutHeader(t *testing.T) {
	raw, _ := proto.Marshal(sampleResult())
	z, _ := Gzip(raw)
	f := &webcastpb.WebcastPushFrame{PayloadType: TypeMsg, Payload: z}
	r, err := Payload(f)
	if err != nil || r.GetCursor() != "t-1700000000000_r-1" {
		t.Fatalf("magic-only gzip: %v %v", r, err)
	}
}

func TestHeartbeatBytes(t *testing.T) {
	// Appendix B of the protocol notes: room 7300000000000000000, seq 1.
	const want = "320270623a026862420c" + "088080e8e2aaeab3a7651001"
	if got := hex.EncodeToString(HeartbeatFrame(7300000000000000000, 1)); got != want {
		t.Fatalf("heartbeat = %s, want %s", got, want)
	}
}

func TestAckAndEnterRoom(t *testing.T) {
	f, err := Frame(AckFrame(12345, []byte("ext")))
	if err != nil || f.GetPayloadType() != TypeAck || f.GetLogId() != 12345 || string(f.GetPayload()) != "ext" {
		t.Fatalf("ack: %v %v", f, err)
	}
	f, err = Frame(EnterRoomFrame(7300000000000000001, 42))
	if err != nil || f.GetPayloadType() != TypeEnterRoom {
		t.Fatalf("enter: %v %v", f, err)
	}
	var m webcastpb.WebcastImEnterRoomMessage
	if err := proto.Unmarshal(f.GetPayload(), &m); err != nil {
		t.Fatal(err)
	}
	if m.GetRoomId() != 7300000000000000001 || m.GetLiveId() != 12 || m.GetIdentity() != "audience" ||
		m.GetEnterUniqueId() != 42 || m.GetFilterWelcomeMsg() != "0" {
		t.Fatalf("enter room payload: %v", &m)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		name string
		run  func() error
		kind error
	}{
		{"empty", func() error { _, err := Frame(nil); return err }, ErrEmpty},
		{"garbage", func() error { _, err := Frame([]byte{0xff, 0xff, 0xff}); return err }, ErrMalformedFrame},
		{"truncated", func() error { _, err := Frame([]byte{0x42, 0x10, 1, 2}); return err }, ErrMalformedFrame},
		{"not msg", func() error {
			_, err := Payload(&webcastpb.WebcastPushFrame{PayloadType: TypeHeartbeat})
			return err
		}, ErrNotMsg},
		{"bad gzip", func() error {
			_, err := Payload(&webcastpb.WebcastPushFrame{PayloadType: TypeMsg, Payload: []byte{0x1f, 0x8b, 0x08, 0, 1, 2},
				Headers: map[string]string{HeaderCompressType: "gzip"}})
			return err
		}, ErrBadGzip},
		{"header gzip, plain bytes", func() error {
			_, err := Payload(&webcastpb.WebcastPushFrame{PayloadType: TypeMsg, Payload: []byte{0x12, 0x01, 'x'},
				Headers: map[string]string{HeaderCompressType: "gzip"}})
			return err
		}, ErrBadGzip},
		{"malformed payload", func() error {
			_, err := Payload(&webcastpb.WebcastPushFrame{PayloadType: TypeMsg, Payload: []byte{0x0a, 0x7f}})
			return err
		}, ErrMalformedPayload},
	}
	for _, c := range cases {
		err := c.run()
		if !errors.Is(err, c.kind) {
			t.Errorf("%s: got %v, want kind %v", c.name, err, c.kind)
		}
		var de *Error
		if !errors.As(err, &de) {
			t.Errorf("%s: not a *decode.Error: %T", c.name, err)
		}
	}
}

func TestGzipBombCapped(t *testing.T) {
	huge := bytes.Repeat([]byte{0}, 64<<20) // 64 MiB of zeros -> ~64 KiB gzip
	z, _ := Gzip(huge)
	d := NewDecoder()
	d.MaxPayload = 1 << 20
	var r webcastpb.ProtoMessageFetchResult
	err := d.Payload(&webcastpb.WebcastPushFrame{PayloadType: TypeMsg, Payload: z}, &r)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("want ErrTooLarge, got %v", err)
	}
	if cap(d.buf) > 2<<20 {
		t.Fatalf("decoder kept a %d byte buffer", cap(d.buf))
	}
	// The decoder stays usable.
	b, _ := MsgFrame(1, 1, sampleResult(), true)
	var f webcastpb.WebcastPushFrame
	if err := d.Frame(b, &f); err != nil {
		t.Fatal(err)
	}
	if err := d.Payload(&f, &r); err != nil || r.GetCursor() == "" {
		t.Fatalf("after bomb: %v", err)
	}
}

func TestFetchResult(t *testing.T) {
	raw, _ := proto.Marshal(sampleResult())
	for _, body := range [][]byte{raw, mustGzip(t, raw)} {
		r, err := FetchResult(body)
		if err != nil || !r.GetNeedAck() {
			t.Fatalf("FetchResult: %v %v", r, err)
		}
	}
}

func mustGzip(t *testing.T, b []byte) []byte {
	t.Helper()
	z, err := Gzip(b)
	if err != nil {
		t.Fatal(err)
	}
	return z
}

// Package decode turns raw TikTok LIVE websocket messages into protobuf
// values: the WebcastPushFrame envelope and, for "msg" frames, the
// (possibly gzipped) ProtoMessageFetchResult. It also encodes the frames a
// client sends (enter room, heartbeat, ack) and, for fakes and tests, "msg"
// frames.
//
// The package-level functions allocate fresh state per call. Hot paths
// (connectors, the normalize.Pipeline) keep one Decoder per connection,
// which reuses its gzip reader and inflate buffer.
package decode

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"

	"google.golang.org/protobuf/proto"

	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// DefaultMaxPayload caps the inflated size of one payload (gzip-bomb guard).
// A healthy initial fetch is ~60 KB; push batches are far smaller.
const DefaultMaxPayload = 8 << 20

// Payload types of WebcastPushFrame.payload_type.
const (
	TypeMsg           = "msg"
	TypeHeartbeat     = "hb"
	TypeAck           = "ack"
	TypeEnterRoom     = "im_enter_room"
	TypeEnterRoomResp = "im_enter_room_resp"
)

// HeaderCompressType is the push frame header naming the payload compression.
const HeaderCompressType = "compress_type"

// Decoder decodes frames and payloads, reusing its buffers between calls.
// It is not safe for concurrent use. Slices returned by Inflate are valid
// until the next call.
type Decoder struct {
	// MaxPayload caps an inflated payload; <= 0 means DefaultMaxPayload.
	MaxPayload int

	zr  *gzip.Reader
	src bytes.Reader
	buf []byte
	unm proto.UnmarshalOptions
}

// NewDecoder returns a Decoder with the default limit.
func NewDecoder() *Decoder {
	return &Decoder{unm: proto.UnmarshalOptions{DiscardUnknown: true}}
}

// Frame decodes one binary websocket message.
func Frame(b []byte) (*webcastpb.WebcastPushFrame, error) {
	f := new(webcastpb.WebcastPushFrame)
	if err := NewDecoder().Frame(b, f); err != nil {
		return nil, err
	}
	return f, nil
}

// Payload decodes the fetch result carried by a "msg" frame, inflating it
// when the frame says compress_type=gzip or the payload starts with the
// gzip magic 1f 8b 08.
func Payload(f *webcastpb.WebcastPushFrame) (*webcastpb.ProtoMessageFetchResult, error) {
	r := new(webcastpb.ProtoMessageFetchResult)
	if err := NewDecoder().Payload(f, r); err != nil {
		return nil, err
	}
	return r, nil
}

// FetchResult decodes the body of the initial HTTP im/fetch (or a sign
// server's copy of it): a bare ProtoMessageFetchResult, inflated first if it
// starts with the gzip magic.
func FetchResult(body []byte) (*webcastpb.ProtoMessageFetchResult, error) {
	r := new(webcastpb.ProtoMessageFetchResult)
	d := NewDecoder()
	raw, err := d.inflate(body, false)
	if err != nil {
		return nil, err
	}
	if err := d.unm.Unmarshal(raw, r); err != nil {
		return nil, fail(ErrMalformedPayload, err)
	}
	return r, nil
}

// Frame decodes b into f (which is reset first).
func (d *Decoder) Frame(b []byte, f *webcastpb.WebcastPushFrame) error {
	if len(b) == 0 {
		return fail(ErrEmpty, nil)
	}
	if err := d.unm.Unmarshal(b, f); err != nil {
		return fail(ErrMalformedFrame, err)
	}
	return nil
}

// Payload decodes the fetch result of a "msg" frame into r (reset first).
func (d *Decoder) Payload(f *webcastpb.WebcastPushFrame, r *webcastpb.ProtoMessageFetchResult) error {
	raw, err := d.Inflate(f)
	if err != nil {
		return err
	}
	if err := d.unm.Unmarshal(raw, r); err != nil {
		return fail(ErrMalformedPayload, err)
	}
	return nil
}

// Inflate returns the payload bytes of a "msg" frame, gunzipped when needed.
// The result aliases the frame or the decoder's buffer.
func (d *Decoder) Inflate(f *webcastpb.WebcastPushFrame) ([]byte, error) {
	if f.GetPayloadType() != TypeMsg {
		return nil, fail(ErrNotMsg, errors.New("payload type "+quote(f.GetPayloadType())))
	}
	return d.inflate(f.GetPayload(), f.GetHeaders()[HeaderCompressType] == "gzip")
}

// IsGzip reports whether b starts with the gzip magic (1f 8b 08).
func IsGzip(b []byte) bool {
	return len(b) >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 0x08
}

func (d *Decoder) inflate(p []byte, headerGzip bool) ([]byte, error) {
	limit := d.limit()
	if !headerGzip && !IsGzip(p) {
		if len(p) > limit {
			return nil, fail(ErrTooLarge, nil)
		}
		return p, nil
	}
	d.src.Reset(p)
	if d.zr == nil {
		zr, err := gzip.NewReader(&d.src)
		if err != nil {
			return nil, fail(ErrBadGzip, err)
		}
		d.zr = zr
	} else if err := d.zr.Reset(&d.src); err != nil {
		return nil, fail(ErrBadGzip, err)
	}
	out, err := readCapped(d.zr, d.buf[:0], limit)
	if cap(out) <= 1<<20 { // keep a modest buffer for the next frame
		d.buf = out[:0]
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (d *Decoder) limit() int {
	if d.MaxPayload > 0 {
		return d.MaxPayload
	}
	return DefaultMaxPayload
}

// readCapped reads r to EOF into buf, failing once more than limit bytes
// have been produced (without ever holding more than limit+512 bytes).
func readCapped(r io.Reader, buf []byte, limit int) ([]byte, error) {
	if cap(buf) < 4096 {
		buf = make([]byte, 0, 16<<10)
	}
	for {
		if len(buf) == cap(buf) {
			buf = growCapped(buf, limit)
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > limit {
			return buf, fail(ErrTooLarge, nil)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, fail(ErrBadGzip, err)
		}
	}
}

func growCapped(buf []byte, limit int) []byte {
	n := 2 * cap(buf)
	if n > limit+512 {
		n = limit + 512
	}
	nb := make([]byte, len(buf), n)
	copy(nb, buf)
	return nb
}

func quote(s string) string {
	if len(s) > 64 {
		s = s[:64] + "…"
	}
	return `"` + s + `"`
}

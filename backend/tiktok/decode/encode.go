package decode

import (
	"bytes"
	"compress/gzip"

	"google.golang.org/protobuf/proto"

	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// EncodingPB is the payload_encoding every frame carries.
const EncodingPB = "pb"

// EnterRoom describes the im_enter_room frame a client sends right after the
// socket opens. Zero fields get the web client's values.
type EnterRoom struct {
	RoomID        int64
	Cursor        string
	EnterUniqueID int64  // random positive int64 per connection (0 is accepted)
	Identity      string // default "audience"
	LiveID        int64  // default 12
}

// EnterRoomFrame encodes an im_enter_room frame for roomID.
func EnterRoomFrame(roomID, enterUniqueID int64) []byte {
	b, _ := EnterRoom{RoomID: roomID, EnterUniqueID: enterUniqueID}.Frame()
	return b
}

// Frame encodes the im_enter_room frame. It fails only when Cursor or
// Identity is not valid UTF-8.
func (e EnterRoom) Frame() ([]byte, error) {
	if e.Identity == "" {
		e.Identity = "audience"
	}
	if e.LiveID == 0 {
		e.LiveID = 12
	}
	payload, err := proto.Marshal(&webcastpb.WebcastImEnterRoomMessage{
		RoomId: e.RoomID, LiveId: e.LiveID, Identity: e.Identity,
		Cursor: e.Cursor, EnterUniqueId: e.EnterUniqueID, FilterWelcomeMsg: "0",
	})
	if err != nil {
		return nil, err
	}
	return proto.Marshal(&webcastpb.WebcastPushFrame{
		PayloadEncoding: EncodingPB, PayloadType: TypeEnterRoom, Payload: payload,
	})
}

// HeartbeatFrame encodes an "hb" frame. seq starts at 1 after entering a
// room and grows by one per heartbeat.
func HeartbeatFrame(roomID int64, seq uint64) []byte {
	payload, _ := proto.Marshal(&webcastpb.HeartBeatMessage{RoomId: uint64(roomID), SendPacketSeqId: seq})
	b, _ := proto.Marshal(&webcastpb.WebcastPushFrame{
		PayloadEncoding: EncodingPB, PayloadType: TypeHeartbeat, Payload: payload,
	})
	return b
}

// AckFrame encodes the "ack" for a received "msg" frame whose fetch result
// had need_ack set: logID is the received frame's log_id, internalExt the
// fetch result's internal_ext (sent as is; Node skips the ack when it is
// empty, Python sends "-").
func AckFrame(logID uint64, internalExt []byte) []byte {
	b, _ := proto.Marshal(&webcastpb.WebcastPushFrame{
		LogId: logID, PayloadEncoding: EncodingPB, PayloadType: TypeAck, Payload: internalExt,
	})
	return b
}

// MsgFrame encodes res as a "msg" frame the way TikTok sends it, gzipped
// (with the compress_type header) when gz is set. For fake servers, tests
// and capture generators.
func MsgFrame(seqID, logID uint64, res *webcastpb.ProtoMessageFetchResult, gz bool) ([]byte, error) {
	payload, err := proto.Marshal(res)
	if err != nil {
		return nil, err
	}
	f := &webcastpb.WebcastPushFrame{
		SeqId: seqID, LogId: logID, PayloadEncoding: EncodingPB, PayloadType: TypeMsg,
	}
	if gz {
		if payload, err = Gzip(payload); err != nil {
			return nil, err
		}
		f.Headers = map[string]string{HeaderCompressType: "gzip"}
	}
	f.Payload = payload
	return proto.MarshalOptions{Deterministic: true}.Marshal(f)
}

// Gzip compresses b (helper for fakes that serve gzipped payloads).
func Gzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

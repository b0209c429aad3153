package faketiktok

import (
	"strconv"

	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// MsgFrame builds one uncompressed push frame ("msg") carrying msgs, as the
// fake server sends them, for writing captures in tests and benchmarks.
// Message ids run from firstID; every message is created at createMS.
func MsgFrame(roomID, seq, firstID, createMS int64, msgs ...Msg) []byte {
	pbs := make([]*pb.BaseProtoMessage, len(msgs))
	for i, m := range msgs {
		pbs[i] = m.encode(roomID, firstID+int64(i), createMS)
	}
	res := fetchOf(pbs, int(seq), strconv.FormatInt(roomID, 10))
	f := &pb.WebcastPushFrame{SeqId: uint64(seq), LogId: uint64(seq), PayloadEncoding: "pb", PayloadType: "msg",
		Headers: map[string]string{"compress_type": "none"}, Payload: mustMarshal(res)}
	return mustMarshal(f)
}

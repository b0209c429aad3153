package faketiktok

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"google.golang.org/protobuf/proto"

	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// Room is one fake LIVE room. Every emitted message is kept in the room's
// history; a cursor is an index into that history, so a client that
// reconnects with its last cursor gets everything it missed (plus a few
// already-seen messages, as TikTok re-sends recent history).
type Room struct {
	srv      *Server
	UniqueID string
	RoomID   string

	mu            sync.Mutex
	status        int // 2 live, 4 offline
	ageRestricted bool
	history       []*pb.BaseProtoMessage
	src           []stored // the same messages, as emitted (for the relay's JSON mode)
	nextID        int64
	conns         map[*pushConn]struct{}
}

// SetStatus sets the live status (2 live, 4 offline).
func (r *Room) SetStatus(status int) {
	r.mu.Lock()
	r.status = status
	r.mu.Unlock()
}

// SetAgeRestricted makes the room's info visible only with a session cookie.
func (r *Room) SetAgeRestricted(v bool) {
	r.mu.Lock()
	r.ageRestricted = v
	r.mu.Unlock()
}

func (r *Room) snapshot() (status int, age bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.status, r.ageRestricted
}

// Emit appends msgs to the history as one batch and pushes them to every
// connected client in one frame. It returns the assigned message ids.
func (r *Room) Emit(msgs ...Msg) []int64 {
	r.mu.Lock()
	ids := make([]int64, len(msgs))
	now := time.Now().UnixMilli()
	for i, m := range msgs {
		r.nextID++
		ids[i] = r.nextID
		r.history = append(r.history, m.encode(r.roomIDInt(), r.nextID, now))
		r.src = append(r.src, stored{msg: m, id: r.nextID, ts: now})
	}
	conns := r.connList()
	r.mu.Unlock()
	for _, c := range conns {
		c.kick()
	}
	return ids
}

// End emits a control message with action 3 (stream ended).
func (r *Room) End() { r.Emit(Control(3)) }

// DropConnections closes every push and relay socket of the room abruptly
// (no close frame), as TikTok's servers often do.
func (r *Room) DropConnections() {
	r.mu.Lock()
	conns := r.connList()
	r.mu.Unlock()
	for _, c := range conns {
		c.drop()
	}
}

// Connections returns how many sockets are open to the room.
func (r *Room) Connections() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.conns)
}

func (r *Room) connList() []*pushConn {
	out := make([]*pushConn, 0, len(r.conns))
	for c := range r.conns {
		out = append(out, c)
	}
	return out
}

func (r *Room) attach(c *pushConn) {
	r.mu.Lock()
	r.conns[c] = struct{}{}
	r.mu.Unlock()
}

func (r *Room) detach(c *pushConn) {
	r.mu.Lock()
	delete(r.conns, c)
	r.mu.Unlock()
}

// since returns the messages from index from on, marking the ones before
// mark as history, and the index after the last one.
func (r *Room) since(from, mark int) ([]*pb.BaseProtoMessage, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	from = max(0, min(from, len(r.history)))
	out := make([]*pb.BaseProtoMessage, 0, len(r.history)-from)
	for i := from; i < len(r.history); i++ {
		m := r.history[i]
		if i < mark {
			c := proto.Clone(m).(*pb.BaseProtoMessage)
			c.IsHistory = true
			m = c
		}
		out = append(out, m)
	}
	return out, len(r.history)
}

// stored is an emitted message with its id and time.
type stored struct {
	msg    Msg
	id, ts int64
}

// sinceSrc returns the emitted messages from index from on, and the index after the last one.
func (r *Room) sinceSrc(from int) ([]stored, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	from = max(0, min(from, len(r.src)))
	return append([]stored(nil), r.src[from:]...), len(r.src)
}

// length is the current history length (the live cursor position).
func (r *Room) length() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.history)
}

func (r *Room) roomIDInt() int64 {
	n, _ := strconv.ParseInt(r.RoomID, 10, 64)
	return n
}

// cursorFor encodes a history index as an opaque-looking cursor.
func cursorFor(n int) string { return "t-" + strconv.Itoa(n) + "_r-1_d-1_u-1_h-1" }

// indexFromCursor decodes cursorFor; unknown cursors mean "from now".
func indexFromCursor(c string, live int) int {
	s, ok := strings.CutPrefix(c, "t-")
	if !ok {
		return live
	}
	s, _, _ = strings.Cut(s, "_")
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > live {
		return live
	}
	return n
}

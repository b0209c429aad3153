package faketiktok

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"google.golang.org/protobuf/proto"

	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// pushConn is one client socket on the fake push server (or relay).
type pushConn struct {
	srv   *Server
	room  *Room
	ws    *websocket.Conn
	gzip  bool
	raw   bool // relay mode: uncompressed frames, no enter-room needed
	json  bool // relay JSON mode: JSON bundles instead of frames
	wmu   sync.Mutex
	kickC chan struct{}
	done  chan struct{}
	once  sync.Once

	mu      sync.Mutex
	next    int
	entered bool
	frameNo int
	logID   uint64
	lastHB  time.Time
	pending map[uint64]pendingAck
}

type pendingAck struct {
	ext  string
	sent time.Time
}

func (s *Server) upgrader() *websocket.Upgrader {
	return &websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
}

func (s *Server) handlePush(w http.ResponseWriter, r *http.Request) {
	hs := Handshake{Query: flatten(r.URL.Query()), Cookie: r.Header.Get("Cookie"), UserAgent: r.UserAgent()}
	room, reason := s.checkHandshake(r)
	s.mu.Lock()
	if take(&s.faults.refuseCount) {
		reason = s.faults.refuseStatus + " " + s.faults.refuseMsg
		w.Header().Set("handshake-status", s.faults.refuseStatus)
		w.Header().Set("handshake-msg", s.faults.refuseMsg)
	} else if reason != "" {
		w.Header().Set("handshake-status", "417")
		w.Header().Set("handshake-msg", reason)
	}
	hs.Refused = reason
	s.stats.Handshakes = append(s.stats.Handshakes, hs)
	s.mu.Unlock()
	if reason != "" {
		w.WriteHeader(http.StatusOK) // TikTok refuses with 200, not 101
		return
	}
	hdr := http.Header{"Handshake-Options": {"ping-interval=10; ping-timeout=30"}}
	ws, err := s.upgrader().Upgrade(w, r, hdr)
	if err != nil {
		return
	}
	q := r.URL.Query()
	c := s.newConn(room, ws, indexFromCursor(q.Get("cursor"), room.length()))
	c.gzip = q.Get("compress") == "gzip"
	c.run()
}

// checkHandshake validates what TikTok checks: room, route params, the
// cookie issued with the fetch, and the same user agent.
func (s *Server) checkHandshake(r *http.Request) (*Room, string) {
	q := r.URL.Query()
	room := s.roomByID(q.Get("room_id"))
	if room == nil {
		return nil, "unknown room_id"
	}
	c, err := r.Cookie("ttwid")
	if err != nil {
		return nil, "missing ttwid cookie"
	}
	sess, ok := s.lookupSession(c.Value)
	switch {
	case !ok:
		return nil, "unknown ttwid"
	case sess.ua != r.UserAgent():
		return nil, "user agent mismatch"
	case sess.roomID != room.RoomID:
		return nil, "room mismatch"
	case q.Get("wrss") != routeToken(c.Value):
		return nil, "missing route params"
	case q.Get("cursor") == "" || q.Get("internal_ext") == "":
		return nil, "missing cursor or internal_ext"
	case q.Get("aid") != "1988":
		return nil, "illegal app_id"
	}
	return room, ""
}

func (s *Server) newConn(room *Room, ws *websocket.Conn, next int) *pushConn {
	return &pushConn{srv: s, room: room, ws: ws, next: next, logID: 9000, lastHB: time.Now(),
		kickC: make(chan struct{}, 1), done: make(chan struct{}), pending: map[uint64]pendingAck{}}
}

// run serves the socket until it closes.
func (c *pushConn) run() {
	c.room.attach(c)
	defer c.room.detach(c)
	go c.readLoop()
	c.kick()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-c.kickC:
		case <-tick.C:
			if reason := c.watchdog(); reason != "" {
				c.drop()
				return
			}
			continue
		}
		if err := c.flush(); err != nil {
			c.drop()
			return
		}
	}
}

func (c *pushConn) kick() {
	select {
	case c.kickC <- struct{}{}:
	default:
	}
}

// drop closes the socket without a close frame.
func (c *pushConn) drop() {
	c.once.Do(func() {
		close(c.done)
		_ = c.ws.UnderlyingConn().Close()
	})
}

// watchdog enforces heartbeats and acks when the options ask for it.
func (c *pushConn) watchdog() string {
	o := c.srv.opts
	c.mu.Lock()
	defer c.mu.Unlock()
	if o.HeartbeatTimeout > 0 && !c.raw && time.Since(c.lastHB) > o.HeartbeatTimeout {
		return "heartbeat timeout"
	}
	if o.NeedAck && o.AckTimeout > 0 {
		for _, p := range c.pending {
			if time.Since(p.sent) > o.AckTimeout {
				return "ack timeout"
			}
		}
	}
	return ""
}

// flush sends every message the client has not had yet, as one frame.
func (c *pushConn) flush() error {
	if c.raw {
		return c.flushRelay()
	}
	c.mu.Lock()
	if !c.entered && !c.raw {
		c.mu.Unlock()
		return nil
	}
	msgs, n := c.room.since(c.next, c.next)
	c.next = n
	c.mu.Unlock()
	if len(msgs) == 0 {
		return nil
	}
	res := fetchOf(msgs, n, c.room.RoomID)
	res.NeedAck = c.srv.opts.NeedAck
	return c.sendMsgFrame(mustMarshal(res), string(res.InternalExt))
}

// fetchOf wraps messages in the fetch result a msg frame carries.
func fetchOf(msgs []*pb.BaseProtoMessage, n int, roomID string) *pb.ProtoMessageFetchResult {
	return &pb.ProtoMessageFetchResult{Messages: msgs, Cursor: cursorFor(n), InternalExt: []byte(internalExt(roomID, n))}
}

func (c *pushConn) sendMsgFrame(payload []byte, ext string) error {
	c.mu.Lock()
	c.logID++
	logID, mode := c.logID, c.compressMode()
	c.frameNo++
	if c.srv.opts.NeedAck && !c.raw {
		c.pending[logID] = pendingAck{ext: ext, sent: time.Now()}
	}
	c.mu.Unlock()
	f := &pb.WebcastPushFrame{SeqId: logID, LogId: logID, PayloadEncoding: "pb", PayloadType: "msg",
		Headers: map[string]string{"compress_type": "none"}, Payload: payload}
	if mode != "none" {
		f.Payload = gzipBytes(payload)
		f.Headers["compress_type"] = "gzip"
		if mode == "magic" {
			delete(f.Headers, "compress_type")
		}
	}
	c.srv.mu.Lock()
	c.srv.stats.FramesSent++
	c.srv.mu.Unlock()
	return c.write(websocket.BinaryMessage, mustMarshal(f))
}

// compressMode picks "gzip", "magic" (gzip without header) or "none"; c.mu held.
func (c *pushConn) compressMode() string {
	switch {
	case c.raw || c.srv.opts.Compression == CompressNone:
		return "none"
	case c.srv.opts.Compression == CompressMixed:
		return [...]string{"gzip", "none", "magic"}[c.frameNo%3]
	case c.gzip:
		return "gzip"
	}
	return "none"
}

func (c *pushConn) write(typ int, data []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteMessage(typ, data)
}

func (c *pushConn) readLoop() {
	defer c.drop()
	for {
		typ, data, err := c.ws.ReadMessage()
		if err != nil {
			return
		}
		if typ != websocket.BinaryMessage {
			continue
		}
		var f pb.WebcastPushFrame
		if proto.Unmarshal(data, &f) != nil {
			continue
		}
		c.handleClientFrame(&f)
	}
}

func (c *pushConn) handleClientFrame(f *pb.WebcastPushFrame) {
	switch f.PayloadType {
	case "im_enter_room":
		c.onEnter(f.Payload)
	case "hb":
		c.onHeartbeat(f.Payload)
	case "ack":
		c.onAck(f.LogId, string(f.Payload))
	}
}

func (c *pushConn) onEnter(payload []byte) {
	var m pb.WebcastImEnterRoomMessage
	if proto.Unmarshal(payload, &m) != nil || m.RoomId != c.room.roomIDInt() {
		return
	}
	c.srv.mu.Lock()
	c.srv.stats.EnterRooms++
	c.srv.mu.Unlock()
	c.mu.Lock()
	c.entered = true
	c.lastHB = time.Now()
	c.mu.Unlock()
	_ = c.write(websocket.BinaryMessage, mustMarshal(&pb.WebcastPushFrame{PayloadEncoding: "pb", PayloadType: "im_enter_room_resp"}))
	c.kick()
}

func (c *pushConn) onHeartbeat(payload []byte) {
	var m pb.HeartBeatMessage
	if proto.Unmarshal(payload, &m) != nil || int64(m.RoomId) != c.room.roomIDInt() {
		return
	}
	c.srv.mu.Lock()
	c.srv.stats.Heartbeats++
	c.srv.stats.HeartbeatSeq = append(c.srv.stats.HeartbeatSeq, m.SendPacketSeqId)
	c.srv.mu.Unlock()
	c.mu.Lock()
	c.lastHB = time.Now()
	c.mu.Unlock()
	_ = c.write(websocket.BinaryMessage, mustMarshal(&pb.WebcastPushFrame{PayloadEncoding: "pb", PayloadType: "hb"}))
}

func (c *pushConn) onAck(logID uint64, payload string) {
	c.mu.Lock()
	p, ok := c.pending[logID]
	delete(c.pending, logID)
	c.mu.Unlock()
	c.srv.mu.Lock()
	defer c.srv.mu.Unlock()
	if !ok || p.ext != payload {
		c.srv.stats.BadAcks++
		return
	}
	c.srv.stats.Acks = append(c.srv.stats.Acks, logID)
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return buf.Bytes()
}

// Package faketiktok is an in-process fake of TikTok LIVE for tests. It speaks
// the real wire formats: the live page with SIGI_STATE, the api-live room
// JSON, an Euler-compatible sign server (/webcast/fetch returning a protobuf
// ProtoMessageFetchResult with X-Set-TT-Cookie), the push websocket
// (WebcastPushFrame, gzip, enter-room, heartbeats, acks, handshake refusal via
// HTTP 200 + handshake-status), the Euler relay websocket and TikFinity's
// local event websocket (see tikfinity.go). Behaviour is scriptable per test.
package faketiktok

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"time"
)

// Compression selects how push frames are compressed.
type Compression int

// Compression modes.
const (
	CompressAuto  Compression = iota // gzip when the client asked for compress=gzip
	CompressNone                     // never
	CompressMixed                    // rotate: gzip+header, plain, gzip flagged only by magic bytes
)

// Options configure a fake. The zero value is a permissive TikTok.
type Options struct {
	APIKey           string        // when set, the sign server and relay require this key
	SessionID        string        // when set, age-restricted rooms need sessionid=<this>
	NeedAck          bool          // fetch results ask for acks
	AckTimeout       time.Duration // when > 0 and NeedAck, a frame not acked in time closes the socket
	HeartbeatTimeout time.Duration // when > 0, no heartbeat for this long closes the socket
	Compression      Compression
	Resend           int // already-seen messages re-sent on reconnect (default 3)
	InitialHistory   int // messages before "now" returned on a first fetch (default 0)
}

// Server is the fake. Create it with New; Close it when done.
type Server struct {
	opts Options
	http *httptest.Server

	mu       sync.Mutex
	rooms    map[string]*Room // by unique id
	byRoomID map[string]*Room
	sessions map[string]session // ttwid → who fetched
	faults   faults
	stats    Stats
	nextTTID int
}

type session struct {
	ua     string
	roomID string
}

// faults are scripted failures, each consumed per request.
type faults struct {
	signStatus     int
	signRetryAfter string
	signBody       string
	signCount      int // remaining; < 0 = forever
	emptyFetch     int
	stubPush       int
	refuseStatus   string
	refuseMsg      string
	refuseCount    int
	captcha        bool
	euler          []eulerClose
}

// Stats records what clients did, for assertions.
type Stats struct {
	SignRequests []SignRequest
	LivePages    int
	APILive      int
	Handshakes   []Handshake
	EnterRooms   int
	Heartbeats   int
	HeartbeatSeq []uint64
	Acks         []uint64 // acked logIds, in order
	BadAcks      int      // acks whose payload was not the frame's internalExt
	FramesSent   int
	EulerConns   []string // raw query strings of relay connections
}

// SignRequest is one call to the fake sign server.
type SignRequest struct {
	Query     map[string]string
	APIKey    string
	UserAgent string
}

// Handshake is one push socket upgrade request.
type Handshake struct {
	Query     map[string]string
	Cookie    string
	UserAgent string
	Refused   string // reason when refused
}

// New starts a fake on 127.0.0.1.
func New(opts Options) *Server {
	if opts.Resend == 0 {
		opts.Resend = 3
	}
	s := &Server{opts: opts, rooms: map[string]*Room{}, byRoomID: map[string]*Room{}, sessions: map[string]session{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{user}/live", s.handleLivePage)
	mux.HandleFunc("GET /api-live/user/room/", s.handleAPILive)
	mux.HandleFunc("GET /webcast/fetch", s.handleFetch)
	mux.HandleFunc("GET /webcast/fetch/", s.handleFetch)
	mux.HandleFunc("GET /webcast/room_id", s.handleRoomID)
	mux.HandleFunc("GET "+pushPath, s.handlePush)
	mux.HandleFunc("GET /euler", s.handleEuler)
	s.http = httptest.NewServer(mux)
	return s
}

const pushPath = "/webcast/im/ws_proxy/ws_reuse_supplement"

// URL is the base URL (http://127.0.0.1:port) for the web, the sign server and the push server.
func (s *Server) URL() string { return s.http.URL }

// EulerURL is the relay websocket URL (ws://127.0.0.1:port/euler).
func (s *Server) EulerURL() string { return "ws" + s.http.URL[len("http"):] + "/euler" }

// Close stops the fake and drops every socket.
func (s *Server) Close() {
	s.mu.Lock()
	rooms := make([]*Room, 0, len(s.rooms))
	for _, r := range s.rooms {
		rooms = append(rooms, r)
	}
	s.mu.Unlock()
	for _, r := range rooms {
		r.DropConnections()
	}
	s.http.CloseClientConnections()
	s.http.Close()
}

// AddRoom creates a live room for a user.
func (s *Server) AddRoom(uniqueID, roomID string) *Room {
	r := &Room{srv: s, UniqueID: uniqueID, RoomID: roomID, status: 2, nextID: 7500000000000000000,
		conns: map[*pushConn]struct{}{}}
	s.mu.Lock()
	s.rooms[uniqueID] = r
	s.byRoomID[roomID] = r
	s.mu.Unlock()
	return r
}

// FailSign makes the next n sign requests (n < 0: all) answer with status,
// an optional Retry-After header value and body.
func (s *Server) FailSign(n, status int, retryAfter, body string) {
	s.mu.Lock()
	s.faults.signCount, s.faults.signStatus, s.faults.signRetryAfter, s.faults.signBody = n, status, retryAfter, body
	s.mu.Unlock()
}

// EmptyFetch makes the next n sign requests answer 200 with an empty body.
func (s *Server) EmptyFetch(n int) {
	s.mu.Lock()
	s.faults.emptyFetch = n
	s.mu.Unlock()
}

// StubPushServer makes the next n fetches return a non-TikTok push server
// (the 2026 "fallback proxy" stub).
func (s *Server) StubPushServer(n int) {
	s.mu.Lock()
	s.faults.stubPush = n
	s.mu.Unlock()
}

// RefuseHandshakes answers the next n push upgrades (n < 0: all) with HTTP
// 200 and handshake-status / handshake-msg headers.
func (s *Server) RefuseHandshakes(n int, status, msg string) {
	s.mu.Lock()
	s.faults.refuseCount, s.faults.refuseStatus, s.faults.refuseMsg = n, status, msg
	s.mu.Unlock()
}

// SetCaptcha makes the live page and api-live answer with a verification page.
func (s *Server) SetCaptcha(on bool) {
	s.mu.Lock()
	s.faults.captcha = on
	s.mu.Unlock()
}

// Stats returns a copy of what clients did so far.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.SignRequests = append([]SignRequest(nil), st.SignRequests...)
	st.Handshakes = append([]Handshake(nil), st.Handshakes...)
	st.HeartbeatSeq = append([]uint64(nil), st.HeartbeatSeq...)
	st.Acks = append([]uint64(nil), st.Acks...)
	st.EulerConns = append([]string(nil), st.EulerConns...)
	return st
}

func (s *Server) room(uniqueID string) *Room {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rooms[uniqueID]
}

func (s *Server) roomByID(id string) *Room {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byRoomID[id]
}

// newSession issues a ttwid cookie value bound to a user agent and room.
func (s *Server) newSession(ua, roomID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextTTID++
	id := "fakettwid" + strconv.Itoa(s.nextTTID)
	s.sessions[id] = session{ua: ua, roomID: roomID}
	return id
}

func (s *Server) lookupSession(ttwid string) (session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.sessions[ttwid]
	return v, ok
}

// take decrements a fault counter and reports whether the fault applies.
func take(n *int) bool {
	if *n == 0 {
		return false
	}
	if *n > 0 {
		*n--
	}
	return true
}

func flatten(q map[string][]string) map[string]string {
	out := make(map[string]string, len(q))
	for k, v := range q {
		if len(v) > 0 {
			out[k] = v[0]
		}
	}
	return out
}

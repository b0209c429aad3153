package faketiktok

import (
	"net/http"
	"strconv"

	"google.golang.org/protobuf/proto"

	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"

	"github.com/ltth/ltth/backend/httpapi"
)

// handleFetch is the Euler-compatible sign server: GET /webcast/fetch with
// client, room_id, user_agent, client_enter, platform and optional cursor;
// the API key in x-api-key (or apiKey). The reply is TikTok's raw protobuf
// ProtoMessageFetchResult with the cookies in X-Set-TT-Cookie.
func (s *Server) handleFetch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.recordSign(r)
	if !s.keyOK(r) {
		httpapi.WriteJSON(w, http.StatusUnauthorized, map[string]any{"code": 401, "message": "The provided API Key is invalid."})
		return
	}
	if s.signFault(w) {
		return
	}
	room := s.roomByID(q.Get("room_id"))
	if room == nil || q.Get("user_agent") == "" {
		httpapi.WriteJSON(w, http.StatusBadRequest, map[string]any{"code": 400, "message": "Invalid room_id or user_agent"})
		return
	}
	if s.takeFault(&s.faults.emptyFetch) {
		w.Header().Set("Content-Type", "application/x-protobuf")
		w.WriteHeader(http.StatusOK)
		return
	}
	body, ttwid := s.fetchResult(r, room)
	w.Header().Set("Content-Type", "application/x-protobuf")
	w.Header().Set("X-Set-TT-Cookie", "ttwid="+ttwid+"; tt_csrf_token=fakecsrf; msToken=fakemstoken")
	w.Header().Set("X-Room-Id", room.RoomID)
	w.Header().Set("X-Request-Id", "fake-"+strconv.Itoa(len(body)))
	_, _ = w.Write(body)
}

func (s *Server) recordSign(r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	s.stats.SignRequests = append(s.stats.SignRequests, SignRequest{Query: flatten(q),
		APIKey: r.Header.Get("x-api-key"), UserAgent: q.Get("user_agent")})
	s.mu.Unlock()
}

// signFault writes a scripted sign server failure, if one is due.
func (s *Server) signFault(w http.ResponseWriter) bool {
	s.mu.Lock()
	due := take(&s.faults.signCount)
	status, retry, body := s.faults.signStatus, s.faults.signRetryAfter, s.faults.signBody
	s.mu.Unlock()
	if !due {
		return false
	}
	if retry != "" {
		w.Header().Set("Retry-After", retry)
	}
	if body == "" {
		body = `{"code":` + strconv.Itoa(status) + `,"message":"fake sign server failure"}`
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
	return true
}

func (s *Server) takeFault(n *int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return take(n)
}

// fetchResult builds the initial fetch body: recent history (re-sent when
// resuming) plus everything after the client's cursor.
func (s *Server) fetchResult(r *http.Request, room *Room) ([]byte, string) {
	q := r.URL.Query()
	live := room.length()
	from, mark := live-s.opts.InitialHistory, live
	if c := q.Get("cursor"); c != "" {
		idx := indexFromCursor(c, live)
		from, mark = idx-s.opts.Resend, idx
	}
	msgs, n := room.since(from, mark)
	ttwid := s.newSession(q.Get("user_agent"), room.RoomID)
	push := "ws" + s.http.URL[len("http"):] + pushPath
	if s.takeFault(&s.faults.stubPush) {
		push = "wss://ws-fallback.example.invalid/?token=stub"
	}
	res := &pb.ProtoMessageFetchResult{
		Messages: msgs, Cursor: cursorFor(n), FetchInterval: 1000, InternalExt: []byte(internalExt(room.RoomID, n)),
		RouteParams: map[string]string{"wrss": routeToken(ttwid), "empty_param": ""},
		NeedAck:     s.opts.NeedAck, PushServer: push, IsFirst: true, HeartbeatDuration: 10000,
	}
	b, err := proto.Marshal(res)
	if err != nil {
		panic(err)
	}
	return b, ttwid
}

func internalExt(roomID string, n int) string {
	return "internal_src:fake|wss_push_room_id:" + roomID + "|seq:" + strconv.Itoa(n)
}

// routeToken is the route parameter the push socket must carry back.
func routeToken(ttwid string) string { return "route-" + ttwid }

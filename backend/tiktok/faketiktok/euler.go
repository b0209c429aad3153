package faketiktok

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/gorilla/websocket"
)

// eulerClose is a scripted relay closure.
type eulerClose struct {
	code   int
	reason string
}

// EulerClose makes the next relay connection send workerInfo and then close
// with code and reason (4404 not live, 4429 too many connections, ...).
// Calls queue up: each connection takes the next one.
func (s *Server) EulerClose(code int, reason string) {
	s.mu.Lock()
	s.faults.euler = append(s.faults.euler, eulerClose{code, reason})
	s.mu.Unlock()
}

// handleEuler is the Euler Stream relay: wss://ws.eulerstream.com?uniqueId=..&apiKey=..
// with features.rawMessages=true for binary push frames, else JSON bundles.
func (s *Server) handleEuler(w http.ResponseWriter, r *http.Request) {
	ws, err := s.upgrader().Upgrade(w, r, nil)
	if err != nil {
		return
	}
	q := r.URL.Query()
	s.mu.Lock()
	s.stats.EulerConns = append(s.stats.EulerConns, r.URL.RawQuery)
	var scripted *eulerClose
	if len(s.faults.euler) > 0 {
		scripted = &s.faults.euler[0]
		s.faults.euler = s.faults.euler[1:]
	}
	s.mu.Unlock()
	raw := q.Get("features.rawMessages") == "true"
	sendJSON(ws, map[string]any{"messages": []any{map[string]any{"type": "workerInfo",
		"data": map[string]any{"webSocketId": "fake-1", "schemaVersion": "v2"}}}})
	room := s.room(q.Get("uniqueId"))
	switch {
	case scripted != nil:
		closeWS(ws, scripted.code, scripted.reason)
	case s.opts.APIKey != "" && q.Get("apiKey") != s.opts.APIKey:
		closeWS(ws, 4401, "Invalid authentication")
	case room == nil:
		closeWS(ws, 4404, "Streamer is not live")
	default:
		s.serveRelay(ws, room, raw)
	}
}

func (s *Server) serveRelay(ws *websocket.Conn, room *Room, raw bool) {
	if status, _ := room.snapshot(); status == 4 {
		closeWS(ws, 4404, "Streamer is not live")
		return
	}
	sendJSON(ws, map[string]any{"messages": []any{map[string]any{"type": "roomInfo", "data": map[string]any{
		"roomInfo": map[string]any{"id": room.RoomID, "status": 2},
		"user":     map[string]any{"uniqueId": room.UniqueID}}}}})
	c := s.newConn(room, ws, room.length())
	c.raw = true
	c.json = !raw
	c.run()
}

func sendJSON(ws *websocket.Conn, v any) {
	b, _ := json.Marshal(v)
	_ = ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	_ = ws.WriteMessage(websocket.TextMessage, b)
}

func closeWS(ws *websocket.Conn, code int, reason string) {
	_ = ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
	time.Sleep(20 * time.Millisecond)
	_ = ws.Close()
}

// flushRelay sends new messages on a relay socket (JSON bundle or raw
// frame) and closes with 4005 after a stream end, as Euler does.
func (c *pushConn) flushRelay() error {
	c.mu.Lock()
	items, n := c.room.sinceSrc(c.next)
	from := c.next
	c.next = n
	c.mu.Unlock()
	if len(items) == 0 {
		return nil
	}
	var err error
	if c.json {
		err = c.sendBundle(items)
	} else {
		msgs, _ := c.room.since(from, from)
		err = c.sendMsgFrame(mustMarshal(fetchOf(msgs, n, c.room.RoomID)), "")
	}
	if err == nil && endsStream(items) {
		closeWS(c.ws, 4005, "Stream ended")
		c.drop()
	}
	return err
}

func endsStream(items []stored) bool {
	for _, it := range items {
		if it.msg.method == "WebcastControlMessage" && (it.msg.a == 3 || it.msg.a == 4) {
			return true
		}
	}
	return false
}

func (c *pushConn) sendBundle(items []stored) error {
	msgs := make([]any, 0, len(items))
	for _, it := range items {
		msgs = append(msgs, map[string]any{"type": it.msg.method, "data": it.msg.eulerJSON(c.room, it.id, it.ts)})
	}
	b, _ := json.Marshal(map[string]any{"timestamp": time.Now().UnixMilli(), "messages": msgs})
	return c.write(websocket.TextMessage, b)
}

// eulerJSON renders m the way Euler's JSON mode (schema v2) does: 64-bit
// ids as strings, repeatEnd as a number, nested giftDetails.
func (m Msg) eulerJSON(room *Room, id, ts int64) map[string]any {
	d := map[string]any{"common": map[string]any{"method": m.method, "msgId": strconv.FormatInt(id, 10),
		"roomId": room.RoomID, "createTime": strconv.FormatInt(ts, 10)}}
	if m.user.ID != 0 {
		d["user"] = map[string]any{"userId": strconv.FormatInt(m.user.ID, 10), "uniqueId": m.user.Handle,
			"nickname": m.user.Nickname, "profilePicture": map[string]any{"url": []string{"https://example.invalid/a.webp"}}}
		d["userIdentity"] = map[string]any{"isModeratorOfAnchor": m.user.Moderator,
			"isSubscriberOfAnchor": m.user.Subscriber, "isFollowerOfAnchor": m.user.Follower}
	}
	switch m.method {
	case "WebcastChatMessage":
		d["comment"] = m.text
	case "WebcastGiftMessage":
		m.giftJSON(d)
	case "WebcastLikeMessage":
		d["likeCount"], d["totalLikeCount"] = m.a, m.b
	case "WebcastSocialMessage":
		d["common"].(map[string]any)["displayText"] = map[string]any{"displayType": m.text}
		d["action"] = strconv.FormatInt(m.a, 10)
	case "WebcastMemberMessage":
		d["action"] = m.a
	case "WebcastRoomUserSeqMessage":
		d["viewerCount"] = m.a
	case "WebcastControlMessage":
		d["action"] = strconv.FormatInt(m.a, 10)
	}
	return d
}

func (m Msg) giftJSON(d map[string]any) {
	g := m.gift
	typ, end := 2, 0
	if g.Streakable {
		typ = 1
	}
	if g.RepeatEnd {
		end = 1
	}
	d["giftId"], d["repeatCount"], d["repeatEnd"] = g.ID, g.RepeatCount, end
	d["groupId"] = strconv.FormatInt(g.GroupID, 10)
	d["giftDetails"] = map[string]any{"id": strconv.FormatInt(g.ID, 10), "giftName": g.Name,
		"diamondCount": g.Diamonds, "giftType": typ,
		"giftImage": map[string]any{"url": []string{"https://example.invalid/gift.png"}}}
}

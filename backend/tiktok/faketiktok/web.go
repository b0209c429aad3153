package faketiktok

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"google.golang.org/protobuf/proto"

	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"

	"github.com/ltth/ltth/backend/httpapi"
)

// visible reports whether the room's info may be shown to this request
// (age-restricted rooms need the session cookie).
func (s *Server) visible(r *http.Request, room *Room) bool {
	_, age := room.snapshot()
	if !age {
		return true
	}
	c, err := r.Cookie("sessionid")
	return err == nil && c.Value != "" && (s.opts.SessionID == "" || c.Value == s.opts.SessionID)
}

func (s *Server) captcha() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.faults.captcha
}

func (s *Server) handleLivePage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.stats.LivePages++
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if s.captcha() {
		fmt.Fprint(w, `<html><body><div id="tiktok-verify-page">Verify to continue</div></body></html>`)
		return
	}
	handle := strings.TrimPrefix(r.PathValue("user"), "@")
	room := s.room(handle)
	data := pageData{Handle: handle}
	if room != nil && s.visible(r, room) {
		status, _ := room.snapshot()
		data.SIGI = template.JS(sigiState(room, status))
		if status != 4 {
			data.Player = s.playerConfig(w, r, room)
		}
	}
	if err := pageTemplate().Execute(w, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

type pageData struct {
	Handle string
	SIGI   template.JS
	Player template.JS
}

func sigiState(room *Room, status int) string {
	v := map[string]any{"LiveRoom": map[string]any{"liveRoomUserInfo": map[string]any{
		"user":     map[string]any{"roomId": room.RoomID, "uniqueId": room.UniqueID, "status": status},
		"liveRoom": map[string]any{"status": status},
	}}}
	b, _ := json.Marshal(v)
	return string(b)
}

// playerConfig starts a page session (as TikTok's player would) and returns
// the JS config the page's script uses to open the push socket.
func (s *Server) playerConfig(w http.ResponseWriter, r *http.Request, room *Room) template.JS {
	ttwid := s.newSession(r.UserAgent(), room.RoomID)
	http.SetCookie(w, &http.Cookie{Name: "ttwid", Value: ttwid, Path: "/"})
	n := room.length()
	q := pushQuery(room.RoomID, cursorFor(n), internalExt(room.RoomID, n), routeToken(ttwid))
	enter, _ := proto.Marshal(&pb.WebcastPushFrame{PayloadEncoding: "pb", PayloadType: "im_enter_room",
		Payload: mustMarshal(&pb.WebcastImEnterRoomMessage{RoomId: room.roomIDInt(), LiveId: 12, Identity: "audience"})})
	hb, _ := proto.Marshal(&pb.WebcastPushFrame{PayloadEncoding: "pb", PayloadType: "hb",
		Payload: mustMarshal(&pb.HeartBeatMessage{RoomId: uint64(room.roomIDInt()), SendPacketSeqId: 1})})
	cfg := map[string]any{
		"path": pushPath + "?" + q, "enter": base64.StdEncoding.EncodeToString(enter),
		"hb": base64.StdEncoding.EncodeToString(hb), "hbMs": 1000, "worker": r.URL.Query().Get("worker") == "1",
	}
	b, _ := json.Marshal(cfg)
	return template.JS(b)
}

func pushQuery(roomID, cursor, ext, token string) string {
	return "room_id=" + roomID + "&cursor=" + cursor + "&internal_ext=" + template.URLQueryEscaper(ext) +
		"&compress=gzip&aid=1988&wrss=" + token
}

func mustMarshal(m proto.Message) []byte {
	b, err := proto.Marshal(m)
	if err != nil {
		panic(err)
	}
	return b
}

func (s *Server) handleAPILive(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.stats.APILive++
	s.mu.Unlock()
	if s.captcha() {
		http.Error(w, "Forbidden", http.StatusForbidden)
		return
	}
	room := s.room(r.URL.Query().Get("uniqueId"))
	var body any
	switch {
	case room == nil:
		body = map[string]any{"statusCode": 19881007, "message": "user_not_found", "data": map[string]any{}}
	case !s.visible(r, room):
		body = map[string]any{"statusCode": 10011, "message": "Request params error",
			"data": map[string]any{"prompts": "This LIVE is age-restricted"}}
	default:
		status, _ := room.snapshot()
		body = map[string]any{"statusCode": 0, "message": "", "data": map[string]any{
			"user":     map[string]any{"roomId": room.RoomID, "uniqueId": room.UniqueID, "status": status},
			"liveRoom": map[string]any{"status": status}}}
	}
	httpapi.WriteJSON(w, http.StatusOK, body)
}

func (s *Server) handleRoomID(w http.ResponseWriter, r *http.Request) {
	if !s.keyOK(r) {
		httpapi.WriteJSON(w, http.StatusUnauthorized, map[string]any{"code": 401, "message": "The provided API Key is invalid."})
		return
	}
	room := s.room(r.URL.Query().Get("uniqueId"))
	if room == nil {
		httpapi.WriteJSON(w, http.StatusOK, map[string]any{"code": 404, "ok": false, "message": "user not found"})
		return
	}
	status, _ := room.snapshot()
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"code": 200, "ok": true, "is_live": status != 4, "room_id": room.RoomID})
}

func (s *Server) keyOK(r *http.Request) bool {
	if s.opts.APIKey == "" {
		return true
	}
	k := r.Header.Get("x-api-key")
	if k == "" {
		k = r.URL.Query().Get("apiKey")
	}
	return k == s.opts.APIKey
}

func pageTemplate() *template.Template {
	return template.Must(template.New("live").Parse(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta property="og:url" content="https://www.tiktok.com/@{{.Handle}}/live">
<title>@{{.Handle}} LIVE</title></head><body><div id="app">LIVE</div>
{{if .SIGI}}<script id="SIGI_STATE" type="application/json">{{.SIGI}}</script>{{end}}
{{if .Player}}<script>window.__FAKE_PLAYER__ = {{.Player}};</script>
<script>` + playerJS + `</script>{{end}}
</body></html>`))
}

// playerJS plays the part of TikTok's web player: it opens the push socket
// (in the page, or in a dedicated worker with ?worker=1), enters the room and
// sends heartbeats.
const playerJS = `(function () {
  var c = window.__FAKE_PLAYER__;
  var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + c.path;
  var code = "(" + function (url, enter, hb, hbMs) {
    function bytes(b64) { var s = atob(b64), a = new Uint8Array(s.length); for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i); return a; }
    function open() {
      var ws = new WebSocket(url); ws.binaryType = "arraybuffer"; var t;
      ws.onopen = function () { ws.send(bytes(enter)); t = setInterval(function () { ws.send(bytes(hb)); }, hbMs); };
      ws.onclose = function () { clearInterval(t); setTimeout(open, 500); };
    }
    open();
  } + ")(" + JSON.stringify(url) + "," + JSON.stringify(c.enter) + "," + JSON.stringify(c.hb) + "," + c.hbMs + ");";
  if (c.worker) { new Worker(URL.createObjectURL(new Blob([code], {type: "text/javascript"}))); } else { (0, eval)(code); }
})();`

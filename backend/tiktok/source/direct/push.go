package direct

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"google.golang.org/protobuf/proto"

	"github.com/ltth/ltth/backend/tiktok/decode"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// deliverInitial hands the fetch's messages to the sink as a "msg" frame
// (so captures and the pipeline see them like any other batch). The initial
// fetch is never acked.
func (s *Source) deliverInitial(f *fetched, sink source.Sink) {
	if len(f.res.GetMessages()) == 0 {
		return
	}
	raw, err := proto.Marshal(&webcastpb.WebcastPushFrame{PayloadEncoding: decode.EncodingPB,
		PayloadType: decode.TypeMsg, Payload: f.body})
	if err != nil {
		return
	}
	if _, err := sink.Frame(raw, time.Now()); err != nil {
		s.cfg.Log.Debug().Err(err).Msg("initial fetch batch not decoded")
	}
}

// pushConn is the open push socket with its single-writer lock.
type pushConn struct {
	ws       *websocket.Conn
	mu       sync.Mutex
	interval time.Duration
}

func (c *pushConn) write(b []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
	return c.ws.WriteMessage(websocket.BinaryMessage, b)
}

// dial opens the push websocket with the fetch's cookies and our user agent.
func (s *Source) dial(ctx context.Context, f *fetched) (*pushConn, error) {
	q := pushParams(s.cfg.UserAgent, f.roomID, f.res.GetCursor(), string(f.res.GetInternalExt()), f.res.GetRouteParams())
	sep := "?"
	if strings.Contains(f.res.GetPushServer(), "?") {
		sep = "&"
	}
	u := f.res.GetPushServer() + sep + q.Encode()
	h := http.Header{"Cookie": {s.tiktokCookies(f.cookies)}, "User-Agent": {s.cfg.UserAgent}}
	d := websocket.Dialer{HandshakeTimeout: 20 * time.Second, Proxy: http.ProxyFromEnvironment}
	ws, resp, err := d.DialContext(ctx, u, h)
	if err != nil {
		return nil, s.dialError(resp, err)
	}
	ws.SetReadLimit(32 << 20)
	return &pushConn{ws: ws, interval: s.heartbeatInterval(resp)}, nil
}

// dialError explains a failed upgrade. TikTok refuses with HTTP 200 and
// handshake-status / handshake-msg headers.
func (s *Source) dialError(resp *http.Response, err error) error {
	if resp == nil {
		return source.ErrNetwork("TikTok's live server", s.red.Err(err))
	}
	status, msg := resp.Header.Get("handshake-status"), resp.Header.Get("handshake-msg")
	switch {
	case status != "" || msg != "":
		return source.ErrHandshakeRefused(status, s.red.String(msg))
	case resp.StatusCode == http.StatusOK:
		return source.ErrHandshakeRefused("200", "upgrade refused")
	case resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusTooManyRequests:
		return source.ErrBlocked("the live connection").WithDetail("HTTP %d", resp.StatusCode)
	}
	return source.ErrNetwork("TikTok's live server", s.red.Err(err)).WithDetail("HTTP %d", resp.StatusCode)
}

// heartbeatInterval is the configured period, else the server's
// Handshake-Options ping-interval, else 10 s.
func (s *Source) heartbeatInterval(resp *http.Response) time.Duration {
	if s.cfg.Heartbeat > 0 {
		return s.cfg.Heartbeat
	}
	if resp != nil {
		for _, part := range strings.Split(resp.Header.Get("Handshake-Options"), ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
			if n, err := strconv.Atoi(v); k == "ping-interval" && err == nil && n > 0 && n <= 60 {
				return time.Duration(n) * time.Second
			}
		}
	}
	return DefaultHeartbeat
}

// stream enters the room, keeps the heartbeat going and reads frames until
// the socket fails, the stream ends or ctx ends.
func (s *Source) stream(ctx context.Context, c *pushConn, room roomInfo, sink source.Sink) error {
	defer c.ws.Close()
	roomID, _ := strconv.ParseInt(room.roomID, 10, 64)
	enter, err := decode.EnterRoom{RoomID: roomID, EnterUniqueID: rand.Int64N(1 << 62)}.Frame()
	if err == nil {
		err = c.write(enter)
	}
	if err != nil {
		return source.ErrDropped("TikTok's live server", s.red.Err(err))
	}
	sink.Connected(source.ConnInfo{RoomID: room.roomID, UniqueID: room.uniqueID, Detail: "push socket open"})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.heartbeat(ctx, c, roomID)
	go func() { <-ctx.Done(); _ = c.ws.Close() }()
	return s.readLoop(ctx, c, sink)
}

func (s *Source) heartbeat(ctx context.Context, c *pushConn, roomID int64) {
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for seq := uint64(1); ; seq++ {
		if err := c.write(decode.HeartbeatFrame(roomID, seq)); err != nil {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (s *Source) readLoop(ctx context.Context, c *pushConn, sink source.Sink) error {
	for {
		_ = c.ws.SetReadDeadline(time.Now().Add(s.cfg.ReadTimeout))
		typ, data, err := c.ws.ReadMessage()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return s.readError(err)
		}
		if typ != websocket.BinaryMessage {
			continue
		}
		res, err := sink.Frame(data, time.Now())
		if err != nil {
			s.cfg.Log.Debug().Err(err).Int("bytes", len(data)).Msg("push frame not decoded")
			continue
		}
		if res.NeedAck {
			if err := c.write(decode.AckFrame(res.LogID, ackPayload(res.InternalExt))); err != nil {
				return source.ErrDropped("TikTok's live server", s.red.Err(err))
			}
		}
		if res.StreamEnded {
			_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""),
				time.Now().Add(time.Second))
			return source.ErrStreamEnded().WithSource(s.Name())
		}
	}
}

func ackPayload(ext string) []byte {
	if ext == "" {
		return []byte("-")
	}
	return []byte(ext)
}

func (s *Source) readError(err error) error {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return source.ErrDropped("TikTok's live server", nil).WithDetail("no data for %s", s.cfg.ReadTimeout)
	}
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return source.ErrDropped("TikTok's live server", nil).WithDetail("closed by server: %d %s", ce.Code, s.red.String(ce.Text))
	}
	return source.ErrDropped("TikTok's live server", s.red.Err(err))
}

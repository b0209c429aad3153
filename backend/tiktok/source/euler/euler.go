// Package euler is the source that uses Euler Stream's managed relay
// websocket (wss://ws.eulerstream.com): Euler runs the TikTok connection
// and relays it, either as TikTok's raw push frames (default, decoded by
// LTTH's own pipeline) or as JSON messages.
package euler

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/gorilla/websocket"
	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/tiktok/decode"
	"github.com/ltth/ltth/backend/tiktok/source"
)

// Defaults for Config.
const (
	DefaultURL          = "wss://ws.eulerstream.com"
	DefaultPingInterval = 30 * time.Second
)

// Config configures the relay source.
type Config struct {
	URL          string // relay URL (default wss://ws.eulerstream.com)
	APIKey       string // secret; sent as the apiKey query parameter
	JSON         bool   // JSON messages instead of raw push frames
	PingInterval time.Duration
	ReadTimeout  time.Duration // default 3 × PingInterval
	Log          zerolog.Logger
}

// Source is the Euler relay source.
type Source struct {
	cfg Config
	red source.Redactor
}

// New returns a relay source.
func New(cfg Config) *Source {
	if cfg.URL == "" {
		cfg.URL = DefaultURL
	}
	if cfg.PingInterval <= 0 {
		cfg.PingInterval = DefaultPingInterval
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = 3 * cfg.PingInterval
	}
	return &Source{cfg: cfg, red: source.NewRedactor(cfg.APIKey)}
}

// Name implements source.Source.
func (s *Source) Name() string { return source.NameEuler }

// Run connects to the relay and streams until it closes or ctx ends.
func (s *Source) Run(ctx context.Context, t source.Target, sink source.Sink) error {
	err := s.run(ctx, t, sink)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if e := source.AsError(err); e != nil {
		e.Source = s.Name()
		return e
	}
	return err
}

func (s *Source) run(ctx context.Context, t source.Target, sink source.Sink) error {
	if t.UniqueID == "" {
		return source.Errorf(source.CodeUnavailable, "The Euler relay needs a username, not a room id.")
	}
	ws, err := s.dial(ctx, t.UniqueID)
	if err != nil {
		return err
	}
	defer ws.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() { <-ctx.Done(); _ = ws.Close() }()
	go s.ping(ctx, ws)
	r := &reader{src: s, ws: ws, sink: sink, uniqueID: t.UniqueID}
	return r.loop(ctx)
}

// relayURL builds the relay URL with the handle, key and features.
func (s *Source) relayURL(uniqueID string) (string, error) {
	u, err := url.Parse(s.cfg.URL)
	if err != nil {
		return "", source.Errorf(source.CodeUnavailable, "The Euler relay address is not valid.").WithCause(s.red.Err(err))
	}
	q := u.Query()
	q.Set("uniqueId", uniqueID)
	if s.cfg.APIKey != "" {
		q.Set("apiKey", s.cfg.APIKey)
	}
	if s.cfg.JSON {
		q.Set("features.schemaVersion", "v2")
		q.Set("features.bundleEvents", "true")
	} else {
		q.Set("features.rawMessages", "true")
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

func (s *Source) dial(ctx context.Context, uniqueID string) (*websocket.Conn, error) {
	u, err := s.relayURL(uniqueID)
	if err != nil {
		return nil, err
	}
	d := websocket.Dialer{HandshakeTimeout: 30 * time.Second, Proxy: http.ProxyFromEnvironment}
	ws, resp, err := d.DialContext(ctx, u, nil)
	if err != nil {
		if resp != nil && (resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden) {
			return nil, source.ErrInvalidAPIKey("Euler relay").WithDetail("HTTP %d", resp.StatusCode)
		}
		return nil, source.ErrNetwork("the Euler relay", s.red.Err(err))
	}
	ws.SetReadLimit(32 << 20)
	return ws, nil
}

func (s *Source) ping(ctx context.Context, ws *websocket.Conn) {
	t := time.NewTicker(s.cfg.PingInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(5*time.Second)) != nil {
				return
			}
		}
	}
}

// reader reads one relay connection.
type reader struct {
	src       *Source
	ws        *websocket.Conn
	sink      source.Sink
	uniqueID  string
	roomID    string
	connected bool
}

func (r *reader) loop(ctx context.Context) error {
	r.ws.SetPongHandler(func(string) error { return r.ws.SetReadDeadline(time.Now().Add(r.src.cfg.ReadTimeout)) })
	for {
		_ = r.ws.SetReadDeadline(time.Now().Add(r.src.cfg.ReadTimeout))
		typ, data, err := r.ws.ReadMessage()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return r.closeError(err)
		}
		var res source.FrameResult
		if typ == websocket.BinaryMessage {
			res, err = r.frame(data)
		} else {
			res, err = r.text(data)
		}
		if err != nil {
			return err
		}
		if res.StreamEnded {
			return source.ErrStreamEnded()
		}
	}
}

func (r *reader) markConnected() {
	if r.connected {
		return
	}
	r.connected = true
	r.sink.Connected(source.ConnInfo{RoomID: r.roomID, UniqueID: r.uniqueID, Detail: "Euler relay connected"})
}

// frame handles a raw push frame, acking it when asked.
func (r *reader) frame(data []byte) (source.FrameResult, error) {
	r.markConnected()
	res, err := r.sink.Frame(data, time.Now())
	if err != nil {
		r.src.cfg.Log.Debug().Err(err).Msg("relay frame not decoded")
		return source.FrameResult{}, nil
	}
	if res.NeedAck {
		ext := res.InternalExt
		if ext == "" {
			ext = "-"
		}
		_ = r.ws.WriteMessage(websocket.BinaryMessage, decode.AckFrame(res.LogID, []byte(ext)))
	}
	return res, nil
}

func (r *reader) closeError(err error) error {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return closeCodeError(ce.Code, r.src.red.String(ce.Text))
	}
	return source.ErrDropped("the Euler relay", r.src.red.Err(err))
}

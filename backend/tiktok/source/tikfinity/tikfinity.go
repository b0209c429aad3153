// Package tikfinity is the source that bridges TikFinity's local event
// websocket (ws://localhost:21213/): TikFinity holds the TikTok connection
// and pushes {"event": .., "data": {..}} JSON frames in TikTok-Live-Connector
// v1 form, which this package turns back into webcast messages for LTTH's
// normalizer.
package tikfinity

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"time"

	"github.com/gorilla/websocket"
	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/tiktok/source"
	pb "github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// DefaultURL is where TikFinity's desktop app serves its events.
const DefaultURL = "ws://localhost:21213/"

// Config configures the bridge.
type Config struct {
	URL          string
	PingInterval time.Duration // default 20 s
	Log          zerolog.Logger
}

// Source is the TikFinity bridge.
type Source struct{ cfg Config }

// New returns a bridge source.
func New(cfg Config) *Source {
	if cfg.URL == "" {
		cfg.URL = DefaultURL
	}
	if cfg.PingInterval <= 0 {
		cfg.PingInterval = 20 * time.Second
	}
	return &Source{cfg: cfg}
}

// Name implements source.Source.
func (s *Source) Name() string { return source.NameTikFinity }

// Run connects to TikFinity and forwards its events until the socket closes
// or ctx ends. TikFinity does not say which LIVE it watches; the target is
// only used for display.
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
	d := websocket.Dialer{HandshakeTimeout: 10 * time.Second}
	ws, _, err := d.DialContext(ctx, s.cfg.URL, nil)
	if err != nil {
		return s.dialError(err)
	}
	defer ws.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() { <-ctx.Done(); _ = ws.Close() }()
	go s.ping(ctx, ws)
	sink.Connected(source.ConnInfo{UniqueID: t.UniqueID, Detail: "TikFinity bridge connected"})
	for {
		_ = ws.SetReadDeadline(time.Now().Add(3 * s.cfg.PingInterval))
		typ, data, err := ws.ReadMessage()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return source.ErrDropped("TikFinity", err)
		}
		if typ != websocket.TextMessage {
			continue
		}
		if m, ok := s.parse(data); ok && sink.Messages([]*pb.BaseProtoMessage{m}, time.Now()).StreamEnded {
			return source.ErrStreamEnded()
		}
	}
}

func (s *Source) dialError(err error) error {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return source.Errorf(source.CodeUnavailable, "TikFinity is not running (nothing answers at %s). "+
			"Start TikFinity and connect it to your LIVE, or take TikFinity out of the source list.", s.cfg.URL).WithCause(err)
	}
	return source.ErrNetwork("TikFinity", err)
}

func (s *Source) ping(ctx context.Context, ws *websocket.Conn) {
	ws.SetPongHandler(func(string) error { return ws.SetReadDeadline(time.Now().Add(3 * s.cfg.PingInterval)) })
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

func (s *Source) parse(data []byte) (*pb.BaseProtoMessage, bool) {
	var f frame
	if err := json.Unmarshal(data, &f); err != nil {
		s.cfg.Log.Debug().Err(err).Msg("TikFinity frame is not JSON")
		return nil, false
	}
	m, ok := toMessage(f.Event, f.Data)
	if !ok {
		s.cfg.Log.Debug().Str("event", f.Event).Msg("TikFinity event skipped")
	}
	return m, ok
}

type frame struct {
	Event string    `json:"event"`
	Data  eventData `json:"data"`
}

// Package source defines where live TikTok data comes from. Every way of
// receiving a stream (TikTok's own push websocket, the Euler relay, the
// streamer's browser, the TikFinity desktop app, a recorded capture) is a
// Source: it runs until it fails or its context ends and hands what it
// receives to a Sink. Webcast-format sources hand over raw WebcastPushFrame
// bytes; JSON sources hand over already-normalized events.
//
// Implementations live in sub-packages (direct, euler, browser, tikfinity,
// replay). A failure is always returned as *Error with a stable Code and a
// message a streamer understands.
package source

import (
	"context"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// Names of the built-in sources, used in settings and status.
const (
	NameDirect    = "direct"
	NameEuler     = "euler"
	NameBrowser   = "browser"
	NameTikFinity = "tikfinity"
	NameReplay    = "replay"
)

// Source is one way of receiving a LIVE stream.
type Source interface {
	// Name identifies the source ("direct", "euler", ...).
	Name() string
	// Run connects and delivers data to sink until ctx ends (returns nil or
	// ctx.Err()) or the connection fails or the stream ends (returns *Error).
	Run(ctx context.Context, target Target, sink Sink) error
}

// Target is what to connect to, plus where to resume.
type Target struct {
	UniqueID string // the @handle without "@"; may be empty when RoomID is set
	RoomID   string // known room id (skips resolution when set)
	Cursor   string // last cursor seen, to resume after a reconnect
}

// ConnInfo describes a source that is receiving live data.
type ConnInfo struct {
	RoomID   string
	UniqueID string
	Detail   string // e.g. "push socket open", "relay connected"
}

// FrameResult is what the pipeline learned from one raw push frame that the
// source needs to answer it or to stop.
type FrameResult struct {
	NeedAck     bool   // the server wants an ack for this frame
	LogID       uint64 // the frame's logId (echoed in the ack)
	InternalExt string // echoed as the ack payload
	Cursor      string // newest cursor, for resuming
	StreamEnded bool   // a control message ended the LIVE
}

// Sink receives what a source gets. Calls come from one goroutine per
// source run, in arrival order.
type Sink interface {
	// Connected reports that live data is flowing (called once per run).
	Connected(info ConnInfo)
	// Frame hands over one raw WebcastPushFrame. The error reports a frame
	// that could not be decoded; sources log it and carry on.
	Frame(raw []byte, received time.Time) (FrameResult, error)
	// Messages hands over webcast messages a JSON source rebuilt from its
	// input (Euler JSON mode, TikFinity), so they get the same streak
	// handling and de-duplication as frames.
	Messages(msgs []*webcastpb.BaseProtoMessage, received time.Time) FrameResult
	// Events hands over events that are already normalized and need no
	// further processing.
	Events(events []*domain.Event)
}

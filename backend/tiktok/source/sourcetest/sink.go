// Package sourcetest has a recording source.Sink for tests: it decodes
// frames and normalizes them the way the connector does, and lets a test wait
// for events.
package sourcetest

import (
	"sync"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/decode"
	"github.com/ltth/ltth/backend/tiktok/normalize"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// Sink records everything a source delivers.
type Sink struct {
	norm *normalize.Normalizer
	dec  *decode.Decoder

	mu        sync.Mutex
	connected []source.ConnInfo
	frames    [][]byte
	events    []domain.Event
	changed   chan struct{}
}

// New returns a Sink with its own Normalizer.
func New() *Sink {
	return NewWith(normalize.New(normalize.Options{}))
}

// NewWith returns a Sink feeding n (share one across runs to keep de-dup).
func NewWith(n *normalize.Normalizer) *Sink {
	return &Sink{norm: n, dec: decode.NewDecoder(), changed: make(chan struct{}, 1)}
}

// Connected implements source.Sink.
func (s *Sink) Connected(info source.ConnInfo) {
	s.mu.Lock()
	s.connected = append(s.connected, info)
	s.mu.Unlock()
	s.signal()
}

// Frame implements source.Sink.
func (s *Sink) Frame(raw []byte, received time.Time) (source.FrameResult, error) {
	var f webcastpb.WebcastPushFrame
	if err := s.dec.Frame(raw, &f); err != nil {
		return source.FrameResult{}, err
	}
	s.mu.Lock()
	s.frames = append(s.frames, append([]byte(nil), raw...))
	s.mu.Unlock()
	if f.GetPayloadType() != decode.TypeMsg {
		return source.FrameResult{}, nil
	}
	var res webcastpb.ProtoMessageFetchResult
	if err := s.dec.Payload(&f, &res); err != nil {
		return source.FrameResult{}, err
	}
	out := s.Messages(res.GetMessages(), received)
	out.NeedAck, out.LogID = res.GetNeedAck(), f.GetLogId()
	out.InternalExt, out.Cursor = string(res.GetInternalExt()), res.GetCursor()
	return out, nil
}

// Messages implements source.Sink.
func (s *Sink) Messages(msgs []*webcastpb.BaseProtoMessage, received time.Time) source.FrameResult {
	var evs []domain.Event
	for _, m := range msgs {
		evs = s.norm.Append(evs, m, received)
	}
	var out source.FrameResult
	for _, e := range evs {
		if e.Type == domain.EventStreamEnd {
			out.StreamEnded = true
		}
	}
	s.add(evs)
	return out
}

// Events implements source.Sink.
func (s *Sink) Events(events []*domain.Event) {
	evs := make([]domain.Event, len(events))
	for i, e := range events {
		evs[i] = *e
	}
	s.add(evs)
}

func (s *Sink) add(evs []domain.Event) {
	if len(evs) == 0 {
		return
	}
	s.mu.Lock()
	s.events = append(s.events, evs...)
	s.mu.Unlock()
	s.signal()
}

func (s *Sink) signal() {
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// EventList returns a copy of the events so far.
func (s *Sink) EventList() []domain.Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]domain.Event(nil), s.events...)
}

// ConnectedInfos returns every Connected call so far.
func (s *Sink) ConnectedInfos() []source.ConnInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]source.ConnInfo(nil), s.connected...)
}

// Frames returns the raw frames received so far.
func (s *Sink) Frames() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([][]byte(nil), s.frames...)
}

// Wait blocks until cond holds for the event list or timeout passes, and
// reports whether it held.
func (s *Sink) Wait(timeout time.Duration, cond func(evs []domain.Event) bool) bool {
	deadline := time.After(timeout)
	for {
		if cond(s.EventList()) {
			return true
		}
		select {
		case <-s.changed:
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			return cond(s.EventList())
		}
	}
}

// Count returns how many events of type t satisfy keep (nil = all).
func Count(evs []domain.Event, t domain.EventType, keep func(domain.Event) bool) int {
	n := 0
	for _, e := range evs {
		if e.Type == t && (keep == nil || keep(e)) {
			n++
		}
	}
	return n
}

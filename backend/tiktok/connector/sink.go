package connector

import (
	"sync"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// runSink receives one source run's data: frames go through the session's
// pipeline (and the capture recorder), events onto the bus.
type runSink struct {
	s    *session
	name string

	mu        sync.Mutex
	connected bool
	room      string
	buf       []domain.Event
}

func (k *runSink) Connected(info source.ConnInfo) {
	k.mu.Lock()
	k.connected, k.room = true, info.RoomID
	k.mu.Unlock()
	k.s.c.onConnected(k.s, k.name, info)
	k.s.publishEvent(&domain.Event{Type: domain.EventConnected, User: domain.User{UniqueID: firstNonEmpty(info.UniqueID, k.s.target.UniqueID)},
		RoomID: info.RoomID, Reason: info.Detail, Source: k.name})
}

func (k *runSink) Frame(raw []byte, received time.Time) (source.FrameResult, error) {
	k.s.c.record(received, raw)
	k.mu.Lock()
	evs, info, err := k.s.pipe.Feed(k.buf[:0], raw, received)
	k.buf = evs[:0]
	k.mu.Unlock()
	res := source.FrameResult{NeedAck: info.NeedAck, LogID: info.LogID, InternalExt: string(info.InternalExt), Cursor: info.Cursor}
	if info.Cursor != "" {
		k.s.setCursor(info.Cursor)
	}
	res.StreamEnded = k.s.emit(k.name, evs)
	return res, err
}

func (k *runSink) Messages(msgs []*webcastpb.BaseProtoMessage, received time.Time) source.FrameResult {
	n := k.s.pipe.Normalizer()
	var evs []domain.Event
	for _, m := range msgs {
		evs = n.Append(evs, m, received)
	}
	return source.FrameResult{StreamEnded: k.s.emit(k.name, evs)}
}

func (k *runSink) Events(events []*domain.Event) {
	for _, e := range events {
		c := *e
		if c.Source == "" {
			c.Source = k.name
		}
		k.s.publishEvent(&c)
	}
}

func (k *runSink) wasConnected() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.connected
}

func (k *runSink) roomID() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.room
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

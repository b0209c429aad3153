package connector

import (
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/source"
)

// TypeConnection is the bus message type (and snapshot key) of the
// connection state this package publishes (domain.MsgConnection: its
// readers may not import the connector).
const TypeConnection = domain.MsgConnection

// Connection states (the "state" field of the connection message).
const (
	StateDisconnected = domain.ConnDisconnected
	StateConnecting   = domain.ConnConnecting
	StateConnected    = domain.ConnConnected
	StateReconnecting = domain.ConnReconnecting
	StateError        = domain.ConnError
)

// Per-source states.
const (
	SourceLive     = "live"     // delivering the stream now
	SourceStandby  = "standby"  // usable, another source is live (or not tried yet)
	SourceTrying   = "trying"   // connecting now
	SourceFailed   = "failed"   // last attempt failed (see reason)
	SourceCooldown = "cooldown" // rate-limited until Until
	SourceIdle     = "idle"     // not connected at all
)

// SourceStatus tells the dashboard what one source is doing, and why it is not live.
type SourceStatus struct {
	Name   string `json:"name"`
	State  string `json:"state"`
	Code   string `json:"code,omitempty"`
	Reason string `json:"reason,omitempty"`
	Until  int64  `json:"until,omitempty"` // unix ms, for cooldown
}

// TimelineEntry is one state change.
type TimelineEntry struct {
	TS     int64  `json:"ts"`
	State  string `json:"state"`
	Source string `json:"source,omitempty"`
	Code   string `json:"code,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// Gap is a period in which a watched LIVE was not covered by any source.
type Gap struct {
	From       int64  `json:"from"`
	To         int64  `json:"to,omitempty"` // 0 while the gap is open
	DurationMs int64  `json:"durationMs"`
	Reason     string `json:"reason,omitempty"`
}

// Recording describes capture recording.
type Recording struct {
	Enabled bool   `json:"enabled"`
	Path    string `json:"path,omitempty"`
	Records int64  `json:"records"`
}

// Status is GET /api/connection.
type Status struct {
	State     string          `json:"state"`
	Source    string          `json:"source"`
	UniqueID  string          `json:"uniqueId"`
	RoomID    string          `json:"roomId"`
	Reason    string          `json:"reason"`
	Code      string          `json:"code,omitempty"`
	Since     int64           `json:"since"`
	Sources   []SourceStatus  `json:"sources"`
	Timeline  []TimelineEntry `json:"timeline"`
	Gaps      []Gap           `json:"gaps"`
	Recording Recording       `json:"recording"`
	Replaying string          `json:"replaying,omitempty"` // the capture being replayed
}

// StateMessage is the payload of the TypeConnection message
// (architecture.md): the common domain.Connection plus the per-source
// statuses.
type StateMessage struct {
	domain.Connection
	Sources []SourceStatus `json:"sources"`
}

const maxTimeline = 500

// setState records a state change (caller holds c.mu) and returns the bus
// message to publish after unlocking.
func (c *Connector) setStateLocked(state, src, code, reason string) domain.Message {
	now := c.now()
	c.status.State, c.status.Source, c.status.Code, c.status.Reason = state, src, code, reason
	c.status.Since = now.UnixMilli()
	c.timeline = append(c.timeline, TimelineEntry{TS: now.UnixMilli(), State: state, Source: src, Code: code, Reason: reason})
	if len(c.timeline) > maxTimeline {
		c.timeline = append(c.timeline[:0:0], c.timeline[len(c.timeline)-maxTimeline:]...)
	}
	c.trackGapLocked(state, reason, now)
	return c.stateMessageLocked()
}

// trackGapLocked opens a gap when a covered LIVE loses coverage and closes
// it when a source is live again.
func (c *Connector) trackGapLocked(state, reason string, now time.Time) {
	open := len(c.gaps) > 0 && c.gaps[len(c.gaps)-1].To == 0
	switch {
	case state == StateConnected && open:
		g := &c.gaps[len(c.gaps)-1]
		g.To = now.UnixMilli()
		g.DurationMs = g.To - g.From
	case state == StateReconnecting && !open && c.wasLive:
		c.gaps = append(c.gaps, Gap{From: now.UnixMilli(), Reason: reason})
		if len(c.gaps) > maxTimeline {
			c.gaps = c.gaps[1:]
		}
	case (state == StateDisconnected || state == StateError) && open:
		g := &c.gaps[len(c.gaps)-1]
		g.To = now.UnixMilli()
		g.DurationMs = g.To - g.From
	}
}

func (c *Connector) stateMessageLocked() domain.Message {
	m := StateMessage{Connection: domain.Connection{State: c.status.State, Source: c.status.Source,
		UniqueID: c.status.UniqueID, RoomID: c.status.RoomID, Reason: c.status.Reason, Code: c.status.Code},
		Sources: c.sourceListLocked()}
	return domain.Message{Type: TypeConnection, Key: TypeConnection, TS: c.now().UnixMilli(), Data: m}
}

func (c *Connector) sourceListLocked() []SourceStatus {
	out := make([]SourceStatus, 0, len(c.srcOrder))
	for _, n := range c.srcOrder {
		st := c.srcStatus[n]
		st.Name = n
		if st.State == "" {
			st.State = SourceIdle
		}
		out = append(out, st)
	}
	return out
}

// setSourceLocked updates one source's status.
func (c *Connector) setSourceLocked(name, state string, e *source.Error) {
	st := SourceStatus{Name: name, State: state}
	if e != nil {
		st.Code, st.Reason = string(e.Code), e.Message
	}
	c.srcStatus[name] = st
}

// standbyOthersLocked marks every source but live as standby with a reason,
// keeping failures visible.
func (c *Connector) standbyOthersLocked(live string) {
	for _, n := range c.srcOrder {
		st := c.srcStatus[n]
		switch {
		case n == live:
			c.srcStatus[n] = SourceStatus{Name: n, State: SourceLive}
		case st.State == SourceFailed || st.State == SourceCooldown:
		default:
			c.srcStatus[n] = SourceStatus{Name: n, State: SourceStandby, Reason: "standing by: " + live + " is live"}
		}
	}
}

// Status returns a snapshot for the REST API and the dashboard.
func (c *Connector) Status() Status {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.status
	s.Sources = c.sourceListLocked()
	s.Timeline = append(make([]TimelineEntry, 0, len(c.timeline)), c.timeline...)
	s.Gaps = append(make([]Gap, 0, len(c.gaps)), c.gaps...)
	if n := len(s.Gaps); n > 0 && s.Gaps[n-1].To == 0 {
		s.Gaps[n-1].DurationMs = c.now().UnixMilli() - s.Gaps[n-1].From
	}
	s.Recording = c.recordingLocked()
	s.Replaying = c.replaying
	return s
}

func (c *Connector) publish(msgs ...domain.Message) {
	for _, m := range msgs {
		if c.deps.Bus != nil {
			c.deps.Bus.Publish(m)
		}
	}
}

package connector

import (
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/source"
)

// Every method here changes shared state only while s is the current
// session, and publishes the state message after unlocking.

func (c *Connector) update(s *session, fn func() []domain.Message) {
	c.mu.Lock()
	if c.session != s {
		c.mu.Unlock()
		return
	}
	msgs := fn()
	c.mu.Unlock()
	c.publish(msgs...)
}

// trying marks a source as connecting.
func (c *Connector) trying(s *session, name string) {
	c.update(s, func() []domain.Message {
		c.srcStatus[name] = SourceStatus{Name: name, State: SourceTrying, Reason: "connecting"}
		state := StateConnecting
		if c.wasLive || c.status.State == StateReconnecting {
			state = StateReconnecting
		}
		return []domain.Message{c.setStateLocked(state, name, "", "connecting via "+name)}
	})
}

// onConnected marks name as the live source.
func (c *Connector) onConnected(s *session, name string, info source.ConnInfo) {
	c.update(s, func() []domain.Message {
		c.wasLive = true
		if info.RoomID != "" {
			c.status.RoomID = info.RoomID
		}
		if info.UniqueID != "" {
			c.status.UniqueID = info.UniqueID
		}
		c.standbyOthersLocked(name)
		return []domain.Message{c.setStateLocked(StateConnected, name, "", "live via "+name)}
	})
}

// sourceFailed records why a source is not live.
func (c *Connector) sourceFailed(s *session, name string, e *source.Error) {
	c.update(s, func() []domain.Message {
		state := SourceFailed
		st := SourceStatus{Name: name, State: state, Code: string(e.Code), Reason: e.Message}
		if e.RetryAfter > 0 {
			st.State = SourceCooldown
			st.Until = c.now().Add(e.RetryAfter).UnixMilli()
		}
		c.srcStatus[name] = st
		return []domain.Message{c.stateMessageLocked()}
	})
}

// transition sets the connection state.
func (c *Connector) transition(s *session, state, name, code, reason string) {
	c.update(s, func() []domain.Message {
		if state == StateDisconnected || state == StateError {
			for _, n := range c.srcOrder {
				if st := c.srcStatus[n]; st.State == SourceLive || st.State == SourceStandby || st.State == SourceTrying {
					c.srcStatus[n] = SourceStatus{Name: n, State: SourceIdle}
				}
			}
		}
		return []domain.Message{c.setStateLocked(state, name, code, reason)}
	})
}

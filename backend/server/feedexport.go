package server

import (
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// The desktop window receives the live feed as Wails runtime events instead
// of /ws (package main, app_feed.go); these give it the same encoding.

// Snapshot is the retained state as the /ws feed's snapshot message
// ({"type":"snapshot","ts":…,"data":[envelopes]}).
func (s *Server) Snapshot() []byte {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.hub.snapshotLocked(time.Now())
}

// AppendEnvelope appends m encoded as one /ws feed message.
func AppendEnvelope(b []byte, m *domain.Message) ([]byte, error) {
	out, _, _, err := appendEnvelope(b, m)
	return out, err
}

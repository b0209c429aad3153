package service

import (
	"context"
	"encoding/json"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/server"
	"github.com/ltth/ltth/backend/store"
)

// Health is the app's health as the header and the tools see it: the
// listener's figures, the open profile and whether its events are saved.
type Health struct{ b Backend }

// HealthReport is the body of GET /api/health.
type HealthReport struct {
	// Status is "ok", or "degraded" (with Reason) while events or
	// settings are not being saved.
	Status   string `json:"status"`
	Reason   string `json:"reason,omitempty"`
	Version  string `json:"version"`
	UptimeMs int64  `json:"uptimeMs"`
	// Connection is the data of the retained connection message (null
	// before one), exactly as the feed sent it.
	Connection   json.RawMessage       `json:"connection"`
	Bus          []bus.SubscriberStats `json:"bus"`
	Hub          server.HubStats       `json:"hub"`
	WindowHTTP   int64                 `json:"windowHttp"`
	Profile      string                `json:"profile"`
	Headless     bool                  `json:"headless"`
	OverlayURL   string                `json:"overlayUrl"`
	BindingCalls int64                 `json:"bindingCalls"`
	Journal      *store.JournalStats   `json:"journal,omitempty"`
}

// Get answers the current health.
func (s *Health) Get(context.Context) (HealthReport, error) {
	return s.b.HealthReport(), nil
}

func init() {
	declare(map[string]string{"Health.Get": "GET /api/health"}, nil)
}

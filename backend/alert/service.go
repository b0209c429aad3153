package alert

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
)

// Errors callers can tell apart (kinds of the httpapi vocabulary).
var (
	// ErrUnknownType is returned for an event type that cannot have an alert.
	ErrUnknownType = httpapi.NewError(httpapi.ErrNotFound, "event type cannot have an alert")
	// ErrInvalid is returned for a configuration that does not validate.
	ErrInvalid = httpapi.NewError(httpapi.ErrInvalid, "invalid alert config")
	// ErrStore wraps a persistence failure.
	ErrStore = errors.New("store error")
	// ErrQueueFull is returned when a test alert did not fit in its screen's queue.
	ErrQueueFull = httpapi.NewError(httpapi.ErrUnavailable, "alert queue is full")
)

// Configs returns every alertable type's configuration.
func (m *Module) Configs() map[string]Config {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]Config, len(m.configs))
	for k, v := range m.configs {
		out[k] = v
	}
	return out
}

// SetConfig validates, stores and applies the configuration of eventType.
func (m *Module) SetConfig(eventType string, c Config) (Config, error) {
	if !Alertable(eventType) {
		return Config{}, fmt.Errorf("%w: %q", ErrUnknownType, eventType)
	}
	if err := c.Validate(); err != nil {
		return Config{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	b, err := json.Marshal(c)
	if err != nil {
		return Config{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.st.PutAlertConfig(eventType, b); err != nil {
		return Config{}, fmt.Errorf("%w: save alert config: %w", ErrStore, err)
	}
	m.configs[eventType] = c
	return c, nil
}

// Test queues a sample alert for eventType, ignoring Enabled and MinCoins.
// A non-nil preview is used instead of the saved configuration (to try out
// unsaved settings). It returns the queued alert.
func (m *Module) Test(eventType string, preview *Config) (Alert, error) {
	if !Alertable(eventType) {
		return Alert{}, fmt.Errorf("%w: %q", ErrUnknownType, eventType)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.configs[eventType]
	if preview != nil {
		c = *preview
		if err := c.Validate(); err != nil {
			return Alert{}, fmt.Errorf("%w: %w", ErrInvalid, err)
		}
	}
	a, ok := m.enqueue(SampleEvent(domain.EventType(eventType), time.Now().UnixMilli()), c, "")
	if !ok {
		return a, ErrQueueFull
	}
	return a, nil
}

// SampleEvent returns a simulated event of type t with plausible values,
// for test alerts.
func SampleEvent(t domain.EventType, ts int64) *domain.Event {
	e := &domain.Event{
		Type: t, ID: "test-" + newID(), TS: ts, Source: "simulator", Simulated: true,
		User: domain.User{UserID: "1", UniqueID: "ltth_tester", Nickname: "LTTH Tester"},
	}
	switch t {
	case domain.EventGift:
		e.GiftID, e.GiftName, e.DiamondCount, e.RepeatCount = 5655, "Rose", 1, 10
		e.Coins, e.Streakable = 10, true
	case domain.EventLike:
		e.LikeCount, e.TotalLikeCount = 15, 1500
	case domain.EventChat:
		e.Comment = "Hello from the alert test!"
	case domain.EventSubscribe:
		e.SubMonth = 3
	case domain.EventQuestion:
		e.Question = "How long have you been streaming?"
	}
	return e
}

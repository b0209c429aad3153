package service

import (
	"context"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/store"
)

// TestEvents sends simulated events, as if they came from TikTok.
type TestEvents struct{ b Backend }

// Simulate publishes e marked simulated (id, ts and gift coins filled in)
// and answers it as published, once the journal holds it.
func (s *TestEvents) Simulate(_ context.Context, e domain.Event) (domain.Event, error) {
	if e.Type == "" {
		return e, wrap(httpapi.NewError(httpapi.ErrInvalid, `"type" is required`), nil)
	}
	if err := e.CheckCounts(); err != nil {
		return e, wrap(err, httpapi.ErrInvalid)
	}
	out, err := s.b.SimulateEvent(e)
	return out, wrap(err, httpapi.ErrUnavailable)
}

// Profiles are the streamer's profiles (one database each).
type Profiles struct{ b Backend }

// SwitchRequest names the profile to open.
type SwitchRequest struct {
	Name string `json:"name"`
}

// SwitchResult is the profile open after a switch.
type SwitchResult struct {
	Active string `json:"active"`
}

// List answers every profile and which one is open.
func (s *Profiles) List(context.Context) ([]store.ProfileInfo, error) {
	list, err := s.b.Profiles()
	return list, wrap(err, nil)
}

// Switch closes the open profile and opens req.Name.
func (s *Profiles) Switch(ctx context.Context, req SwitchRequest) (SwitchResult, error) {
	if err := s.b.SwitchProfile(ctx, req.Name); err != nil {
		return SwitchResult{}, wrap(err, nil)
	}
	return SwitchResult{Active: req.Name}, nil
}

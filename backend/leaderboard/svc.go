package leaderboard

import (
	"context"
	"fmt"
)

// Service is the leaderboards capability as both transports reach it: the
// REST handlers (http.go) and the desktop's bindings call these methods
// (core/service gathers it as Services.Leaderboards).
type Service struct{ m *Module }

// Service answers the module's service.
func (m *Module) Service() *Service { return &Service{m} }

// TopRequest asks for one board: Period "" is "stream", Limit 0 the
// published top (at most MaxLimit).
type TopRequest struct {
	Board  string `json:"board"`
	Period string `json:"period"`
	Limit  int    `json:"limit"`
}

// ResetRequest clears one board for one period ("" is "stream").
type ResetRequest struct {
	Board  string `json:"board"`
	Period string `json:"period"`
}

// ResetResult is what a reset cleared.
type ResetResult struct {
	Board  string `json:"board"`
	Period string `json:"period"`
	Reset  bool   `json:"reset"`
}

// Top answers the best entries of req.Board for req.Period.
func (s *Service) Top(_ context.Context, req TopRequest) (State, error) {
	if req.Limit < 0 || req.Limit > MaxLimit {
		return State{}, fmt.Errorf("%w: limit must be 1-%d", ErrInvalid, MaxLimit)
	}
	return s.m.Top(req.Board, periodOr(req.Period), req.Limit)
}

// Reset clears req.Board for req.Period and publishes the empty board.
func (s *Service) Reset(_ context.Context, req ResetRequest) (ResetResult, error) {
	p := periodOr(req.Period)
	if err := s.m.Reset(req.Board, p); err != nil {
		return ResetResult{}, err
	}
	return ResetResult{Board: req.Board, Period: p, Reset: true}, nil
}

func periodOr(p string) string {
	if p == "" {
		return PeriodStream
	}
	return p
}

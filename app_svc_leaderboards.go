package main

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/leaderboard"
)

// LeaderboardsService is leaderboard.Service bound to the window.
type LeaderboardsService struct{ app *App }

// Top answers one board; see leaderboard.Service.Top.
func (s *LeaderboardsService) Top(req leaderboard.TopRequest) (leaderboard.State, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (leaderboard.State, error) {
		return v.Leaderboards.Top(ctx, req)
	})
}

// Reset clears one board; see leaderboard.Service.Reset.
func (s *LeaderboardsService) Reset(req leaderboard.ResetRequest) (leaderboard.ResetResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (leaderboard.ResetResult, error) {
		return v.Leaderboards.Reset(ctx, req)
	})
}

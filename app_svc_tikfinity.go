package main

import (
	"context"

	tikfinity "github.com/ltth/ltth/backend/compat/tikfinity"
	"github.com/ltth/ltth/backend/core/service"
)

// TikFinityService is tikfinity.Service bound to the window.
type TikFinityService struct{ app *App }

// Status answers the bridge's settings and state; see tikfinity.Service.Status.
func (s *TikFinityService) Status() (tikfinity.Status, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (tikfinity.Status, error) {
		return v.TikFinity.Status(ctx)
	})
}

// Apply applies the settings; see tikfinity.Service.Apply.
func (s *TikFinityService) Apply(next tikfinity.Settings) (tikfinity.Status, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (tikfinity.Status, error) {
		return v.TikFinity.Apply(ctx, next)
	})
}

package main

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
)

// HealthService is service.Health bound to the window.
type HealthService struct{ app *App }

// Get answers the app's health; see service.Health.Get.
func (s *HealthService) Get() (service.HealthReport, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.HealthReport, error) {
		return v.Health.Get(ctx)
	})
}

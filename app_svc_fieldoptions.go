package main

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
)

// FieldOptionsService is service.FieldOptions bound to the window.
type FieldOptionsService struct{ app *App }

// Get answers a flow field's choices; see service.FieldOptions.Get.
func (s *FieldOptionsService) Get(req service.FieldOptionsRequest) ([]service.FieldOption, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]service.FieldOption, error) {
		return v.FieldOptions.Get(ctx, req)
	})
}

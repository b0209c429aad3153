package main

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/goal"
)

// GoalsService is goal.Service bound to the window.
type GoalsService struct{ app *App }

// List answers every goal; see goal.Service.List.
func (s *GoalsService) List() ([]goal.View, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]goal.View, error) {
		return v.Goals.List(ctx)
	})
}

// Get answers one goal; see goal.Service.Get.
func (s *GoalsService) Get(req goal.GoalRequest) (goal.View, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (goal.View, error) {
		return v.Goals.Get(ctx, req)
	})
}

// Create creates a goal; see goal.Service.Create.
func (s *GoalsService) Create(in goal.Input) (goal.View, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (goal.View, error) {
		return v.Goals.Create(ctx, in)
	})
}

// Put creates or updates a goal; see goal.Service.Put.
func (s *GoalsService) Put(req goal.PutRequest) (goal.View, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (goal.View, error) {
		return v.Goals.Put(ctx, req)
	})
}

// Delete removes a goal; see goal.Service.Delete.
func (s *GoalsService) Delete(req goal.GoalRequest) (goal.Deleted, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (goal.Deleted, error) {
		return v.Goals.Delete(ctx, req)
	})
}

// Adjust changes a goal's value; see goal.Service.Adjust.
func (s *GoalsService) Adjust(req goal.AdjustRequest) (goal.View, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (goal.View, error) {
		return v.Goals.Adjust(ctx, req)
	})
}

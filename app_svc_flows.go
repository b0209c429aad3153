package main

import (
	"context"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/flow"
)

// FlowsService is flow.Service bound to the window.
type FlowsService struct{ app *App }

// List answers every flow; see flow.Service.List.
func (s *FlowsService) List() ([]flow.View, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]flow.View, error) {
		return v.Flows.List(ctx)
	})
}

// Get answers one flow; see flow.Service.Get.
func (s *FlowsService) Get(req flow.FlowRef) (flow.View, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (flow.View, error) {
		return v.Flows.Get(ctx, req)
	})
}

// Put creates or replaces a flow; see flow.Service.Put.
func (s *FlowsService) Put(f flow.Flow) (flow.View, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (flow.View, error) {
		return v.Flows.Put(ctx, f)
	})
}

// Delete removes a flow; see flow.Service.Delete.
func (s *FlowsService) Delete(req flow.FlowRef) (flow.Deleted, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (flow.Deleted, error) {
		return v.Flows.Delete(ctx, req)
	})
}

// Enable switches a flow on or off; see flow.Service.Enable.
func (s *FlowsService) Enable(req flow.EnableRequest) (flow.View, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (flow.View, error) {
		return v.Flows.Enable(ctx, req)
	})
}

// Run starts a flow by hand; see flow.Service.Run.
func (s *FlowsService) Run(req flow.RunRequest) (flow.Fired, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (flow.Fired, error) {
		return v.Flows.Run(ctx, req)
	})
}

// Test dry-runs a flow; see flow.Service.Test.
func (s *FlowsService) Test(req flow.TestFlowRequest) (*flow.Trace, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (*flow.Trace, error) {
		return v.Flows.Test(ctx, req)
	})
}

// Runs answers a flow's recent runs; see flow.Service.Runs.
func (s *FlowsService) Runs(req flow.FlowRef) ([]*flow.Trace, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]*flow.Trace, error) {
		return v.Flows.Runs(ctx, req)
	})
}

// Import stores flows; see flow.Service.Import.
func (s *FlowsService) Import(req flow.ImportRequest) ([]flow.ImportResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]flow.ImportResult, error) {
		return v.Flows.Import(ctx, req)
	})
}

// Export answers flows ready for import; see flow.Service.Export.
func (s *FlowsService) Export(req flow.ExportRequest) ([]flow.Flow, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]flow.Flow, error) {
		return v.Flows.Export(ctx, req)
	})
}

// Registry answers the blocks the editor offers; see flow.Service.Registry.
func (s *FlowsService) Registry() (action.Schema, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (action.Schema, error) {
		return v.Flows.Registry(ctx)
	})
}

// Variables answers every flow variable; see flow.Service.Variables.
func (s *FlowsService) Variables() (map[string]action.Value, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (map[string]action.Value, error) {
		return v.Flows.Variables(ctx)
	})
}

// SetVariables sets or deletes variables; see flow.Service.SetVariables.
func (s *FlowsService) SetVariables(req flow.VariablesPatch) (map[string]action.Value, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (map[string]action.Value, error) {
		return v.Flows.SetVariables(ctx, req)
	})
}

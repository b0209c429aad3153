package external

import "context"

// Service is the external plugins' status as both transports reach it: GET
// /api/plugins/ext and the desktop's bindings call it (core/service gathers
// it as Services.ExternalPlugins). Enabling, settings and logs are the
// plugin host's (plugin.Service); the websocket the plugins connect to is
// not a dashboard call.
type Service struct{ m *Module }

// Service answers the module's service.
func (m *Module) Service() *Service { return &Service{m} }

// List describes every external plugin (what it runs, what it may do, its
// process) and every plugin folder that failed to load.
func (s *Service) List(context.Context) (List, error) { return s.m.Status(), nil }

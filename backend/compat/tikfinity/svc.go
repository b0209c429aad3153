package tikfinity

import "context"

// Service is the TikFinity bridge's settings as both transports reach
// them: the REST handlers (routes.go) and the desktop's bindings call these
// methods (core/service gathers it as Services.TikFinity).
type Service struct{ m *Module }

// Service answers the module's service.
func (m *Module) Service() *Service { return &Service{m} }

// Status answers the bridge's settings and state (listening addresses,
// clients, counters, the last error).
func (s *Service) Status(context.Context) (Status, error) { return s.m.Status(), nil }

// Apply applies and saves the settings ({enabled, port}) and answers the
// new status.
func (s *Service) Apply(_ context.Context, next Settings) (Status, error) {
	if err := s.m.Apply(next); err != nil {
		return Status{}, err
	}
	return s.m.Status(), nil
}

package crash

import "context"

// Service is the crash-report capability as both transports reach it: the
// REST handlers (routes.go) and the desktop's bindings call these methods
// (core/service gathers it as Services.CrashReports).
type Service struct{ r *Reports }

// Service answers the reports' service.
func (r *Reports) Service() *Service { return &Service{r} }

// ReportRequest names one crash report; MarkSeen takes "" for all of them.
type ReportRequest struct {
	ID string `json:"id"`
}

// Marked is the (empty) answer of MarkSeen.
type Marked struct{}

// List answers the crash reports in the logs folder, newest first, each
// with its seen flag.
func (s *Service) List(context.Context) ([]Report, error) { return s.r.List() }

// Read answers one crash report's text.
func (s *Service) Read(_ context.Context, req ReportRequest) (string, error) {
	b, err := s.r.Read(req.ID)
	return string(b), err
}

// MarkSeen marks one crash report (or, for ID "", every one) as seen.
func (s *Service) MarkSeen(_ context.Context, req ReportRequest) (Marked, error) {
	return Marked{}, s.r.MarkSeen(req.ID)
}

package update

import "context"

// Service is the update capability as both transports reach it: the REST
// handlers (routes.go) and the desktop's bindings call these methods
// (core/service gathers it as Services.Updates).
type Service struct{ u *Updater }

// Service answers the updater's service.
func (u *Updater) Service() *Service { return &Service{u} }

// Settings answers the update settings.
func (s *Service) Settings(context.Context) (Settings, error) { return s.u.Settings(), nil }

// SaveSettings saves the update settings and answers them as saved.
func (s *Service) SaveSettings(_ context.Context, next Settings) (Settings, error) {
	if err := s.u.SetSettings(next); err != nil {
		return Settings{}, err
	}
	return s.u.Settings(), nil
}

// Status answers the update state: current and latest version, download
// progress.
func (s *Service) Status(context.Context) (Status, error) { return s.u.Status(), nil }

// Check checks the release feed now and answers the state after it.
func (s *Service) Check(ctx context.Context) (Status, error) { return s.u.Check(ctx), nil }

// Download starts downloading and verifying the newer release in the
// background (progress on the updateStatus message) and answers at once;
// a download already running or no newer release is a conflict.
func (s *Service) Download(context.Context) (Status, error) {
	u := s.u
	u.mu.Lock()
	var err error
	switch {
	case u.busy:
		err = ErrBusy
	case u.release == nil:
		err = ErrNothingToDownload
	}
	ctx := u.runCtx
	u.mu.Unlock()
	if err != nil {
		return Status{}, err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	u.wg.Add(1)
	go func() {
		defer u.wg.Done()
		_ = u.Download(ctx)
	}()
	return u.Status(), nil
}

// Install installs the verified download (Windows: on the next start;
// Linux: replaces the binary) and answers the state.
func (s *Service) Install(context.Context) (Status, error) {
	if err := s.u.Install(); err != nil {
		return Status{}, err
	}
	return s.u.Status(), nil
}

package external

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/plugin"
)

// runner is one run of an external plugin under the plugin host (enable
// to disable): it supervises the process and owns the session of the
// process currently alive.
type runner struct {
	mod     *Module
	e       *entry
	spec    Spec
	h       plugin.Host
	log     zerolog.Logger
	dataDir string

	cancel context.CancelFunc
	done   chan struct{}

	mu   sync.Mutex
	sess *session
	// wanted is the current session's subscribed types, read by the bus
	// filter in the publisher's goroutine.
	wanted atomic.Pointer[map[string]bool]
}

var (
	_ plugin.Plugin           = (*runner)(nil)
	_ plugin.SettingsReloader = (*runner)(nil)
)

// Start implements plugin.Plugin: one lossless bus subscription feeds the
// session's bounded queue (drops counted), and the supervisor starts the
// process.
func (r *runner) Start(_ context.Context, h plugin.Host) error {
	r.h, r.log = h, h.Log()
	dir, err := plugin.DataDir(h)
	if err != nil {
		return err
	}
	r.dataDir = dir
	r.e.mu.Lock()
	r.e.status = ProcStatus{State: ProcStopped}
	r.e.mu.Unlock()
	if r.spec.Has(PermEventsRead) {
		h.Subscribe("ext", r.wants, true, r.deliver)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel, r.done = cancel, make(chan struct{})
	h.Go(func(hctx context.Context) {
		defer close(r.done)
		stop := context.AfterFunc(hctx, cancel)
		defer stop()
		r.supervise(ctx)
	})
	return nil
}

// Stop implements plugin.Plugin: the process is asked to end, then killed
// after the grace period; its token is revoked.
func (r *runner) Stop(ctx context.Context) error {
	r.cancel()
	select {
	case <-r.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// SettingsChanged implements plugin.SettingsReloader: the new settings are
// pushed to the connected process (no restart).
func (r *runner) SettingsChanged() error {
	r.mu.Lock()
	s := r.sess
	r.mu.Unlock()
	if s != nil && r.spec.Has(PermSettings) {
		s.pushSettings()
	}
	return nil
}

// newSession issues the token for the next process start.
func (r *runner) newSession() string {
	s := newSession(r, newToken())
	r.mu.Lock()
	r.sess = s
	r.mu.Unlock()
	r.mod.mu.Lock()
	r.mod.sessions[s.token] = s
	r.mod.mu.Unlock()
	return s.token
}

// endSession revokes the token of the process that exited and closes its
// connection (its blocks leave the registry).
func (r *runner) endSession() {
	r.mu.Lock()
	s := r.sess
	r.sess = nil
	r.mu.Unlock()
	r.wanted.Store(nil)
	if s == nil {
		return
	}
	r.mod.mu.Lock()
	delete(r.mod.sessions, s.token)
	r.mod.mu.Unlock()
	s.close()
}

// closeConn closes the current session's socket (its token stays until
// the process exits).
func (r *runner) closeConn() {
	r.mu.Lock()
	s := r.sess
	r.mu.Unlock()
	if s != nil {
		s.close()
	}
}

func (r *runner) wants(m *domain.Message) bool {
	w := r.wanted.Load()
	return w != nil && ((*w)[m.Type] || m.IsEvent() && (*w)["*"])
}

// deliver queues m for the plugin without ever blocking the bus: a full
// queue drops the event and counts it.
func (r *runner) deliver(m domain.Message) {
	r.mu.Lock()
	s := r.sess
	r.mu.Unlock()
	if s == nil || !s.queueEvent(m) {
		r.setStatus(func(st *ProcStatus) { st.Dropped++ })
	}
}

func (r *runner) setStatus(fn func(*ProcStatus)) {
	r.e.mu.Lock()
	fn(&r.e.status)
	r.e.mu.Unlock()
}

package plugin

import (
	"sync"
	"time"

	"github.com/rs/zerolog"
)

// LogLine is one line of a plugin's recent log, for the dashboard.
type LogLine struct {
	TS      int64  `json:"ts"` // unix ms
	Level   string `json:"level"`
	Message string `json:"message"`
}

// logRing keeps a plugin's last lines; it is a zerolog.Hook on the
// plugin's logger (which also writes to the normal log).
type logRing struct {
	mu   sync.Mutex
	buf  []LogLine
	next int
	full bool
}

func newLogRing(n int) *logRing { return &logRing{buf: make([]LogLine, n)} }

// Run implements zerolog.Hook.
func (r *logRing) Run(_ *zerolog.Event, level zerolog.Level, msg string) {
	if level == zerolog.NoLevel || level == zerolog.Disabled {
		return
	}
	r.add(level, msg)
}

func (r *logRing) add(level zerolog.Level, msg string) {
	r.mu.Lock()
	r.buf[r.next] = LogLine{TS: time.Now().UnixMilli(), Level: level.String(), Message: msg}
	r.next = (r.next + 1) % len(r.buf)
	r.full = r.full || r.next == 0
	r.mu.Unlock()
}

// lines returns the kept lines, oldest first.
func (r *logRing) lines() []LogLine {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.full {
		return append([]LogLine{}, r.buf[:r.next]...)
	}
	return append(append([]LogLine{}, r.buf[r.next:]...), r.buf[:r.next]...)
}

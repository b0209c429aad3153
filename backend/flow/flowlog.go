package flow

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// flowLogs appends one line per run (and per log action) to
// <data-dir>/flow_logs/<flow-id>.log. A file past max bytes is rotated to
// <flow-id>.log.1 (one old file kept), so each flow uses at most 2×max.
type flowLogs struct {
	dir string
	max int64
	mu  sync.Mutex
}

func newFlowLogs(dataDir string, max int64) *flowLogs {
	l := &flowLogs{max: max}
	if dataDir != "" {
		l.dir = filepath.Join(dataDir, "flow_logs")
	}
	return l
}

// path is the log file of flowID ("" when logging is off or the id is not
// a safe file name).
func (l *flowLogs) path(flowID string) string {
	if l.dir == "" || !ValidID(flowID) {
		return ""
	}
	return filepath.Join(l.dir, flowID+".log")
}

// write appends a line; failures are ignored (a log must never break a run).
func (l *flowLogs) write(flowID, level, msg string) {
	p := l.path(flowID)
	if p == "" {
		return
	}
	msg = strings.NewReplacer("\r", " ", "\n", " ").Replace(msg)
	line := time.Now().Format("2006-01-02T15:04:05.000Z07:00") + " " + level + " " + msg + "\n"
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := os.MkdirAll(l.dir, 0o700); err != nil {
		return
	}
	if st, err := os.Stat(p); err == nil && st.Size()+int64(len(line)) > l.max {
		_ = os.Rename(p, p+".1")
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	_, _ = f.WriteString(line)
	_ = f.Close()
}

// remove deletes a flow's log files.
func (l *flowLogs) remove(flowID string) {
	if p := l.path(flowID); p != "" {
		l.mu.Lock()
		defer l.mu.Unlock()
		_ = os.Remove(p)
		_ = os.Remove(p + ".1")
	}
}

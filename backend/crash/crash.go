// Package crash writes a report into the logs folder when LTTH panics
// (version, OS, the panic and its stack, the last log lines) and lists the
// reports the user has not seen yet, so the next start can offer them.
package crash

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/httpapi"
)

const (
	prefix    = "crash-"
	suffix    = ".txt"
	seenFile  = "crash-reports-seen.json"
	tailLines = 50
	logFile   = "ltth.log"
)

// ErrNotFound is returned for an unknown report id.
var ErrNotFound = httpapi.NewError(httpapi.ErrNotFound, "no such crash report")

// Reports is the crash reports of one logs folder.
type Reports struct {
	dir     string
	version string
	mu      sync.Mutex
}

// Open returns the reports kept in logsDir.
func Open(logsDir, version string) *Reports { return &Reports{dir: logsDir, version: version} }

// Report describes one saved report.
type Report struct {
	ID      string `json:"id"`   // file name, e.g. crash-20261207-031500.txt
	Path    string `json:"path"` // full path, to open it from the dashboard
	Time    int64  `json:"time"` // unix ms
	Summary string `json:"summary"`
	Seen    bool   `json:"seen"`
}

// Write saves a report for the panic value p (stack: the panicking
// goroutine's stack) and returns its path.
func (r *Reports) Write(where string, p any, stack []byte) (string, error) {
	now := time.Now().UTC()
	var b bytes.Buffer
	fmt.Fprintf(&b, "LTTH crash report\n\nversion: %s\nos: %s/%s\ngo: %s\ntime: %s\nwhere: %s\npanic: %v\n\n",
		r.version, runtime.GOOS, runtime.GOARCH, runtime.Version(), now.Format(time.RFC3339), where, p)
	fmt.Fprintf(&b, "stack:\n%s\n", stack)
	fmt.Fprintf(&b, "last log lines:\n%s", r.tail())
	if err := os.MkdirAll(r.dir, 0o755); err != nil {
		return "", err
	}
	name := fmt.Sprintf("%s%s-%09d%s", prefix, now.Format("20060102-150405"), now.Nanosecond(), suffix)
	path := filepath.Join(r.dir, name)
	return path, os.WriteFile(path, b.Bytes(), 0o644)
}

// Recover is deferred at the top of a goroutine: on a panic it writes a
// report and panics again, so the process still ends as it would have.
func (r *Reports) Recover(where string) {
	if p := recover(); p != nil {
		r.Write(where, p, debug.Stack())
		panic(p)
	}
}

// tail returns the last lines of the current log file.
func (r *Reports) tail() string {
	b, err := os.ReadFile(filepath.Join(r.dir, logFile))
	if err != nil {
		return "(no log file)\n"
	}
	if len(b) > 256<<10 {
		b = b[len(b)-256<<10:]
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) > tailLines {
		lines = lines[len(lines)-tailLines:]
	}
	return strings.Join(lines, "\n") + "\n"
}

// List returns every report, newest first.
func (r *Reports) List() ([]Report, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	names, err := filepath.Glob(filepath.Join(r.dir, prefix+"*"+suffix))
	if err != nil {
		return nil, err
	}
	seen := r.seen()
	out := make([]Report, 0, len(names))
	for _, p := range names {
		fi, err := os.Stat(p)
		if err != nil {
			continue
		}
		id := filepath.Base(p)
		out = append(out, Report{ID: id, Path: p, Time: fi.ModTime().UnixMilli(), Summary: summary(p), Seen: seen[id]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	return out, nil
}

// Unseen returns the reports not marked as seen.
func (r *Reports) Unseen() ([]Report, error) {
	all, err := r.List()
	var out []Report
	for _, rep := range all {
		if !rep.Seen {
			out = append(out, rep)
		}
	}
	return out, err
}

// Read returns a report's text.
func (r *Reports) Read(id string) ([]byte, error) {
	if !valid(id) {
		return nil, ErrNotFound
	}
	b, err := os.ReadFile(filepath.Join(r.dir, id))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNotFound
	}
	return b, err
}

// MarkSeen records that the user saw report id ("" = all of them).
func (r *Reports) MarkSeen(id string) error {
	all, err := r.List()
	if err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	seen := r.seen()
	found := false
	for _, rep := range all {
		if id == "" || rep.ID == id {
			seen[rep.ID], found = true, true
		}
	}
	if !found && id != "" {
		return ErrNotFound
	}
	b, _ := json.Marshal(seen)
	tmp := filepath.Join(r.dir, seenFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(r.dir, seenFile))
}

func (r *Reports) seen() map[string]bool {
	m := map[string]bool{}
	if b, err := os.ReadFile(filepath.Join(r.dir, seenFile)); err == nil {
		json.Unmarshal(b, &m)
	}
	return m
}

func valid(id string) bool {
	return strings.HasPrefix(id, prefix) && strings.HasSuffix(id, suffix) && filepath.Base(id) == id && !strings.ContainsAny(id, `/\`)
}

// summary is the report's panic line.
func summary(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for i := 0; sc.Scan() && i < 12; i++ {
		if s, ok := strings.CutPrefix(sc.Text(), "panic: "); ok {
			return s
		}
	}
	return ""
}

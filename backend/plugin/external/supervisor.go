package external

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
)

// Process states shown on the Plugins page.
const (
	ProcStopped    = "stopped"
	ProcRunning    = "running"
	ProcBackingOff = "backing-off"
	ProcCrashed    = "crashed" // crash loop: no more restarts until reload
)

// Backoff configures restarts after crashes: the delay doubles from Min up
// to Max; after CrashLoop exits that each came within Quick of their start,
// the plugin is left crashed.
type Backoff struct {
	Min, Max  time.Duration
	Quick     time.Duration
	CrashLoop int
	// Grace is how long a stopping plugin gets after SIGTERM before it is
	// killed.
	Grace time.Duration
}

func (b *Backoff) defaults() {
	if b.Min <= 0 {
		b.Min = 500 * time.Millisecond
	}
	if b.Max <= 0 {
		b.Max = 30 * time.Second
	}
	if b.Quick <= 0 {
		b.Quick = 10 * time.Second
	}
	if b.CrashLoop <= 0 {
		b.CrashLoop = 5
	}
	if b.Grace <= 0 {
		b.Grace = 2 * time.Second
	}
}

// delay is the wait before restart n (1-based) of a run of quick crashes.
func (b Backoff) delay(n int) time.Duration {
	d := b.Min
	for i := 1; i < n && d < b.Max; i++ {
		d *= 2
	}
	return min(d, b.Max)
}

// ProcStatus is the process side of a plugin, for the Plugins page.
type ProcStatus struct {
	State       string   `json:"state"`
	PID         int      `json:"pid,omitempty"`
	Restarts    int      `json:"restarts"`
	LastExit    string   `json:"lastExit,omitempty"`
	LastExitAt  int64    `json:"lastExitAt,omitempty"` // unix ms
	NextStartAt int64    `json:"nextStartAt,omitempty"`
	StartedAt   int64    `json:"startedAt,omitempty"`
	Connected   bool     `json:"connected"`
	Dropped     uint64   `json:"dropped"` // events not delivered: the plugin's queue was full
	Subscribed  []string `json:"subscribed"`
	Blocks      []string `json:"blocks"`
}

// supervise runs spec's process until ctx ends, restarting it after
// crashes. Each start gets a fresh token, revoked when that process exits.
func (r *runner) supervise(ctx context.Context) {
	quick := 0
	for ctx.Err() == nil {
		tok := r.newSession()
		started := time.Now()
		err := r.runOnce(ctx, tok)
		r.endSession()
		if ctx.Err() != nil {
			break
		}
		if time.Since(started) >= r.mod.backoff.Quick {
			quick = 0
		}
		quick++
		r.log.Warn().Msgf("process exited: %s", err)
		if quick >= r.mod.backoff.CrashLoop {
			r.setStatus(func(s *ProcStatus) { s.State, s.NextStartAt = ProcCrashed, 0 })
			r.log.Error().Msgf("crash loop: %d quick exits in a row; not restarting (reload the plugin to try again)", quick)
			return
		}
		d := r.mod.backoff.delay(quick)
		r.setStatus(func(s *ProcStatus) { s.State, s.NextStartAt = ProcBackingOff, time.Now().Add(d).UnixMilli() })
		r.log.Info().Msgf("restarting in %s", d)
		select {
		case <-ctx.Done():
		case <-time.After(d):
			r.setStatus(func(s *ProcStatus) { s.Restarts++ })
		}
	}
	r.setStatus(func(s *ProcStatus) { s.State, s.PID, s.NextStartAt = ProcStopped, 0, 0 })
}

// runOnce starts the process and waits for it to exit (or stops it when
// ctx ends). The returned error describes the exit.
func (r *runner) runOnce(ctx context.Context, token string) error {
	cmd := exec.Command(r.spec.Path, r.spec.Argv...)
	cmd.Dir = r.spec.Dir
	cmd.Env = r.env(token)
	prepare(cmd)
	stdout, err1 := cmd.StdoutPipe()
	stderr, err2 := cmd.StderrPipe()
	if err1 != nil || err2 != nil {
		return fmt.Errorf("pipes: %v %v", err1, err2)
	}
	if err := cmd.Start(); err != nil {
		r.exited(err.Error())
		return err
	}
	r.setStatus(func(s *ProcStatus) {
		s.State, s.PID, s.NextStartAt, s.StartedAt = ProcRunning, cmd.Process.Pid, 0, time.Now().UnixMilli()
	})
	r.log.Info().Msgf("started pid %d: %s", cmd.Process.Pid, strings.Join(append([]string{r.spec.Path}, r.spec.Argv...), " "))
	var pipes sync.WaitGroup
	pipes.Add(2)
	go r.capture(&pipes, stdout, zerolog.InfoLevel)
	go r.capture(&pipes, stderr, zerolog.WarnLevel)
	done := make(chan error, 1)
	go func() {
		pipes.Wait() // Wait closes the pipes: read them to the end first
		done <- cmd.Wait()
	}()
	select {
	case err := <-done:
		return r.exited(exitText(err))
	case <-ctx.Done():
	}
	if !terminate(cmd) {
		r.closeConn()
	}
	select {
	case err := <-done:
		return r.exited(exitText(err))
	case <-time.After(r.mod.backoff.Grace):
	}
	kill(cmd)
	err := <-done
	return r.exited(exitText(err) + " (killed after the grace period)")
}

func exitText(err error) string {
	if err == nil {
		return "exit status 0"
	}
	return err.Error()
}

func (r *runner) exited(what string) error {
	r.setStatus(func(s *ProcStatus) {
		s.PID, s.LastExit, s.LastExitAt = 0, what, time.Now().UnixMilli()
	})
	return fmt.Errorf("%s", what)
}

// capture copies a pipe's lines into the plugin's log (long lines cut).
func (r *runner) capture(wg *sync.WaitGroup, rd io.Reader, level zerolog.Level) {
	defer wg.Done()
	br := bufio.NewReaderSize(rd, 4096)
	for {
		line, err := br.ReadString('\n')
		if line = strings.TrimRight(line, "\r\n"); line != "" {
			if len(line) > 2000 {
				line = line[:2000] + "…"
			}
			r.log.WithLevel(level).Msg(line)
		}
		if err != nil {
			return
		}
	}
}

// env is the process environment: LTTH's own minus any LTTH_ variables,
// plus the plugin's connection info.
func (r *runner) env(token string) []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(strings.ToUpper(kv), "LTTH_") {
			out = append(out, kv)
		}
	}
	base := r.mod.opts.BaseURL()
	ws := "ws" + strings.TrimPrefix(base, "http") + WSPath
	return append(out, "LTTH_URL="+base, "LTTH_WS_URL="+ws, "LTTH_PLUGIN_ID="+r.spec.ID,
		"LTTH_PLUGIN_TOKEN="+token, "LTTH_PLUGIN_DIR="+r.spec.Dir, "LTTH_PLUGIN_DATA="+r.dataDir)
}

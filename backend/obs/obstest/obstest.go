// Package obstest starts a real headless OBS Studio for integration tests
// through shared/tools/obs-test-server.sh. Without /usr/bin/obs the test is
// skipped, unless CI is set: then a missing OBS fails it.
package obstest

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// Server is one running OBS.
type Server struct {
	Host     string
	Port     int
	Password string
	Dir      string
	script   string
}

// script finds obs-test-server.sh: beside the clone under CI
// (<repo>/../shared/tools), else /work/shared/tools.
func script(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	repo := filepath.Join(filepath.Dir(file), "..", "..", "..")
	for _, p := range []string{filepath.Join(repo, "..", "shared", "tools", "obs-test-server.sh"),
		"/work/shared/tools/obs-test-server.sh"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatal("obs-test-server.sh not found beside the repository nor in /work/shared/tools")
	return ""
}

// Require skips (or under CI fails) the test when OBS is not installed.
func Require(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("obs"); err == nil {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatal("OBS Studio (obs) is not installed, and CI is set: install obs-studio (scripts/deps.sh)")
	}
	t.Skip("OBS Studio is not installed (apt-get install obs-studio xvfb)")
}

// Start runs a fresh OBS on a free port with password; it is stopped when
// the test ends.
func Start(t testing.TB, password string) *Server {
	t.Helper()
	Require(t)
	s := &Server{Host: "127.0.0.1", Password: password, script: script(t)}
	env := s.run(t, "start", "--port", "auto", "--password", password, "--timeout", "120",
		"--watch-pid", strconv.Itoa(os.Getpid()))
	s.Dir = env["OBS_TEST_DIR"]
	s.Port, _ = strconv.Atoi(env["OBS_TEST_PORT"])
	if s.Dir == "" || s.Port == 0 {
		t.Fatalf("obs-test-server.sh printed no dir/port: %v", env)
	}
	t.Cleanup(func() { _ = exec.Command(s.script, "stop", s.Dir).Run() })
	return s
}

// Restart kills OBS with signal (TERM or KILL), keeps it down for downFor
// seconds and starts it again on the same port.
func (s *Server) Restart(t testing.TB, signal string, downFor string) {
	t.Helper()
	s.run(t, "restart", s.Dir, "--signal", signal, "--down-for", downFor)
}

func (s *Server) run(t testing.TB, args ...string) map[string]string {
	t.Helper()
	cmd := exec.Command(s.script, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("obs-test-server.sh %s: %v\n%s", args[0], err, stderr.String())
	}
	return parseExports(out)
}

// parseExports reads "export K=V" lines (V as printf %q prints it).
func parseExports(out []byte) map[string]string {
	env := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "export ")
		if !ok {
			continue
		}
		k, v, _ := strings.Cut(line, "=")
		if uq, err := strconv.Unquote(v); err == nil {
			v = uq
		} else {
			v = strings.ReplaceAll(strings.Trim(v, "'"), `\`, "")
		}
		env[k] = v
	}
	return env
}

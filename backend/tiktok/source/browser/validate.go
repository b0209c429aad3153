package browser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"
)

// browserNames are the executable names of the Chromium family on every
// platform (compared case-insensitively; macOS names are those inside the
// .app bundle's Contents/MacOS).
var browserNames = map[string]bool{
	"chrome": true, "chromium": true, "chromium-browser": true, "google-chrome": true,
	"google-chrome-stable": true, "google-chrome-beta": true, "google-chrome-unstable": true,
	"msedge": true, "microsoft-edge": true, "microsoft-edge-stable": true, "microsoft-edge-beta": true,
	"microsoft-edge-dev": true, "brave": true, "brave-browser": true, "brave-browser-stable": true,
	"chrome.exe": true, "msedge.exe": true, "brave.exe": true, "chromium.exe": true,
	"google chrome": true, "microsoft edge": true, "brave browser": true,
}

// versionAnswer is what a real browser prints for --version.
var versionAnswer = regexp.MustCompile(`^(Google Chrome|Chromium|Microsoft Edge|Brave)\b`)

// VersionTimeout bounds the --version run of ValidatePath.
const VersionTimeout = 3 * time.Second

// ErrNotABrowser: a browser path failed validation.
var ErrNotABrowser = errors.New("not a Chrome, Edge, Brave or Chromium executable")

// CheckPath validates a browser path without running it: an absolute path
// to an existing regular executable file whose name is a Chromium-family
// browser's.
func CheckPath(path string) error {
	if path == "" || !filepath.IsAbs(path) {
		return fmt.Errorf("%w: %q is not an absolute path", ErrNotABrowser, path)
	}
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%w: %s does not exist", ErrNotABrowser, path)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%w: %s is not a regular file", ErrNotABrowser, path)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm()&0o111 == 0 {
		return fmt.Errorf("%w: %s is not executable", ErrNotABrowser, path)
	}
	if !browserNames[strings.ToLower(filepath.Base(path))] {
		return fmt.Errorf("%w: the file name %q is not a known browser's", ErrNotABrowser, filepath.Base(path))
	}
	return nil
}

// ValidatePath checks path (CheckPath) and then runs it once with
// --version (no shell, VersionTimeout), which must answer like Chrome,
// Chromium, Edge or Brave. It returns the version line. Only call it on the
// user's explicit request: it executes the file. On Windows, where the
// browsers ignore --version, the install layout is checked instead
// (versionFromLayout) and nothing runs.
func ValidatePath(ctx context.Context, path string) (string, error) {
	if err := CheckPath(path); err != nil {
		return "", err
	}
	if runtime.GOOS == "windows" {
		return versionFromLayout(path)
	}
	ctx, cancel := context.WithTimeout(ctx, VersionTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "--version")
	out := &capped{max: 4096}
	cmd.Stdout, cmd.Stderr = out, nil
	cmd.WaitDelay = time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("%w: %s did not answer --version within %s", ErrNotABrowser, path, VersionTimeout)
		}
		return "", fmt.Errorf("%w: %s --version failed: %v", ErrNotABrowser, path, err)
	}
	line, _, _ := strings.Cut(strings.TrimSpace(out.String()), "\n")
	if !versionAnswer.MatchString(line) {
		return "", fmt.Errorf("%w: %s answered %q to --version", ErrNotABrowser, path, truncate(line, 80))
	}
	return line, nil
}

type capped struct {
	bytes.Buffer
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); room > 0 {
		c.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

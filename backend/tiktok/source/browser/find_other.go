//go:build !linux && !darwin && !windows

package browser

import "os"

func candidates() []string {
	return []string{"chromium", "chromium-browser", "google-chrome", "/usr/local/bin/chromium"}
}

func needsNoSandbox() bool { return os.Geteuid() == 0 }

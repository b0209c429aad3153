package browser

import "os"

func candidates() []string {
	return []string{"google-chrome", "google-chrome-stable", "chromium", "chromium-browser", "microsoft-edge",
		"microsoft-edge-stable", "brave-browser", "/usr/bin/chromium", "/snap/bin/chromium",
		"/usr/bin/google-chrome", "/opt/google/chrome/chrome"}
}

// needsNoSandbox: Chromium refuses to start its sandbox as root.
func needsNoSandbox() bool { return os.Geteuid() == 0 }

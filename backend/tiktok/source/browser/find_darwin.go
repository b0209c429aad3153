package browser

import (
	"os"
	"path/filepath"
)

func candidates() []string {
	apps := []string{
		"Google Chrome.app/Contents/MacOS/Google Chrome",
		"Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
		"Brave Browser.app/Contents/MacOS/Brave Browser",
		"Chromium.app/Contents/MacOS/Chromium",
	}
	var out []string
	home, _ := os.UserHomeDir()
	for _, a := range apps {
		out = append(out, filepath.Join("/Applications", a))
		if home != "" {
			out = append(out, filepath.Join(home, "Applications", a))
		}
	}
	return out
}

func needsNoSandbox() bool { return false }

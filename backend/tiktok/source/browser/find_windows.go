package browser

import (
	"os"
	"path/filepath"
)

func candidates() []string {
	rel := []string{
		`Google\Chrome\Application\chrome.exe`,
		`Microsoft\Edge\Application\msedge.exe`,
		`BraveSoftware\Brave-Browser\Application\brave.exe`,
		`Chromium\Application\chrome.exe`,
	}
	var out []string
	for _, env := range []string{"ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"} {
		base := os.Getenv(env)
		if base == "" {
			continue
		}
		for _, r := range rel {
			out = append(out, filepath.Join(base, r))
		}
	}
	return append(out, "chrome.exe", "msedge.exe", "brave.exe")
}

func needsNoSandbox() bool { return false }

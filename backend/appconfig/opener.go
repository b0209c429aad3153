package appconfig

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
)

// OpenFolder shows a folder in the OS file manager. Callers pass only
// paths LTTH owns (the data and logs folders), never user input.
func OpenFolder(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("explorer", dir)
	case "darwin":
		cmd = exec.Command("open", dir)
	default:
		cmd = exec.Command("xdg-open", dir)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("opening %s: %w", dir, err)
	}
	go cmd.Wait() // reap; explorer exits non-zero even on success
	return nil
}

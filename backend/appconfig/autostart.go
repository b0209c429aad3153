package appconfig

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrAutostartUnsupported is returned on systems without a login-item
// mechanism LTTH knows.
var ErrAutostartUnsupported = errors.New("starting with the OS is not supported on this system")

// AutostartName names the login entry on every OS.
const AutostartName = "LTTH"

// SetAutostart adds (on) or removes (off) the login entry that starts exe
// with args when the user logs in. Removing a missing entry is no error.
func SetAutostart(on bool, exe string, args []string) error {
	if on {
		return enableAutostart(exe, args)
	}
	return disableAutostart()
}

// AutostartEnabled reports whether the login entry is present.
func AutostartEnabled() (bool, error) { return autostartEnabled() }

// AutostartArgs are the arguments the login entry passes: the window
// starts hidden in the tray when startMinimized is set.
func AutostartArgs(startMinimized bool) []string {
	if startMinimized {
		return []string{"--start-minimized"}
	}
	return nil
}

// removeEntryFile deletes a file-based login entry; a missing one is no error.
func removeEntryFile(path string, err error) error {
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("autostart: removing %s: %w", path, err)
	}
	return nil
}

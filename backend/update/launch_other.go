//go:build !windows

package update

import "errors"

// launchInstaller: only Windows stages installers (Linux replaces the binary).
func launchInstaller(string) error {
	return errors.New("staged installers run on Windows only")
}

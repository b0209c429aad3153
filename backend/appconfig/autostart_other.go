//go:build !linux && !windows && !darwin

package appconfig

func enableAutostart(string, []string) error { return ErrAutostartUnsupported }
func disableAutostart() error                { return nil }
func autostartEnabled() (bool, error)        { return false, nil }

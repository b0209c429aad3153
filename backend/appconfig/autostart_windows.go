package appconfig

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/sys/windows/registry"
)

// runKey is the per-user list of programs Windows starts at log-in.
const runKey = `Software\Microsoft\Windows\CurrentVersion\Run`

func enableAutostart(exe string, args []string) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if err != nil {
		return fmt.Errorf("autostart: opening HKCU\\%s: %w", runKey, err)
	}
	defer k.Close()
	cmd := []string{winQuote(exe)}
	for _, a := range args {
		cmd = append(cmd, winQuote(a))
	}
	if err := k.SetStringValue(AutostartName, strings.Join(cmd, " ")); err != nil {
		return fmt.Errorf("autostart: writing HKCU\\%s\\%s: %w", runKey, AutostartName, err)
	}
	return nil
}

func disableAutostart() error {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("autostart: opening HKCU\\%s: %w", runKey, err)
	}
	defer k.Close()
	if err := k.DeleteValue(AutostartName); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return fmt.Errorf("autostart: removing HKCU\\%s\\%s: %w", runKey, AutostartName, err)
	}
	return nil
}

func autostartEnabled() (bool, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("autostart: opening HKCU\\%s: %w", runKey, err)
	}
	defer k.Close()
	_, _, err = k.GetStringValue(AutostartName)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// winQuote quotes an argument that holds spaces (paths under Program Files).
func winQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\"") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

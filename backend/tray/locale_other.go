//go:build !windows

package tray

func systemLocale() string { return envLocale() }

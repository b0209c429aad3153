//go:build !windows

package appconfig

func systemLocale() string { return envLocale() }

//go:build linux && !bindings

package main

import "os"

// hasDisplay reports whether a graphical session is available.
func hasDisplay() bool {
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}

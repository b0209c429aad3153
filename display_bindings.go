//go:build linux && bindings

package main

// hasDisplay is true while Wails generates bindings: that run must take the
// desktop path even on a machine without a display.
func hasDisplay() bool { return true }

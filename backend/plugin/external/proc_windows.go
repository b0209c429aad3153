//go:build windows

package external

import "os/exec"

// prepare has nothing to do on Windows.
func prepare(*exec.Cmd) {}

// terminate: Windows has no SIGTERM for console-less children; the plugin
// also learns of the stop from its websocket closing, so it is killed
// after the grace period.
func terminate(*exec.Cmd) {}

// kill ends the process.
func kill(cmd *exec.Cmd) { _ = cmd.Process.Kill() }

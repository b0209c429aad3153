//go:build windows

package external

import "os/exec"

// prepare has nothing to do on Windows.
func prepare(*exec.Cmd) {}

// terminate: Windows has no SIGTERM for console-less children; false
// tells the supervisor to close the plugin's websocket instead (its cue to
// exit), and it is killed after the grace period.
func terminate(*exec.Cmd) bool { return false }

// kill ends the process.
func kill(cmd *exec.Cmd) { _ = cmd.Process.Kill() }

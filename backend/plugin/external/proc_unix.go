//go:build !windows

package external

import (
	"os/exec"
	"syscall"
)

// prepare puts the plugin in its own process group, so a stop reaches the
// children an interpreter may have started.
func prepare(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

// terminate asks the process group to end (SIGTERM); true: it was asked.
func terminate(cmd *exec.Cmd) bool { return syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM) == nil }

// kill ends the process group at once.
func kill(cmd *exec.Cmd) { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }

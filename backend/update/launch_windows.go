package update

import (
	"os/exec"
	"syscall"
)

// launchInstaller starts the NSIS installer silently (/S) and detached; /RUN
// makes it start LTTH again when it is done.
func launchInstaller(path string) error {
	const detached = 0x00000008 // DETACHED_PROCESS
	cmd := exec.Command(path, "/S", "/RUN")
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: detached | syscall.CREATE_NEW_PROCESS_GROUP}
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}

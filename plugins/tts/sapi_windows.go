package tts

import (
	"errors"
	"os/exec"
)

func sapiReady(path string) error {
	if _, err := exec.LookPath(path); err != nil {
		return errors.New("Windows PowerShell was not found, so Windows' voices cannot be used")
	}
	return nil
}

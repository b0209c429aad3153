//go:build !windows

package tts

import "errors"

func sapiReady(string) error {
	return errors.New("Windows' voices (SAPI) exist only on Windows")
}

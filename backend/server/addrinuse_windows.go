//go:build windows

package server

import (
	"errors"
	"syscall"
)

// wsaeaddrinuse is WSAEADDRINUSE, what Winsock reports for a busy port.
const wsaeaddrinuse = syscall.Errno(10048)

func isAddrInUse(err error) bool {
	return errors.Is(err, wsaeaddrinuse) || errors.Is(err, syscall.EADDRINUSE)
}

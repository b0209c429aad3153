package appconfig

import (
	"errors"
	"fmt"
	"net"
	"strconv"
)

// PortBusyError says a port is taken, by whom when the OS can tell.
type PortBusyError struct {
	Port    int
	Process string // "name (pid N)" or ""
	Err     error
}

func (e *PortBusyError) Error() string {
	if e.Process != "" {
		return fmt.Sprintf("port %d is in use by %s; choose another port or close that program", e.Port, e.Process)
	}
	return fmt.Sprintf("port %d is in use by another program; choose another port or close that program", e.Port)
}

func (e *PortBusyError) Unwrap() error { return e.Err }

// Listen binds addr. A busy port comes back as a *PortBusyError naming
// the process that holds it when /proc (Linux) can tell.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil {
		return ln, nil
	}
	if !isAddrInUse(err) {
		return nil, err
	}
	_, p, _ := net.SplitHostPort(addr)
	port, _ := strconv.Atoi(p)
	return nil, &PortBusyError{Port: port, Process: portOwner(port), Err: err}
}

// CheckPortFree tries to bind addr and releases it at once.
func CheckPortFree(addr string) error {
	ln, err := Listen(addr)
	if err != nil {
		return err
	}
	return ln.Close()
}

// IsPortBusy reports whether err is a *PortBusyError.
func IsPortBusy(err error) bool {
	var pb *PortBusyError
	return errors.As(err, &pb)
}

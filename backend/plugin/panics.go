package plugin

import (
	"errors"
	"fmt"
	"runtime/debug"
)

// PanicError is a plugin panic recovered by the host, with the stack of
// the goroutine that panicked (for the crash report, Options.OnPanic).
type PanicError struct {
	What  string
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("%s panicked: %v", e.What, e.Value) }

func newPanicError(what string, p any) *PanicError {
	return &PanicError{What: what, Value: p, Stack: debug.Stack()}
}

// reportPanic hands a recovered panic to Options.OnPanic, if err holds one.
func (m *Manager) reportPanic(id string, err error) {
	var pe *PanicError
	if m.opts.OnPanic != nil && errors.As(err, &pe) {
		m.opts.OnPanic("plugin "+id+": "+pe.What, pe.Value, pe.Stack)
	}
}

package logging

import (
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/rs/zerolog"
)

// levelGate drops events below a level that can change at run time. It is
// a zerolog.Sampler, checked before an event is built, so a dropped debug
// line costs no allocation.
type levelGate struct{ min atomic.Int32 }

func (g *levelGate) set(l zerolog.Level)         { g.min.Store(int32(l)) }
func (g *levelGate) Sample(l zerolog.Level) bool { return int32(l) >= g.min.Load() }

// SetLevel changes the level of this logger and every logger derived from
// it: "debug", "info", "warn" or "error".
func (l *Logger) SetLevel(name string) error {
	level, err := ParseLevel(name)
	if err != nil {
		return err
	}
	l.gate.set(level)
	return nil
}

// Level is the level in effect.
func (l *Logger) Level() string { return zerolog.Level(l.gate.min.Load()).String() }

// ParseLevel accepts the four levels LTTH offers.
func ParseLevel(name string) (zerolog.Level, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "debug":
		return zerolog.DebugLevel, nil
	case "info":
		return zerolog.InfoLevel, nil
	case "warn":
		return zerolog.WarnLevel, nil
	case "error":
		return zerolog.ErrorLevel, nil
	}
	return zerolog.InfoLevel, fmt.Errorf("log level %q: use debug, info, warn or error", name)
}

// Package logging sets up zerolog for LTTH: human-readable console output on
// stderr plus JSON lines in rotating files under <data-dir>/logs.
package logging

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"gopkg.in/natefinch/lumberjack.v2"
)

// Options configures New.
type Options struct {
	Dir     string    // log directory; empty disables file logging
	Level   string    // "debug", "info" (default), "warn", "error"
	Console io.Writer // defaults to os.Stderr; io.Discard to silence
	NoColor bool
}

// Logger is a configured logger plus the closer for its file.
type Logger struct {
	zerolog.Logger
	file *lumberjack.Logger
	gate *levelGate
}

// New returns a logger writing to the console and, when Dir is set, to
// Dir/ltth.log rotated at 10 MB with 5 backups kept for 14 days.
func New(o Options) (*Logger, error) {
	level, err := zerolog.ParseLevel(strings.ToLower(o.Level))
	if err != nil || o.Level == "" {
		level = zerolog.InfoLevel
	}
	console := o.Console
	if console == nil {
		console = os.Stderr
	}
	writers := []io.Writer{zerolog.ConsoleWriter{Out: console, TimeFormat: time.TimeOnly, NoColor: o.NoColor}}
	l := &Logger{gate: &levelGate{}}
	l.gate.set(level)
	if o.Dir != "" {
		if err := os.MkdirAll(o.Dir, 0o755); err != nil {
			return nil, err
		}
		l.file = &lumberjack.Logger{
			Filename:   filepath.Join(o.Dir, "ltth.log"),
			MaxSize:    10,
			MaxBackups: 5,
			MaxAge:     14,
			Compress:   true,
		}
		writers = append(writers, l.file)
	}
	out := redactWriter{zerolog.MultiLevelWriter(writers...)}
	// The level lives in the gate (a sampler every child logger shares), so
	// SetLevel applies at run time to loggers already handed out.
	l.Logger = zerolog.New(out).Level(zerolog.DebugLevel).Sample(l.gate).With().Timestamp().Logger()
	return l, nil
}

// Close flushes and closes the log file.
func (l *Logger) Close() error {
	if l.file == nil {
		return nil
	}
	return l.file.Close()
}

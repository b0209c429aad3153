// Package replay is the source that plays a capture file (JSON lines of raw
// push frames) back at 1×, N× or maximum speed.
package replay

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/ltth/ltth/backend/tiktok/capture"
	"github.com/ltth/ltth/backend/tiktok/source"
)

// Source replays one capture file.
type Source struct {
	path  string
	file  io.ReadCloser // an already opened capture (FromFile), else path is opened
	speed float64       // 1 = real time, 4 = four times as fast, 0 = as fast as possible
}

// FromFile returns a replay source for an already opened (and checked)
// capture; name is shown in the connection detail. Run closes f.
func FromFile(f io.ReadCloser, name string, speed float64) *Source {
	return &Source{path: name, file: f, speed: max(speed, 0)}
}

// New returns a replay source; speed <= 0 means maximum speed.
func New(path string, speed float64) *Source {
	return &Source{path: path, speed: max(speed, 0)}
}

// Name implements source.Source.
func (s *Source) Name() string { return source.NameReplay }

// Run feeds every frame of the capture to sink and returns nil at its end.
func (s *Source) Run(ctx context.Context, _ source.Target, sink source.Sink) error {
	f, err := s.open()
	if err != nil {
		code := source.CodeUnavailable
		msg := "The capture file cannot be opened."
		if errors.Is(err, fs.ErrNotExist) {
			msg = "The capture file does not exist."
		}
		return source.Errorf(code, "%s", msg).WithCause(err).WithSource(s.Name())
	}
	defer f.Close()
	sink.Connected(source.ConnInfo{Detail: "replaying " + s.path})
	r := capture.NewReader(f, capture.ReaderOptions{SkipBad: true})
	err = capture.Replay(ctx, r, s.speed, func(frame []byte, t int64) error {
		_, _ = sink.Frame(frame, time.UnixMilli(t))
		return nil
	})
	if err != nil && ctx.Err() == nil {
		return source.Errorf(source.CodeProtocol, "The capture file could not be read to the end.").WithCause(err).WithSource(s.Name())
	}
	return err
}

func (s *Source) open() (io.ReadCloser, error) {
	if s.file != nil {
		return s.file, nil
	}
	return os.Open(s.path)
}

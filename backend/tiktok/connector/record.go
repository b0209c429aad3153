package connector

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/capture"
	"github.com/ltth/ltth/backend/tiktok/normalize"
	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/source/replay"
	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// SetRecording turns capture recording on (a new file
// <data-dir>/captures/<time>.jsonl) or off.
func (c *Connector) SetRecording(on bool) error {
	c.recMu.Lock()
	defer c.recMu.Unlock()
	if !on {
		if c.recorder == nil {
			return nil
		}
		err := c.recorder.Close()
		c.recorder = nil
		return err
	}
	if c.recorder != nil {
		return nil
	}
	if c.deps.DataDir == "" {
		return errors.New("recording needs a data directory")
	}
	dir := filepath.Join(c.deps.DataDir, "captures")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create captures folder: %w", err)
	}
	path := filepath.Join(dir, c.now().Format("20060102-150405.000")+".jsonl")
	w, err := capture.Create(path)
	if err != nil {
		return fmt.Errorf("create capture file: %w", err)
	}
	c.recorder, c.recPath = w, path
	return nil
}

// record appends one received frame to the capture file, when recording.
func (c *Connector) record(t time.Time, frame []byte) {
	c.recMu.Lock()
	defer c.recMu.Unlock()
	if c.recorder == nil {
		return
	}
	if err := c.recorder.Write(t, frame); err != nil {
		c.deps.Log.Warn().Err(err).Msg("capture recording stopped")
		_ = c.recorder.Close()
		c.recorder = nil
	}
}

func (c *Connector) recordingLocked() Recording {
	c.recMu.Lock()
	defer c.recMu.Unlock()
	if c.recorder == nil {
		return Recording{Path: c.recPath}
	}
	return Recording{Enabled: true, Path: c.recPath, Records: c.recorder.Records()}
}

// StartReplay plays a capture from <data-dir>/captures (a file name, see
// openCapture) into the live pipeline (overlays, flows, journal) at speed
// (1, 4, ...; 0 = as fast as possible) with its own normalizer. A replay in
// progress is stopped first (it replaces the old one). It returns once the
// file is open; StopReplay ends it at any time.
func (c *Connector) StartReplay(path string, speed float64) error {
	f, name, err := c.openCapture(path)
	if err != nil {
		return err
	}
	stopCtx, cancelStop := context.WithTimeout(c.baseCtx, 10*time.Second)
	defer cancelStop()
	c.StopReplay(stopCtx)
	c.mu.Lock()
	ctx, cancel := context.WithCancel(c.baseCtx)
	done := make(chan struct{})
	c.replay, c.replayEnd, c.replaying = cancel, done, name
	c.wg.Add(1)
	c.mu.Unlock()
	go func() {
		defer c.wg.Done()
		defer close(done)
		defer c.replayEnded(done)
		defer cancel()
		c.runReplay(ctx, replay.FromFile(f, name, speed), name)
	}()
	return nil
}

// replayEnded clears the running replay if it is still this one.
func (c *Connector) replayEnded(done chan struct{}) {
	c.mu.Lock()
	if c.replayEnd == done {
		c.replay, c.replayEnd, c.replaying = nil, nil, ""
	}
	c.mu.Unlock()
}

func (c *Connector) runReplay(ctx context.Context, src *replay.Source, name string) {
	pipe := normalize.NewPipeline(normalize.New(normalize.Options{Source: source.NameReplay, StreakTimeout: c.cfg.StreakTimeout}))
	sink := &replaySink{c: c, pipe: pipe}
	err := src.Run(ctx, source.Target{}, sink)
	sink.publish(pipe.Normalizer().FlushAll())
	if err != nil && !errors.Is(err, context.Canceled) {
		c.deps.Log.Warn().Err(err).Str("capture", name).Msg("replay failed")
		return
	}
	c.deps.Log.Info().Str("capture", name).Bool("stopped", ctx.Err() != nil).Msg("replay finished")
}

// replaySink publishes replayed events; it never records.
type replaySink struct {
	c    *Connector
	pipe *normalize.Pipeline
}

func (r *replaySink) Connected(source.ConnInfo) {}

func (r *replaySink) Frame(raw []byte, received time.Time) (source.FrameResult, error) {
	evs, _, err := r.pipe.Feed(nil, raw, received)
	r.publish(evs)
	return source.FrameResult{}, err
}

func (r *replaySink) Messages(msgs []*webcastpb.BaseProtoMessage, received time.Time) source.FrameResult {
	var evs []domain.Event
	for _, m := range msgs {
		evs = r.pipe.Normalizer().Append(evs, m, received)
	}
	r.publish(evs)
	return source.FrameResult{}
}

func (r *replaySink) Events(evs []*domain.Event) {
	for _, e := range evs {
		r.c.publishEvent(e)
	}
}

func (r *replaySink) publish(evs []domain.Event) {
	for i := range evs {
		e := evs[i]
		r.c.publishEvent(&e)
	}
}

func (c *Connector) publishEvent(e *domain.Event) {
	if c.deps.Bus != nil {
		c.deps.Bus.PublishEvent(e)
	}
}

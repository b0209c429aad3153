package capture

import (
	"context"
	"errors"
	"io"
	"time"
)

// Replay reads every record from r and calls fn with its frame and receive
// time, pacing calls by the recorded times divided by speed (1 = real time,
// 4 = four times faster, 0 or less = as fast as possible). The frame is only
// valid during the call. It stops at the end of the file (nil), on ctx
// cancellation, on an error from fn, or on a bad line unless r skips them.
func Replay(ctx context.Context, r *Reader, speed float64, fn func(frame []byte, t int64) error) error {
	var start time.Time
	var t0 int64
	first := true
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if first {
			start, t0, first = time.Now(), rec.T, false
		} else if speed > 0 {
			due := start.Add(time.Duration(float64(rec.T-t0) / speed * float64(time.Millisecond)))
			if err := sleepUntil(ctx, due); err != nil {
				return err
			}
		}
		if err := fn(rec.Frame, rec.T); err != nil {
			return err
		}
	}
}

func sleepUntil(ctx context.Context, due time.Time) error {
	d := time.Until(due)
	if d <= 0 {
		return nil
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-tm.C:
		return nil
	}
}

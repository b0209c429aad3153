package normalize

import (
	"bufio"
	"context"
	"io"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/capture"
)

// ReplayStats reports what a replay read and skipped.
type ReplayStats struct {
	Records  int // capture records fed
	BadLines int // capture lines skipped (not a record)
	Events   int // events written
	PipelineStats
}

// ReplayPrint feeds the capture in r, as fast as possible, through a fresh
// Pipeline (real decoder and normalizer, streaks and de-duplication
// included) and writes the normalized events to w as JSON lines, one per
// line and nothing else. Streaks still open at the end are committed.
// Bad lines and bad frames are skipped (see ReplayPrintStats for counts).
func ReplayPrint(ctx context.Context, r io.Reader, w io.Writer) error {
	_, err := ReplayPrintStats(ctx, r, w)
	return err
}

// ReplayPrintStats is ReplayPrint returning its counters.
func ReplayPrintStats(ctx context.Context, r io.Reader, w io.Writer) (ReplayStats, error) {
	var st ReplayStats
	p := NewPipeline(New(Options{Source: "replay"}))
	cr := capture.NewReader(r, capture.ReaderOptions{SkipBad: true})
	bw := bufio.NewWriterSize(w, 64<<10)
	var evs []domain.Event
	var line []byte
	emit := func(evs []domain.Event) error {
		for i := range evs {
			line = append(evs[i].AppendJSON(line[:0]), '\n')
			if _, err := bw.Write(line); err != nil {
				return err
			}
		}
		st.Events += len(evs)
		return nil
	}
	err := capture.Replay(ctx, cr, 0, func(frame []byte, t int64) error {
		st.Records++
		evs, _, _ = p.Feed(evs[:0], frame, time.UnixMilli(t))
		return emit(evs)
	})
	if err == nil {
		err = emit(p.Normalizer().FlushAll())
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	st.BadLines = cr.Skipped()
	st.PipelineStats = p.Stats()
	return st, err
}

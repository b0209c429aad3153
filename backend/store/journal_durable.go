package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// The journal's durability contract (README "Durability"):
//
//   - Sync returns once every event handed to the journal before the call
//     is committed to SQLite (WAL, synchronous=NORMAL: a committed batch
//     survives a killed process; an OS crash can lose the last batches).
//     /api/simulate acknowledges (202) only after Sync, so an acknowledged
//     event survives kill -9. Sync asks the journal to commit what is
//     queued at once (callers arriving meanwhile share that commit: group
//     commit); otherwise batches commit at most FlushInterval (20 ms) after
//     their first event.
//   - Events from the TikTok connection are not acknowledged to anyone; their
//     loss window on kill -9 is the journal's queue plus one FlushInterval.
//   - While writes fail (disk full, read-only file), the journal keeps at
//     most its queue (QueueSize events, 65,536) plus one batch in memory;
//     what arrives beyond that is counted as lost (Stats.Lost, Stats.Shed)
//     and reported by Degraded (so /api/health says "degraded"), never
//     dropped silently, and the live pipeline keeps running.

// shedTick is how often a failing journal sheds the excess of a full queue.
const shedTick = 10 * time.Millisecond

// ErrNotSaved is returned by Sync when an event could not be written.
var ErrNotSaved = errors.New("journal: event not saved")

// Sync waits until every event delivered to the journal so far has been
// written (nil) or given up on (ErrNotSaved), or ctx ends. While writes are
// failing it returns at once with ErrNotSaved and the reason.
func (j *Journal) Sync(ctx context.Context) error {
	target := j.sub.Delivered()
	lost0 := j.lost.Load()
	for {
		j.syncMu.Lock()
		ch := j.flushed
		j.syncMu.Unlock()
		if j.resolved.Load() >= target {
			if j.lost.Load() > lost0 {
				return fmt.Errorf("%w: %s", ErrNotSaved, j.lastError())
			}
			return nil
		}
		if j.failing.Load() {
			return fmt.Errorf("%w: the database cannot be written: %s", ErrNotSaved, j.lastError())
		}
		select { // ask for a commit now; concurrent callers share it
		case j.syncReq <- struct{}{}:
		default:
		}
		select {
		case <-ch:
		case <-j.done:
			return fmt.Errorf("%w: the journal is closed", ErrNotSaved)
		case <-ctx.Done():
			return fmt.Errorf("%w: %v", ErrNotSaved, ctx.Err())
		}
	}
}

// Degraded returns why the journal is not saving events ("" when it is):
// writes failing now, or events lost since the journal started.
func (j *Journal) Degraded() string {
	lost := j.lost.Load()
	switch {
	case j.failing.Load():
		return fmt.Sprintf("event journal cannot write to the database (%s); %d events waiting in memory, %d lost",
			j.lastError(), j.sub.Queued(), lost)
	case lost > 0:
		return fmt.Sprintf("event journal lost %d events (%s)", lost, j.lastError())
	}
	return ""
}

// resolve counts n events as written or given up and wakes Sync callers.
func (j *Journal) resolve(n int) {
	j.resolved.Add(uint64(n))
	j.syncMu.Lock()
	close(j.flushed)
	j.flushed = make(chan struct{})
	j.syncMu.Unlock()
}

// shed, while writes fail, takes an eighth of a full queue (its oldest
// events) off and counts it as lost, so a publisher never waits on a broken
// disk for longer than a shed tick.
func (j *Journal) shed() {
	if len(j.in) < cap(j.in) {
		return
	}
	n := 0
	for len(j.in) > cap(j.in)-cap(j.in)/8 {
		if _, ok := <-j.in; !ok {
			break
		}
		n++
	}
	if n == 0 {
		return
	}
	j.lost.Add(uint64(n))
	j.shedded.Add(uint64(n))
	j.resolve(n)
	j.log.Error().Int("events", n).Str("reason", j.lastError()).
		Msg("journal backlog full while writes fail: events not saved")
}

func (j *Journal) lastError() string {
	j.errMu.Lock()
	defer j.errMu.Unlock()
	return j.lastErr
}

package main

import (
	"context"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/server"
)

// The desktop dashboard's live feed arrives as Wails runtime events, not
// over /ws (the browser dashboard of headless mode keeps /ws). This is the
// one place that lists the runtime event names.
const (
	// EventFeed carries a batch of bus messages: a JSON array of the /ws
	// feed's envelopes {"type","ts","data"} (frontend: lib/api/runtimefeed.ts).
	EventFeed = "ltth:feed"
)

// feedFlushEvery coalesces bus messages into one runtime event about every
// other animation frame; the subscription is lossy (the feed is display
// only, the journal keeps everything).
const feedFlushEvery = 32 * time.Millisecond

// feedBatchMax bounds one runtime event's payload.
const feedBatchMax = 512 << 10

// forwardFeed emits the bus to the window until ctx ends or the bus
// subscription closes.
func (a *App) forwardFeed(ctx context.Context, b *bus.Bus) {
	sub := b.Subscribe("desktop-feed", 4096, nil)
	emit := func(payload string) { runtime.EventsEmit(ctx, EventFeed, payload) }
	go func() {
		defer sub.Close()
		runFeed(ctx, sub.C(), feedFlushEvery, emit)
	}()
}

// runFeed batches messages from in and hands each batch to emit as a JSON
// array, at most once per every.
func runFeed(ctx context.Context, in <-chan domain.Message, every time.Duration, emit func(string)) {
	t := time.NewTicker(every)
	defer t.Stop()
	buf := []byte{'['}
	flush := func() {
		if len(buf) > 1 {
			emit(string(append(buf, ']')))
			buf = buf[:1]
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case m, ok := <-in:
			if !ok {
				flush()
				return
			}
			mark := len(buf)
			if mark > 1 {
				buf = append(buf, ',')
			}
			var err error
			if buf, err = server.AppendEnvelope(buf, &m); err != nil {
				buf = buf[:mark] // a payload that cannot be encoded is skipped
			}
			if len(buf) > feedBatchMax {
				flush()
			}
		case <-t.C:
			flush()
		}
	}
}

// FeedSnapshot is the retained live state (connection, goals,
// leaderboards…) as the /ws snapshot message; the window asks once before
// it follows EventFeed. Desktop-only: the browser gets it over /ws.
func (a *App) FeedSnapshot() (string, error) {
	if !a.waitReady() {
		return "", a.notRunning()
	}
	a.core.NoteBindingCall()
	return string(a.core.FeedSnapshot()), nil
}

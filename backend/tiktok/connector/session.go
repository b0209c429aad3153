package connector

import (
	"context"
	"math"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/normalize"
	"github.com/ltth/ltth/backend/tiktok/source"
)

// session watches one target until it is stopped, the LIVE ends or a
// final error occurs. It owns the one Normalizer of that stream.
type session struct {
	c       *Connector
	target  source.Target
	sources []source.Source
	ctx     context.Context
	cancel  context.CancelFunc
	done    chan struct{}
	pipe    *normalize.Pipeline

	mu       sync.Mutex
	cursor   string
	active   string
	cooldown map[string]time.Time // source → usable again at
	disabled map[string]bool      // source unusable until the settings change
	lastErr  map[string]*source.Error
}

func newSession(c *Connector, t source.Target, sources []source.Source) *session {
	ctx, cancel := context.WithCancel(c.baseCtx)
	n := normalize.New(normalize.Options{StreakTimeout: c.cfg.StreakTimeout})
	return &session{c: c, target: t, sources: sources, ctx: ctx, cancel: cancel, done: make(chan struct{}),
		pipe: normalize.NewPipeline(n), cooldown: map[string]time.Time{}, disabled: map[string]bool{},
		lastErr: map[string]*source.Error{}}
}

func (s *session) names() []string {
	out := make([]string, len(s.sources))
	for i, src := range s.sources {
		out[i] = src.Name()
	}
	return out
}

func (s *session) stop() {
	s.cancel()
	<-s.done
}

// run is the failover loop: try sources in the user's order, fail over on
// non-final errors, reconnect a source that was live, back off when every
// source failed, wait while the user is offline, stop on final errors.
func (s *session) run() {
	defer close(s.done)
	defer s.cancel()
	go s.tickStreaks()
	start, failed, round := 0, 0, 0
loop:
	for s.ctx.Err() == nil {
		idx, wait := s.pick(start)
		if idx < 0 && wait == 0 {
			s.flush()
			s.c.transition(s, StateError, "", string(source.CodeInvalidAPIKey),
				"No source can connect with the current settings; check the API key under Settings → Connection.")
			return
		}
		if idx < 0 {
			s.reconnecting(nil, "", "every source is cooling down", wait)
			if !s.sleep(wait) {
				break loop
			}
			start = 0
			continue
		}
		src := s.sources[idx]
		e, wasLive := s.attempt(src)
		if s.ctx.Err() != nil {
			break loop
		}
		switch {
		case e.Final():
			s.finish(src.Name(), e)
			return
		case e.Wait():
			s.markFailed(src.Name(), e)
			s.reconnecting(e, src.Name(), e.Message, s.c.cfg.NotLiveRetry)
			if !s.sleep(s.c.cfg.NotLiveRetry) {
				break loop
			}
			start, failed, round = 0, 0, 0
			continue
		}
		s.markFailed(src.Name(), e)
		if wasLive { // a live source dropped: reconnect it (it resumes from the cursor)
			failed, round = 0, 0
			d := s.backoff(0, e)
			s.reconnecting(e, src.Name(), e.Message, d)
			if !s.sleep(d) {
				break loop
			}
			start = idx
			continue
		}
		if failed++; failed < len(s.sources) {
			start = idx + 1 // fail over to the next source at once
			continue
		}
		d := s.backoff(round, e)
		failed, start = 0, 0
		round++
		name, cause, reason := s.roundCause()
		s.reconnecting(cause, name, reason, d)
		if !s.sleep(d) {
			break loop
		}
	}
	s.flush()
}

// attempt runs one source until it returns; wasLive reports whether it
// delivered the stream before failing.
func (s *session) attempt(src source.Source) (*source.Error, bool) {
	s.setActive(src.Name())
	s.c.trying(s, src.Name())
	sink := &runSink{s: s, name: src.Name()}
	err := src.Run(s.ctx, source.Target{UniqueID: s.target.UniqueID, RoomID: s.target.RoomID, Cursor: s.getCursor()}, sink)
	if sink.wasConnected() {
		reason := "stopped"
		if e := source.AsError(err); e != nil {
			reason = e.Message
		}
		s.publishEvent(&domain.Event{Type: domain.EventDisconnected, User: domain.User{UniqueID: s.target.UniqueID},
			RoomID: sink.roomID(), Reason: reason, Source: src.Name()})
	}
	if s.ctx.Err() != nil {
		return nil, sink.wasConnected()
	}
	e := source.AsError(err)
	if e == nil {
		e = source.Errorf(source.CodeNetwork, "The connection stopped.").WithSource(src.Name())
		if err != nil {
			e.Detail = err.Error()
		}
	}
	s.c.deps.Log.Info().Str("source", src.Name()).Str("code", string(e.Code)).Str("reason", e.Error()).Msg("TikTok source stopped")
	return e, sink.wasConnected()
}

// pick returns the first usable source from start on (cyclically), or -1
// and how long until one is usable again.
func (s *session) pick(start int) (int, time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.c.now()
	var soonest time.Duration = -1
	for k := range s.sources {
		i := (start + k) % len(s.sources)
		name := s.sources[i].Name()
		if s.disabled[name] {
			continue
		}
		if until, ok := s.cooldown[name]; ok && until.After(now) {
			if d := until.Sub(now); soonest < 0 || d < soonest {
				soonest = d
			}
			continue
		}
		return i, 0
	}
	if soonest < 0 { // everything is disabled until the settings change
		return -1, 0
	}
	return -1, soonest
}

func (s *session) markFailed(name string, e *source.Error) {
	s.mu.Lock()
	if e.RetryAfter > 0 {
		s.cooldown[name] = s.c.now().Add(e.RetryAfter)
	}
	if e.Code == source.CodeInvalidAPIKey {
		s.disabled[name] = true
	}
	s.lastErr[name] = e
	s.mu.Unlock()
	s.c.sourceFailed(s, name, e)
}

// backoff is min·2^round capped at max, ±20 % jitter, and never shorter
// than what the server asked for.
func (s *session) backoff(round int, e *source.Error) time.Duration {
	cfg := s.c.cfg
	d := float64(cfg.BackoffMin) * math.Pow(2, float64(min(round, 20)))
	d = math.Min(d, float64(cfg.BackoffMax))
	d *= 0.8 + 0.4*s.c.deps.Jitter()
	if e != nil && float64(e.RetryAfter) > d {
		d = float64(e.RetryAfter)
	}
	return time.Duration(d)
}

func (s *session) sleep(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-s.ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

func (s *session) reconnecting(e *source.Error, name, reason string, wait time.Duration) {
	code := ""
	if e != nil {
		code = string(e.Code)
	}
	if wait > 0 {
		reason += " (next try in " + wait.Round(time.Second/10).String() + ")"
	}
	s.c.transition(s, StateReconnecting, name, code, reason)
}

// finish handles the end of the session: stream over or a final error.
func (s *session) finish(name string, e *source.Error) {
	s.flush()
	if e.Code == source.CodeStreamEnded {
		s.c.transition(s, StateDisconnected, name, string(e.Code), e.Message)
		return
	}
	s.c.sourceFailed(s, name, e)
	s.c.transition(s, StateError, name, string(e.Code), e.Message)
}

// flush commits open streaks (stream over or connection stopped).
func (s *session) flush() {
	evs := s.pipe.Normalizer().FlushAll()
	s.emit(s.activeName(), evs)
}

func (s *session) tickStreaks() {
	t := time.NewTicker(s.c.cfg.StreakTick)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case now := <-t.C:
			s.emit(s.activeName(), s.pipe.Normalizer().Tick(now))
		}
	}
}

func (s *session) setActive(name string) {
	s.mu.Lock()
	s.active = name
	s.mu.Unlock()
}

func (s *session) activeName() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.active
}

func (s *session) setCursor(c string) {
	s.mu.Lock()
	s.cursor = c
	s.mu.Unlock()
}

func (s *session) getCursor() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cursor
}

// emit publishes events, tagging them with the source; it reports whether
// one of them ends the stream.
func (s *session) emit(name string, evs []domain.Event) bool {
	ended := false
	for i := range evs {
		e := evs[i]
		if e.Source == "" {
			e.Source = name
		}
		ended = ended || e.Type == domain.EventStreamEnd
		s.publishEvent(&e)
	}
	return ended
}

func (s *session) publishEvent(e *domain.Event) {
	if s.c.deps.Bus != nil {
		s.c.deps.Bus.PublishEvent(e)
	}
}

package obs

import (
	"context"
	"math/rand/v2"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/events/subscriptions"
	"github.com/gorilla/websocket"
)

// subscribed are the event categories the bridge listens to. Volume meters
// and other high-rate categories stay off (they also make goobs v1.5.6's
// disconnect race likelier).
const subscribed = subscriptions.Scenes | subscriptions.SceneItems | subscriptions.Filters |
	subscriptions.Outputs | subscriptions.Inputs

// session is one live connection: the goobs client and the raw socket
// under it.
type session struct {
	client *goobs.Client
	mu     sync.Mutex
	raw    net.Conn
}

// dial connects and authenticates. The raw socket is kept so close can cut
// it without goobs's Disconnect racing its own event goroutines.
func (m *Module) dial(ctx context.Context, s Settings) (*session, error) {
	ses := &session{}
	timeout := m.opts.ResponseTimeout
	d := &websocket.Dialer{HandshakeTimeout: timeout,
		NetDialContext: func(dctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{Timeout: timeout}).DialContext(ctx, network, addr)
			if err == nil {
				ses.mu.Lock()
				ses.raw = c
				ses.mu.Unlock()
			}
			return c, err
		}}
	c, err := goobs.New(s.Addr(), goobs.WithPassword(s.Password), goobs.WithDialer(d),
		goobs.WithEventSubscriptions(subscribed),
		goobs.WithResponseTimeout(time.Duration(timeout.Milliseconds())))
	if err != nil {
		ses.close()
		return nil, err
	}
	ses.client = c
	return ses, nil
}

// close cuts the socket first (goobs's reader then stops without touching
// its channels), lets goobs's event goroutine go quiet, and only then runs
// Disconnect, which closes those channels. goobs v1.5.6 panics when
// Disconnect races an arriving event.
func (s *session) close() {
	s.mu.Lock()
	raw := s.raw
	s.mu.Unlock()
	if raw != nil {
		_ = raw.Close()
	}
	if s.client != nil {
		time.Sleep(150 * time.Millisecond)
		_ = s.client.Disconnect()
	}
}

// reason turns a connection error into a sentence for the dashboard.
func reason(addr string, err error) (code, text string) {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "4009") || strings.Contains(msg, "Authentication failed"):
		return ReasonPassword, "OBS refused the password (wrong password; check Tools → WebSocket Server Settings in OBS)"
	case strings.Contains(msg, "connection refused"):
		return ReasonRefused, "OBS is not running or its WebSocket server is off at " + addr + " (connection refused)"
	case strings.Contains(msg, "timeout"):
		return ReasonTimeout, "OBS at " + addr + " did not answer in time: " + msg
	}
	return "", msg
}

// connectLoop connects, pumps events until the connection ends, and
// reconnects with exponential backoff and jitter.
func (m *Module) connectLoop(ctx context.Context) {
	backoff := m.opts.MinBackoff
	attempts := 0
	for ctx.Err() == nil {
		s := m.Settings()
		if !s.Enabled {
			m.setStatus(Status{State: StateDisabled, Addr: s.Addr(), Reason: "the OBS connection is turned off", Code: ReasonOff})
			m.wait(ctx, -1)
			continue
		}
		prev := m.Status()
		m.setStatus(Status{State: StateConnecting, Addr: s.Addr(), Attempts: attempts, Reason: prev.Reason, Code: prev.Code})
		ses, err := m.dial(ctx, s)
		if err != nil {
			attempts++
			delay := jitter(backoff)
			code, why := reason(s.Addr(), err)
			m.setStatus(Status{State: StateError, Addr: s.Addr(), Reason: why, Code: code,
				Attempts: attempts, NextRetry: time.Now().Add(delay).UnixMilli()})
			m.wait(ctx, delay)
			backoff = min(backoff*2, m.opts.MaxBackoff)
			continue
		}
		backoff, attempts = m.opts.MinBackoff, 0
		lost := m.serve(ctx, ses, s)
		if lost {
			attempts = 1
			m.wait(ctx, jitter(m.opts.MinBackoff))
		}
	}
}

// wait sleeps d (forever when d < 0) or until the settings change or ctx
// ends.
func (m *Module) wait(ctx context.Context, d time.Duration) {
	var tc <-chan time.Time
	if d >= 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		tc = t.C
	}
	select {
	case <-ctx.Done():
	case <-m.reconf:
	case <-tc:
	}
}

// jitter spreads d by ±25%.
func jitter(d time.Duration) time.Duration {
	return d*3/4 + time.Duration(rand.Int64N(int64(d)/2+1))
}

// serve runs one connection; it reports whether OBS went away (rather than
// the module stopping or the settings changing).
func (m *Module) serve(ctx context.Context, ses *session, s Settings) (lost bool) {
	version := ""
	if v, err := ses.client.General.GetVersion(); err == nil {
		version = v.ObsVersion
	}
	m.mu.Lock()
	m.client = ses.client
	m.mu.Unlock()
	m.setStatus(Status{Connected: true, State: StateConnected, Addr: s.Addr(), OBSVersion: version})
	m.publish(TypeConnection, "", ConnectionChange{Connected: true})
	// A refresh queued on an earlier connection may never have run (the
	// worker drops jobs while there is no client): it must not block this one.
	m.refresh.Store(false)
	m.requestRefresh()
	m.syncOverlays()
	defer func() {
		code, why := ReasonLost, "connection to OBS lost"
		if !lost {
			code, why = ReasonClosed, "disconnected"
		}
		m.mu.Lock()
		m.client = nil
		m.mu.Unlock()
		m.setStatus(Status{State: StateConnecting, Addr: s.Addr(), Reason: why, Code: code})
		m.publish(TypeConnection, "", ConnectionChange{Connected: false, Reason: why})
		ses.close()
	}()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-m.reconf:
			return false
		case ev, ok := <-ses.client.IncomingEvents:
			if !ok {
				return true
			}
			m.onEvent(ev)
		}
	}
}

// setStatus stores and publishes st.
func (m *Module) setStatus(st Status) {
	m.mu.Lock()
	changed := m.status != st
	m.status = st
	m.mu.Unlock()
	if changed {
		m.publish(TypeStatus, KeyStatus, st)
	}
}

// Package osc is LTTH's OSC bridge (VRChat and other OSC apps): it sends
// typed messages to a target over UDP (with a pulse mode and a rate
// limit), reads incoming packets in its own loop (in order, skipping bad
// packets) and publishes them on the bus for the osc.received trigger.
package osc

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hypebeast/go-osc/osc"
	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// ErrOff is the kind of the error for sends while the bridge is off.
var ErrOff = httpapi.NewError(httpapi.ErrUnavailable, "OSC is turned off")

// ErrRateLimited is returned when a send exceeds the rate limit.
var ErrRateLimited = httpapi.NewError(httpapi.ErrUnavailable, "OSC rate limit reached; message dropped")

// Options tune the module; the zero value is usable.
type Options struct {
	Log zerolog.Logger
}

// Status is the bridge's state for the dashboard.
type Status struct {
	Enabled    bool   `json:"enabled"`
	Listening  bool   `json:"listening"`
	ListenPort int    `json:"listenPort"`
	Target     string `json:"target"`
	Reason     string `json:"reason,omitempty"`
	Sent       uint64 `json:"sent"`
	Received   uint64 `json:"received"`
	Dropped    uint64 `json:"dropped"`
}

// Module is the OSC bridge.
type Module struct {
	bus *bus.Bus
	st  SettingsStore
	log zerolog.Logger

	mu       sync.Mutex
	settings Settings
	status   Status
	out      *net.UDPConn
	in       net.PacketConn
	tokens   float64
	refilled time.Time
	journal  ring

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	sub    *bus.Subscription
}

var _ module.Module = (*Module)(nil)

// New returns the module; st holds its settings (*store.DB satisfies it).
func New(b *bus.Bus, st SettingsStore, opts Options) *Module {
	return &Module{bus: b, st: st, log: opts.Log, journal: ring{max: 200}}
}

// ID implements module.Module.
func (m *Module) ID() string { return "osc" }

// Start loads the settings and opens the sockets when enabled.
func (m *Module) Start(ctx context.Context) error {
	s, err := loadSettings(m.st)
	if err != nil {
		return fmt.Errorf("osc settings: %w", err)
	}
	m.ctx, m.cancel = context.WithCancel(context.Background())
	m.sub = m.bus.Subscribe("osc", 1024, IsSend)
	m.wg.Add(1)
	go func() { defer m.wg.Done(); m.sends(m.ctx) }()
	m.apply(s)
	return nil
}

// Stop closes the sockets and waits for the loops.
func (m *Module) Stop(ctx context.Context) error {
	if m.cancel == nil {
		return nil
	}
	m.cancel()
	m.sub.Close()
	m.mu.Lock()
	m.closeLocked()
	m.mu.Unlock()
	if err := module.Wait(ctx, &m.wg); err != nil {
		return fmt.Errorf("osc: stop timed out: %w", err)
	}
	return nil
}

func (m *Module) closeLocked() {
	if m.out != nil {
		m.out.Close()
		m.out = nil
	}
	if m.in != nil {
		m.in.Close()
		m.in = nil
	}
}

// Settings returns the current settings.
func (m *Module) Settings() Settings {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.settings
}

// SetSettings checks, stores and applies s.
func (m *Module) SetSettings(s Settings) error {
	if s.RateLimit == 0 {
		s.RateLimit = 100
	}
	if err := s.check(); err != nil {
		return err
	}
	if err := saveSettings(m.st, s); err != nil {
		return err
	}
	m.apply(s)
	return nil
}

// Status returns the bridge's status.
func (m *Module) Status() Status {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.status
}

// apply reopens the sockets for s.
func (m *Module) apply(s Settings) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closeLocked()
	m.settings = s
	st := Status{Enabled: s.Enabled, Target: net.JoinHostPort(s.TargetHost, strconv.Itoa(s.TargetPort)),
		Sent: m.status.Sent, Received: m.status.Received, Dropped: m.status.Dropped}
	m.tokens, m.refilled = float64(s.RateLimit), time.Now()
	if s.Enabled {
		st.Reason = m.openLocked(s, &st)
	} else {
		st.Reason = "OSC is turned off"
	}
	m.status = st
	m.bus.Publish(domain.Message{Type: TypeStatus, Key: KeyStatus, Data: st})
}

// openLocked opens the sender and the listener; it returns a problem, or "".
func (m *Module) openLocked(s Settings, st *Status) string {
	raddr, err := net.ResolveUDPAddr("udp", st.Target)
	if err != nil {
		return "target: " + err.Error()
	}
	if m.out, err = net.DialUDP("udp", nil, raddr); err != nil {
		return "target: " + err.Error()
	}
	if s.ListenPort == 0 {
		return ""
	}
	in, err := net.ListenPacket("udp", net.JoinHostPort("127.0.0.1", strconv.Itoa(s.ListenPort)))
	if err != nil {
		return fmt.Sprintf("cannot listen on UDP port %d (is another OSC app using it?): %v", s.ListenPort, err)
	}
	m.in = in
	st.Listening, st.ListenPort = true, in.LocalAddr().(*net.UDPAddr).Port
	m.wg.Add(1)
	go func() { defer m.wg.Done(); m.readLoop(in) }()
	return ""
}

// allowLocked takes one token of the rate limit.
func (m *Module) allowLocked(now time.Time) bool {
	limit := float64(m.settings.RateLimit)
	m.tokens = min(limit, m.tokens+now.Sub(m.refilled).Seconds()*limit)
	m.refilled = now
	if m.tokens < 1 {
		return false
	}
	m.tokens--
	return true
}

// Send sends one message (and its pulse reset, if any).
func (m *Module) Send(s Send) error {
	if err := CheckAddress(s.Address); err != nil {
		return err
	}
	vals := make([]any, len(s.Args))
	for i, a := range s.Args {
		v, err := goValue(a)
		if err != nil {
			return err
		}
		vals[i] = v
	}
	if err := m.write(s.Address, vals); err != nil {
		return err
	}
	if s.PulseMs > 0 {
		reset := make([]any, len(vals))
		for i, v := range vals {
			reset[i] = resetValue(v)
		}
		m.wg.Add(1)
		go func() {
			defer m.wg.Done()
			t := time.NewTimer(time.Duration(s.PulseMs) * time.Millisecond)
			defer t.Stop()
			select {
			case <-m.ctx.Done():
			case <-t.C:
				if err := m.write(s.Address, reset); err != nil {
					m.log.Warn().Err(err).Str("address", s.Address).Msg("osc: pulse reset failed")
				}
			}
		}()
	}
	return nil
}

// write encodes and sends one message.
func (m *Module) write(addr string, vals []any) error {
	msg := osc.NewMessage(addr, vals...)
	b, err := msg.MarshalBinary()
	if err != nil {
		return invalid("OSC message: %v", err)
	}
	tags, _ := msg.TypeTags()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.out == nil {
		if m.settings.Enabled {
			return fmt.Errorf("%w: %s", ErrOff, m.status.Reason)
		}
		return ErrOff
	}
	if !m.allowLocked(time.Now()) {
		m.status.Dropped++
		return ErrRateLimited
	}
	if _, err := m.out.Write(b); err != nil {
		return fmt.Errorf("sending OSC to %s: %w", m.status.Target, err)
	}
	m.status.Sent++
	m.journal.add(Entry{TS: time.Now().UnixMilli(), Dir: "out", Address: addr, Types: trimComma(tags), Args: vals})
	return nil
}

func trimComma(t string) string {
	if len(t) > 0 && t[0] == ',' {
		return t[1:]
	}
	return t
}

// readLoop reads packets in order until the socket closes; packets that do
// not parse are skipped.
func (m *Module) readLoop(conn net.PacketConn) {
	buf := make([]byte, 65535)
	for {
		n, from, err := conn.ReadFrom(buf)
		if err != nil {
			return
		}
		p, err := osc.ParsePacket(string(buf[:n]))
		if err != nil {
			m.log.Debug().Err(err).Msg("osc: skipped a packet that does not parse")
			continue
		}
		m.deliver(p, from.String())
	}
}

// deliver publishes the messages of p (bundles recursively).
func (m *Module) deliver(p osc.Packet, from string) {
	switch v := p.(type) {
	case *osc.Message:
		tags, _ := v.TypeTags()
		r := Received{Address: v.Address, Types: trimComma(tags), Args: v.Arguments, From: from}
		m.mu.Lock()
		m.status.Received++
		m.journal.add(Entry{TS: time.Now().UnixMilli(), Dir: "in", Address: r.Address, Types: r.Types, Args: r.Args})
		m.mu.Unlock()
		m.bus.Publish(domain.Message{Type: TypeReceived, Data: r})
	case *osc.Bundle:
		for _, msg := range v.Messages {
			m.deliver(msg, from)
		}
		for _, b := range v.Bundles {
			m.deliver(b, from)
		}
	}
}

// sends runs the TypeSend messages from the bus.
func (m *Module) sends(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case msg, ok := <-m.sub.C():
			if !ok {
				return
			}
			s, err := DecodeSend(msg.Data)
			if err == nil {
				err = m.Send(s)
			}
			if err != nil {
				m.log.Debug().Err(err).Msg("osc send from the bus refused")
			}
		}
	}
}

// IsSend accepts TypeSend messages, also as a plugin event
// ("plugin:<id>:oscSend", what a plugin's Host.Publish(TypeSend, s) emits).
func IsSend(msg *domain.Message) bool {
	return msg.Type == TypeSend || strings.HasPrefix(msg.Type, "plugin:") && strings.HasSuffix(msg.Type, ":"+TypeSend)
}

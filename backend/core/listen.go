package core

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"sync"

	"github.com/ltth/ltth/backend/appconfig"
)

// ListenStatus says whether the overlay/API listener is bound; while it
// is not (the desktop app started with its port busy) it says why and,
// when the OS can tell, which program holds the port.
type ListenStatus struct {
	Listening bool   `json:"listening"`
	URL       string `json:"url"`  // the listener's base URL (the one asked for while not listening)
	Port      int    `json:"port"` // the port in use or asked for
	Error     string `json:"error,omitempty"`
	Holder    string `json:"holder,omitempty"` // "name (pid N)" holding the port, when known
}

// unbound is the desktop's not-listening state: Start's context (the
// listener's lifetime) and why the bind failed.
type unbound struct {
	mu     sync.Mutex
	ctx    context.Context
	err    error
	holder string
}

// keepUnbound decides whether Start goes on without the listener: only
// the desktop app does (its window offers another port); headless mode
// has no window, so it fails with the error naming --listen.
func (c *Core) keepUnbound(ctx context.Context, err error) bool {
	if c.opts.Headless {
		return false
	}
	c.unbound.mu.Lock()
	defer c.unbound.mu.Unlock()
	c.unbound.ctx, c.unbound.err, c.unbound.holder = ctx, err, ""
	var busy *appconfig.PortBusyError
	if errors.As(appconfig.CheckPortFree(c.srv.Addr()), &busy) {
		c.unbound.err, c.unbound.holder = busy, busy.Process
	}
	c.log.Warn().Err(c.unbound.err).Msg("the listener could not start; the window offers another port")
	return true
}

// ListenStatus reports the listener's state.
func (c *Core) ListenStatus() ListenStatus {
	st := ListenStatus{Listening: c.srv.Listening(), URL: c.URL(), Port: c.port()}
	if st.Listening {
		return st
	}
	c.unbound.mu.Lock()
	defer c.unbound.mu.Unlock()
	st.Holder = c.unbound.holder
	if c.unbound.err != nil {
		st.Error = c.unbound.err.Error()
	} else {
		st.Error = "the listener is not running"
	}
	return st
}

func (c *Core) port() int {
	_, p, _ := net.SplitHostPort(c.srv.Addr())
	n, _ := strconv.Atoi(p)
	return n
}

// SuggestPort is a free port to offer instead of the busy one: the first
// free one of the next hundred, else one the OS picks.
func (c *Core) SuggestPort() int {
	host, _, _ := net.SplitHostPort(c.srv.Addr())
	from := c.port()
	for p := from + 1; p <= from+100 && p <= 65535; p++ {
		if appconfig.CheckPortFree(net.JoinHostPort(host, strconv.Itoa(p))) == nil {
			return p
		}
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return 0
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// RetryListen binds the address asked for again (the other program was
// closed).
func (c *Core) RetryListen() (ListenStatus, error) {
	return c.bindUnbound(c.port(), false)
}

// ChoosePort binds port on the listener's host and saves it in the app
// settings. With the listener already running it is an ordinary port
// change (the listener moves).
func (c *Core) ChoosePort(port int) (ListenStatus, error) {
	if c.srv.Listening() {
		cfg := c.app.store.Get()
		cfg.Port = port
		if err := cfg.Validate(); err != nil {
			return c.ListenStatus(), err
		}
		err := c.ApplyAppSettings(cfg)
		return c.ListenStatus(), err
	}
	return c.bindUnbound(port, true)
}

// bindUnbound starts the listener the desktop left unbound on port;
// save also stores the port in the app settings. OBS overlay sources
// follow the new address.
func (c *Core) bindUnbound(port int, save bool) (ListenStatus, error) {
	if port < 1 || port > 65535 {
		return c.ListenStatus(), fmt.Errorf("port %d: use a number from 1 to 65535", port)
	}
	c.app.mu.Lock()
	defer c.app.mu.Unlock()
	c.unbound.mu.Lock()
	ctx := c.unbound.ctx
	c.unbound.mu.Unlock()
	if ctx == nil {
		return c.ListenStatus(), errors.New("LTTH has not started yet")
	}
	host, _, _ := net.SplitHostPort(c.srv.Addr())
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	if err := c.srv.StartAt(ctx, addr, c.opts.AllowLAN, appconfig.Listen); err != nil {
		if !save { // the status keeps describing the port asked for
			c.noteUnbound(err)
		}
		return c.ListenStatus(), err
	}
	c.opts.Listen = addr
	c.log.Info().Str("url", c.URL()).Msg("listener started")
	c.followListener()
	if !save {
		return c.ListenStatus(), nil
	}
	cfg := c.app.store.Get()
	cfg.Port = port
	if err := c.app.store.Save(cfg); err != nil {
		return c.ListenStatus(), fmt.Errorf("listening on port %d, but saving it in the settings failed: %w", port, err)
	}
	return c.ListenStatus(), nil
}

func (c *Core) noteUnbound(err error) {
	c.unbound.mu.Lock()
	defer c.unbound.mu.Unlock()
	c.unbound.err, c.unbound.holder = err, ""
	var busy *appconfig.PortBusyError
	if errors.As(err, &busy) {
		c.unbound.holder = busy.Process
	}
}

// followListener points OBS overlay sources at the listener's address.
func (c *Core) followListener() {
	c.mu.Lock()
	s := c.scope
	c.mu.Unlock()
	if s != nil && s.obs != nil {
		s.obs.FollowListener()
	}
}

package server

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"
)

// newHTTP builds the http.Server for one listener; request contexts
// derive from ctx (Start's) without its cancellation.
func (s *Server) newHTTP(ctx context.Context) *http.Server {
	s.mu.Lock()
	s.baseCtx = ctx
	s.mu.Unlock()
	return &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(s.log, "", 0),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
}

// bindConfig is the live address and LAN opt-in (Relisten changes them).
func (s *Server) bindConfig() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cfg.Addr, s.cfg.AllowLAN
}

// SetToken replaces the desktop token: the old one is refused from the
// next request on.
func (s *Server) SetToken(tok string) {
	b := []byte(tok)
	s.token.Store(&b)
}

// Relisten moves the running listener to addr without a restart. listen
// binds the new address (nil: net.Listen); when it fails nothing changes
// and its error is returned as is. Requests in flight on the old listener
// finish; websocket clients stay connected. Moving between 127.0.0.1 and
// 0.0.0.0 on the same port frees the old socket first and binds it again
// if the new one cannot be had.
func (s *Server) Relisten(addr string, allowLAN bool, listen func(string) (net.Listener, error)) error {
	if err := checkBind(addr, allowLAN); err != nil {
		return err
	}
	if listen == nil {
		listen = func(a string) (net.Listener, error) { return net.Listen("tcp", a) }
	}
	s.relisten.Lock()
	defer s.relisten.Unlock()
	s.mu.Lock()
	oldLn, oldSrv, ctx := s.ln, s.http, s.baseCtx
	running := oldSrv != nil && !s.shutdown
	s.mu.Unlock()
	if !running {
		return errors.New("the listener is not running")
	}
	ln, err := listen(addr)
	if err != nil && samePort(oldLn.Addr(), addr) {
		oldLn.Close()
		if ln, err = listen(addr); err != nil {
			return s.rebind(ctx, oldLn.Addr().String(), oldSrv, err)
		}
	}
	if err != nil {
		return err
	}
	srv := s.newHTTP(ctx)
	s.mu.Lock()
	if s.shutdown {
		s.mu.Unlock()
		ln.Close()
		return errors.New("the listener is shutting down")
	}
	s.http, s.ln = srv, ln
	s.cfg.Addr, s.cfg.AllowLAN = addr, allowLAN
	s.mu.Unlock()
	go s.serve(srv, ln)
	go s.retire(oldSrv)
	s.log.Info().Str("addr", ln.Addr().String()).Str("was", oldLn.Addr().String()).Msg("listener moved")
	return nil
}

// rebind puts the listener back on its old address after a failed move.
func (s *Server) rebind(ctx context.Context, old string, oldSrv *http.Server, cause error) error {
	back, err := net.Listen("tcp", old)
	if err != nil {
		s.log.Error().Err(err).Str("addr", old).Msg("listener lost: the old address could not be bound again")
		return fmt.Errorf("%w (and the old address %s could not be bound again: %v)", cause, old, err)
	}
	srv := s.newHTTP(ctx)
	s.mu.Lock()
	s.http, s.ln = srv, back
	s.mu.Unlock()
	go s.serve(srv, back)
	go s.retire(oldSrv)
	return cause
}

// retire lets the old server finish its requests in flight.
func (s *Server) retire(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
}

func samePort(old net.Addr, addr string) bool {
	_, p, err := net.SplitHostPort(addr)
	ta, ok := old.(*net.TCPAddr)
	return err == nil && ok && p == fmt.Sprint(ta.Port)
}

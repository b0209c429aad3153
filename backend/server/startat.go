package server

import (
	"context"
	"errors"
	"net"
)

// StartAt starts a server whose Start failed (the desktop app keeps
// running when its port is busy) on another address: listen binds addr
// (nil: net.Listen) and its error comes back as is, changing nothing.
func (s *Server) StartAt(ctx context.Context, addr string, allowLAN bool, listen func(string) (net.Listener, error)) error {
	if err := checkBind(addr, allowLAN); err != nil {
		return err
	}
	if listen == nil {
		listen = func(a string) (net.Listener, error) { return net.Listen("tcp", a) }
	}
	s.relisten.Lock()
	defer s.relisten.Unlock()
	if s.Listening() {
		return errors.New("server: already listening")
	}
	ln, err := listen(addr)
	if err != nil {
		return err
	}
	return s.begin(ctx, ln, addr, allowLAN)
}

// Listening reports whether the server is bound and serving.
func (s *Server) Listening() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.http != nil && !s.shutdown
}

// begin serves on ln, bound to addr; ctx ends the server.
func (s *Server) begin(ctx context.Context, ln net.Listener, addr string, allowLAN bool) error {
	srv := s.newHTTP(ctx)
	s.mu.Lock()
	if s.shutdown || s.http != nil {
		s.mu.Unlock()
		ln.Close()
		return errors.New("server: already started or shut down")
	}
	s.http, s.ln = srv, ln
	s.cfg.Addr, s.cfg.AllowLAN = addr, allowLAN
	s.mu.Unlock()
	s.hub.start()
	go s.serve(srv, ln)
	go s.shutdownOnDone(ctx)
	s.log.Info().Str("addr", ln.Addr().String()).Msg("listening")
	return nil
}

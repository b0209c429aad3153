package server

import (
	"bytes"
	"context"
	"net/http"
	"strings"
)

// GetInternal answers GET path (an /api/ route with its query) through the
// listener's own routes in process, for the composition root's callers (the
// desktop's bound field-options lookup): nothing crosses a socket, so there
// is no Host or Origin to check, and the call carries the app's own token.
// It answers the status and body.
func (s *Server) GetInternal(ctx context.Context, path string) (int, []byte) {
	if !strings.HasPrefix(path, "/api/") || strings.Contains(path, "..") {
		return http.StatusBadRequest, []byte(`{"error":"not an API path","code":"invalid"}`)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://internal"+path, nil)
	if err != nil {
		return http.StatusBadRequest, []byte(`{"error":"bad path","code":"invalid"}`)
	}
	req.Header.Set("Authorization", "Bearer "+s.Token()) // the route's own token check
	w := &recorder{status: http.StatusOK, h: http.Header{}}
	s.mux.ServeHTTP(w, req)
	return w.status, w.body.Bytes()
}

// recorder is the in-process response of GetInternal.
type recorder struct {
	status int
	h      http.Header
	body   bytes.Buffer
	wrote  bool
}

func (r *recorder) Header() http.Header { return r.h }

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.body.Write(b)
}

package connector

import (
	"bytes"
	"context"
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// Routes implements module.RouteProvider.
func (c *Connector) Routes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/connection", Handler: http.HandlerFunc(c.handleStatus)},
		{Pattern: "POST /api/connection/connect", Handler: http.HandlerFunc(c.handleConnect)},
		{Pattern: "POST /api/connection/disconnect", Handler: http.HandlerFunc(c.handleDisconnect)},
		{Pattern: "GET /api/connection/settings", Handler: http.HandlerFunc(c.handleGetSettings)},
		{Pattern: "PUT /api/connection/settings", Handler: http.HandlerFunc(c.handlePutSettings)},
		{Pattern: "POST /api/connection/record", Handler: http.HandlerFunc(c.handleRecord)},
		{Pattern: "POST /api/replay", Handler: http.HandlerFunc(c.handleReplay)},
		{Pattern: "POST /api/connection/browser-path/confirm", Handler: http.HandlerFunc(c.handleConfirmBrowserPath)},
		{Pattern: "POST /api/replay/stop", Handler: http.HandlerFunc(c.handleStopReplay)},
		{Pattern: "GET /api/captures", Handler: http.HandlerFunc(c.handleListCaptures)},
		{Pattern: "POST /api/captures", Handler: http.HandlerFunc(c.handleUploadCapture), MaxBody: httpapi.MaxUploadBytes},
	}
}

// The handlers only decode the request and encode the answer: the service
// (svc.go) holds the logic both transports share.

func (c *Connector) handleStatus(w http.ResponseWriter, r *http.Request) {
	st, err := c.Service().Status(r.Context())
	httpapi.Reply(w, http.StatusOK, st, err)
}

func (c *Connector) handleConnect(w http.ResponseWriter, r *http.Request) {
	var req ConnectRequest
	if err := readJSON(r, &req, true); err != nil {
		httpapi.WriteError(w, kinded(err, httpapi.ErrInvalid))
		return
	}
	st, err := c.Service().Connect(r.Context(), req)
	httpapi.Reply(w, http.StatusAccepted, st, err)
}

func (c *Connector) handleDisconnect(w http.ResponseWriter, r *http.Request) {
	st, err := c.Service().Disconnect(r.Context())
	httpapi.Reply(w, http.StatusOK, st, err)
}

func (c *Connector) handleGetSettings(w http.ResponseWriter, r *http.Request) {
	v, err := c.Service().Settings(r.Context())
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (c *Connector) handlePutSettings(w http.ResponseWriter, r *http.Request) {
	var p SettingsPatch
	if err := readJSON(r, &p, false); err != nil {
		httpapi.WriteError(w, kinded(err, httpapi.ErrInvalid))
		return
	}
	v, err := c.Service().UpdateSettings(r.Context(), p)
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (c *Connector) handleRecord(w http.ResponseWriter, r *http.Request) {
	var req RecordRequest
	if err := readJSON(r, &req, false); err != nil {
		httpapi.WriteError(w, errRecordBody)
		return
	}
	rec, err := c.Service().Record(r.Context(), req)
	httpapi.Reply(w, http.StatusOK, rec, err)
}

func (c *Connector) handleReplay(w http.ResponseWriter, r *http.Request) {
	var req ReplayRequest
	if err := readJSON(r, &req, false); err != nil {
		httpapi.WriteError(w, kinded(err, httpapi.ErrInvalid))
		return
	}
	res, err := c.Service().StartReplay(r.Context(), req)
	httpapi.Reply(w, http.StatusAccepted, res, err)
}

// readJSON decodes exactly one JSON value with no unknown fields and
// nothing after it (an empty body is allowed when allowEmpty).
func readJSON(r *http.Request, v any, allowEmpty bool) error {
	b, err := httpapi.ReadBody(r)
	if err != nil {
		return err
	}
	if allowEmpty && len(bytes.TrimSpace(b)) == 0 {
		return nil
	}
	return httpapi.Strict(b, v)
}

// Settings returns the current settings (secrets included: do not log).
func (c *Connector) Settings() Settings {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.settings
	s.Sources = append([]string(nil), s.Sources...)
	return s
}

// UpdateSettings applies a patch, saves it, and reconnects a running
// connection so the change takes effect.
func (c *Connector) UpdateSettings(ctx context.Context, p SettingsPatch) (Settings, error) {
	c.mu.Lock()
	s, err := p.apply(c.settings)
	if err != nil {
		c.mu.Unlock()
		return c.settings, err
	}
	if err := saveSettings(c.deps.Settings, s); err != nil {
		c.mu.Unlock()
		return c.settings, err
	}
	c.settings = s
	running := c.session != nil && c.status.State != StateDisconnected && c.status.State != StateError
	c.mu.Unlock()
	if running && s.Target != "" {
		return s, c.Connect(ctx, s.Target)
	}
	return s, nil
}

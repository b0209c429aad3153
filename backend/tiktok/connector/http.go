package connector

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/tiktok/source"
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

func (c *Connector) handleStatus(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, c.Status())
}

func (c *Connector) handleConnect(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Target string `json:"target"`
	}
	if err := readJSON(r, &body, true); err != nil {
		writeSourceError(w, http.StatusBadRequest, err)
		return
	}
	if err := c.Connect(r.Context(), body.Target); err != nil {
		writeSourceError(w, http.StatusBadRequest, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusAccepted, c.Status())
}

func (c *Connector) handleDisconnect(w http.ResponseWriter, r *http.Request) {
	if err := c.Disconnect(r.Context()); err != nil {
		writeSourceError(w, http.StatusServiceUnavailable, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, c.Status())
}

func (c *Connector) handleGetSettings(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, c.Settings().view())
}

func (c *Connector) handlePutSettings(w http.ResponseWriter, r *http.Request) {
	var p SettingsPatch
	if err := readJSON(r, &p, false); err != nil {
		writeSourceError(w, http.StatusBadRequest, err)
		return
	}
	s, err := c.UpdateSettings(r.Context(), p)
	if err != nil {
		writeSourceError(w, http.StatusBadRequest, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, s.view())
}

func (c *Connector) handleRecord(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Enabled *bool `json:"enabled"`
	}
	if err := readJSON(r, &body, false); err != nil || body.Enabled == nil {
		writeSourceError(w, http.StatusBadRequest, errors.New(`body must be {"enabled": true|false}`))
		return
	}
	if err := c.SetRecording(*body.Enabled); err != nil {
		writeSourceError(w, http.StatusInternalServerError, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, c.Status().Recording)
}

// speed accepts 1, 4 (any positive number) or "max".
type speed float64

func (s *speed) UnmarshalJSON(b []byte) error {
	str := strings.Trim(string(b), `"`)
	if str == "max" {
		*s = 0
		return nil
	}
	f, err := strconv.ParseFloat(str, 64)
	if err != nil || f <= 0 || f > 1000 {
		return fmt.Errorf(`speed must be a positive number or "max"`)
	}
	*s = speed(f)
	return nil
}

func (c *Connector) handleReplay(w http.ResponseWriter, r *http.Request) {
	body := struct {
		Name  string `json:"name"` // a capture in <data-dir>/captures
		Path  string `json:"path"` // the same (older clients), or its full path
		Speed speed  `json:"speed"`
	}{Speed: 1}
	if err := readJSON(r, &body, false); err != nil {
		writeSourceError(w, http.StatusBadRequest, err)
		return
	}
	if body.Name == "" {
		body.Name = body.Path
	}
	if body.Name == "" {
		writeSourceError(w, http.StatusBadRequest, errors.New(`"name" (a capture from GET /api/captures) is required`))
		return
	}
	if err := c.StartReplay(body.Name, float64(body.Speed)); err != nil {
		writeSourceError(w, http.StatusBadRequest, err)
		return
	}
	name := c.Status().Replaying
	httpapi.WriteJSON(w, http.StatusAccepted, map[string]any{"status": "started", "name": name, "path": name, "speed": float64(body.Speed)})
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

// writeSourceError answers {"error": message, "code": code}; source errors keep
// their stable code.
func writeSourceError(w http.ResponseWriter, status int, err error) {
	body := map[string]string{"error": err.Error(), "code": "bad_request"}
	if e := source.AsError(err); e != nil {
		body["error"], body["code"] = e.Message, string(e.Code)
	}
	if status == http.StatusBadRequest {
		status = httpapi.StatusOf(err) // 413 for an oversized body
	}
	body["error"] = httpapi.TrimPaths(body["error"])
	httpapi.WriteJSON(w, status, body)
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

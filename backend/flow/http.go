package flow

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// maxBody bounds request bodies.
const maxBody = 1 << 20

// The interfaces core discovers on this module.
var (
	_ module.Module        = (*Engine)(nil)
	_ module.RouteProvider = (*Engine)(nil)
)

// Routes implements module.RouteProvider. POST /api/flows/{id}/{op} serves
// run, test and enable in one pattern because separate patterns would
// conflict with POST /api/flows/webhook/{hookId} in net/http's mux.
func (e *Engine) Routes() []module.Route {
	h := func(p string, f http.HandlerFunc) module.Route { return module.Route{Pattern: p, Handler: f} }
	return []module.Route{
		h("GET /api/flows", e.handleList),
		h("GET /api/flows/export", e.handleExport),
		h("POST /api/flows/import", e.handleImport),
		h("GET /api/flows/{id}", e.handleGet),
		h("PUT /api/flows/{id}", e.handlePut),
		h("DELETE /api/flows/{id}", e.handleDelete),
		h("GET /api/flows/{id}/runs", e.handleRuns),
		h("POST /api/flows/{id}/{op}", e.handleOp),
		h("POST /api/flows/webhook/{hookId}", e.handleWebhook),
		h("GET /api/flow-registry", e.handleRegistry),
		h("GET /api/variables", e.handleVariables),
		h("PUT /api/variables", e.handlePutVariables),
	}
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("%w: reading body: %w", ErrInvalid, err)
	}
	return bytes.TrimSpace(b), nil
}

func (e *Engine) handleList(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, maskedViews(e.Flows()))
}

func (e *Engine) handleGet(w http.ResponseWriter, r *http.Request) {
	v, err := e.Get(r.PathValue("id"))
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	v.Flow = maskedFlow(v.Flow)
	httpapi.WriteJSON(w, http.StatusOK, v)
}

func (e *Engine) handlePut(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	b, err := readBody(w, r)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	f := new(Flow) // strict: a typo'd field is an error here (Import stays lenient for newer files)
	if err := httpapi.Strict(b, f); err != nil {
		httpapi.WriteError(w, fmt.Errorf("%w: %w", ErrInvalid, err))
		return
	}
	if f.ID != "" && f.ID != id {
		httpapi.WriteError(w, fmt.Errorf("%w: id %q in the body does not match the URL", ErrInvalid, f.ID))
		return
	}
	f.ID = id
	keepSecrets(f, e.stored(id))
	v, err := e.Save(f)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	v.Flow = maskedFlow(v.Flow)
	httpapi.WriteJSON(w, http.StatusOK, v)
}

func (e *Engine) handleDelete(w http.ResponseWriter, r *http.Request) {
	if err := e.Delete(r.PathValue("id")); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (e *Engine) handleRuns(w http.ResponseWriter, r *http.Request) {
	runs, err := e.Runs(r.PathValue("id"))
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, runs)
}

func (e *Engine) handleOp(w http.ResponseWriter, r *http.Request) {
	switch r.PathValue("op") {
	case "run":
		e.handleRun(w, r)
	case "test":
		e.handleTest(w, r)
	case "enable":
		e.handleEnable(w, r)
	default:
		httpapi.WriteError(w, fmt.Errorf("%w: unknown operation %q", ErrNotFound, r.PathValue("op")))
	}
}

func (e *Engine) handleEnable(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Enabled *bool `json:"enabled"`
	}
	b, err := readBody(w, r)
	if err == nil && json.Unmarshal(b, &body) != nil || err == nil && body.Enabled == nil {
		err = fmt.Errorf(`%w: body must be {"enabled": true|false}`, ErrInvalid)
	}
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	v, err := e.SetEnabled(r.PathValue("id"), *body.Enabled)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	v.Flow = maskedFlow(v.Flow)
	httpapi.WriteJSON(w, http.StatusOK, v)
}

// hasType reports whether a JSON object has a top-level "type" (a bare
// event rather than a request wrapper).
func hasType(b []byte) bool {
	var probe struct {
		Type *string `json:"type"`
	}
	return json.Unmarshal(b, &probe) == nil && probe.Type != nil
}

func (e *Engine) handleRun(w http.ResponseWriter, r *http.Request) {
	b, err := readBody(w, r)
	var req struct {
		Event json.RawMessage   `json:"event"`
		Args  map[string]string `json:"args"`
	}
	var ev *domain.Event
	switch {
	case err != nil || len(b) == 0:
	case hasType(b):
		ev, err = decodeEvent(b)
	case json.Unmarshal(b, &req) != nil:
		err = fmt.Errorf(`%w: body must be an event or {"event": {...}, "args": {...}}`, ErrInvalid)
	case len(req.Event) > 0:
		ev, err = decodeEvent(req.Event)
	}
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	res, err := e.Run(r.PathValue("id"), ev, req.Args)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusAccepted, res)
}

func decodeEvent(b []byte) (*domain.Event, error) {
	ev, err := domain.DecodeEventStrict(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return &ev, nil
}

func (e *Engine) handleTest(w http.ResponseWriter, r *http.Request) {
	b, err := readBody(w, r)
	var req TestRequest
	switch {
	case err != nil || len(b) == 0:
	case hasType(b):
		req.Event, err = decodeEvent(b)
	case json.Unmarshal(b, &req) != nil:
		err = fmt.Errorf("%w: body must be an event or a test request", ErrInvalid)
	}
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	t, err := e.Test(r.PathValue("id"), req)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, t)
}

func (e *Engine) handleImport(w http.ResponseWriter, r *http.Request) {
	b, err := readBody(w, r)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	res, err := e.Import(b)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, res)
}

func (e *Engine) handleExport(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", `attachment; filename="ltth-flows.json"`)
	b := e.Export(r.URL.Query()["id"]...)
	if r.URL.Query().Get("secrets") != "include" {
		b = maskExport(b)
	}
	_, _ = w.Write(b)
}

// handleWebhook fires the flows listening on {hookId}. A JSON object body,
// a form body and the query string all become template arguments; a body
// field "event" holding a contract event becomes the run's event.
func (e *Engine) handleWebhook(w http.ResponseWriter, r *http.Request) {
	args, ev, err := webhookArgs(w, r)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	fired := e.Webhook(r.PathValue("hookId"), args, ev)
	if len(fired) == 0 {
		httpapi.WriteError(w, fmt.Errorf("%w: no enabled flow listens on this webhook", ErrNotFound))
		return
	}
	httpapi.WriteJSON(w, http.StatusAccepted, map[string]any{"matched": len(fired), "runs": fired})
}

func webhookArgs(w http.ResponseWriter, r *http.Request) (map[string]string, *domain.Event, error) {
	args := map[string]string{}
	for k, v := range r.URL.Query() {
		args[k] = v[0]
	}
	b, err := readBody(w, r)
	if err != nil || len(b) == 0 {
		return args, nil, err
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		form, err := url.ParseQuery(string(b))
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrInvalid, err)
		}
		for k, v := range form {
			args[k] = v[0]
		}
		return args, nil, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return nil, nil, fmt.Errorf("%w: body must be a JSON object", ErrInvalid)
	}
	var ev *domain.Event
	if raw, ok := obj["event"]; ok && hasType(raw) {
		if ev, err = decodeEvent(raw); err != nil {
			return nil, nil, err
		}
		delete(obj, "event")
	}
	for k, raw := range obj {
		v, _ := action.ParseJSONValue(raw)
		args[k] = v.Text()
	}
	return args, ev, nil
}

func (e *Engine) handleRegistry(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, e.reg.Schema())
}

func (e *Engine) handleVariables(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, e.Variables())
}

func (e *Engine) handlePutVariables(w http.ResponseWriter, r *http.Request) {
	b, err := readBody(w, r)
	var vals map[string]json.RawMessage
	if err == nil && json.Unmarshal(b, &vals) != nil {
		err = fmt.Errorf(`%w: body must be {"name": value, ...} (null deletes)`, ErrInvalid)
	}
	if err == nil {
		err = e.SetVariables(vals)
	}
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, e.Variables())
}

// Interface guards.
var (
	_ module.Module        = (*Engine)(nil)
	_ module.RouteProvider = (*Engine)(nil)
)

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

// The dashboard's handlers only decode the path, query and body, call the
// service (svc.go) and encode its answer: the service holds the logic both
// transports share.

func (e *Engine) handleList(w http.ResponseWriter, r *http.Request) {
	vs, err := e.Service().List(r.Context())
	httpapi.Reply(w, http.StatusOK, vs, err)
}

func (e *Engine) handleGet(w http.ResponseWriter, r *http.Request) {
	v, err := e.Service().Get(r.Context(), FlowRef{ID: r.PathValue("id")})
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (e *Engine) handlePut(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	b, err := readBody(w, r)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	var f Flow // strict: a typo'd field is an error here (Import stays lenient for newer files)
	if err := httpapi.Strict(b, &f); err != nil {
		httpapi.WriteError(w, fmt.Errorf("%w: %w", ErrInvalid, err))
		return
	}
	if f.ID != "" && f.ID != id {
		httpapi.WriteError(w, fmt.Errorf("%w: id %q in the body does not match the URL", ErrInvalid, f.ID))
		return
	}
	f.ID = id
	v, err := e.Service().Put(r.Context(), f)
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (e *Engine) handleDelete(w http.ResponseWriter, r *http.Request) {
	if _, err := e.Service().Delete(r.Context(), FlowRef{ID: r.PathValue("id")}); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (e *Engine) handleRuns(w http.ResponseWriter, r *http.Request) {
	runs, err := e.Service().Runs(r.Context(), FlowRef{ID: r.PathValue("id")})
	httpapi.Reply(w, http.StatusOK, runs, err)
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
	req := EnableRequest{}
	b, err := readBody(w, r)
	if err == nil && json.Unmarshal(b, &req) != nil {
		req.Enabled = nil // the service answers what the body must be
	}
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	req.ID = r.PathValue("id")
	v, err := e.Service().Enable(r.Context(), req)
	httpapi.Reply(w, http.StatusOK, v, err)
}

// hasType reports whether a JSON object has a top-level "type" (a bare
// event rather than a request wrapper).
func hasType(b []byte) bool {
	var probe struct {
		Type *string `json:"type"`
	}
	return json.Unmarshal(b, &probe) == nil && probe.Type != nil
}

// handleRun takes a bare event or {"event": {...}, "args": {...}} (or no
// body).
func (e *Engine) handleRun(w http.ResponseWriter, r *http.Request) {
	b, err := readBody(w, r)
	var body struct {
		Event json.RawMessage   `json:"event"`
		Args  map[string]string `json:"args"`
	}
	req := RunRequest{ID: r.PathValue("id")}
	switch {
	case err != nil || len(b) == 0:
	case hasType(b):
		req.Event, err = decodeEvent(b)
	case json.Unmarshal(b, &body) != nil:
		err = fmt.Errorf(`%w: body must be an event or {"event": {...}, "args": {...}}`, ErrInvalid)
	case len(body.Event) > 0:
		req.Event, err = decodeEvent(body.Event)
	}
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	req.Args = body.Args
	res, err := e.Service().Run(r.Context(), req)
	httpapi.Reply(w, http.StatusAccepted, res, err)
}

func decodeEvent(b []byte) (*domain.Event, error) {
	ev, err := domain.DecodeEventStrict(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return &ev, nil
}

// handleTest takes a bare event or a TestRequest (or no body).
func (e *Engine) handleTest(w http.ResponseWriter, r *http.Request) {
	b, err := readBody(w, r)
	req := TestFlowRequest{}
	switch {
	case err != nil || len(b) == 0:
	case hasType(b):
		req.Event, err = decodeEvent(b)
	case json.Unmarshal(b, &req.TestRequest) != nil:
		err = fmt.Errorf("%w: body must be an event or a test request", ErrInvalid)
	}
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	req.ID = r.PathValue("id")
	t, err := e.Service().Test(r.Context(), req)
	httpapi.Reply(w, http.StatusOK, t, err)
}

// handleImport takes the import file itself: one flow object or an array.
func (e *Engine) handleImport(w http.ResponseWriter, r *http.Request) {
	b, err := readBody(w, r)
	var fs []*Flow
	if err == nil {
		if fs, err = DecodeMany(b); err != nil {
			err = fmt.Errorf("%w: %w", ErrInvalid, err)
		}
	}
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	req := ImportRequest{Flows: make([]Flow, len(fs))}
	for i, f := range fs {
		req.Flows[i] = *f
	}
	res, err := e.Service().Import(r.Context(), req)
	httpapi.Reply(w, http.StatusOK, res, err)
}

// handleExport answers the export as a file to save (?id=… picks flows,
// ?secrets=include keeps the webhook header values).
func (e *Engine) handleExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	fs, err := e.Service().Export(r.Context(), ExportRequest{IDs: q["id"], Secrets: q.Get("secrets") == "include"})
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", `attachment; filename="ltth-flows.json"`)
	_, _ = w.Write(EncodeExport(fs))
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

func (e *Engine) handleRegistry(w http.ResponseWriter, r *http.Request) {
	reg, err := e.Service().Registry(r.Context())
	httpapi.Reply(w, http.StatusOK, reg, err)
}

func (e *Engine) handleVariables(w http.ResponseWriter, r *http.Request) {
	vars, err := e.Service().Variables(r.Context())
	httpapi.Reply(w, http.StatusOK, vars, err)
}

func (e *Engine) handlePutVariables(w http.ResponseWriter, r *http.Request) {
	b, err := readBody(w, r)
	var patch VariablesPatch
	if err == nil && json.Unmarshal(b, &patch) != nil {
		err = fmt.Errorf(`%w: body must be {"name": value, ...} (null deletes)`, ErrInvalid)
	}
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	vars, err := e.Service().SetVariables(r.Context(), patch)
	httpapi.Reply(w, http.StatusOK, vars, err)
}

// Interface guards.
var (
	_ module.Module        = (*Engine)(nil)
	_ module.RouteProvider = (*Engine)(nil)
)

package alert

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

const maxBody = 64 << 10

// Routes implements module.RouteProvider:
//
//	GET  /api/alerts/config                 every type's Config, keyed by event type
//	PUT  /api/alerts/config/{eventType}     merge the JSON fields given over the Config; returns it
//	POST /api/alerts/test/{eventType}       queue a sample alert (optional body: a Config to preview)
//	POST /api/alerts/pause                  {"paused": bool}
//	POST /api/alerts/{screen}/skip          end the alert showing on screen
//	POST /api/alerts/{screen}/clear         end it and drop the screen's queue
//	GET  /api/alerts/status                 {"paused", "screens": [...]}
//	GET  /api/alerts/screens                the screens in use, [{"value","label"}]
//
// test and skip/clear share one pattern, because "/api/alerts/test/{x}" and
// "/api/alerts/{screen}/skip" would overlap in net/http's ServeMux.
func (m *Module) Routes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/alerts/config", Handler: http.HandlerFunc(m.getConfigs)},
		{Pattern: "PUT /api/alerts/config/{eventType}", Handler: http.HandlerFunc(m.putConfig)},
		{Pattern: "POST /api/alerts/pause", Handler: http.HandlerFunc(m.postPause)},
		{Pattern: "POST /api/alerts/{a}/{b}", Handler: http.HandlerFunc(m.postAction)},
		{Pattern: "GET /api/alerts/status", Handler: http.HandlerFunc(m.getStatus)},
		{Pattern: "GET " + ScreensPath, Handler: http.HandlerFunc(m.getScreens), Summary: "Alert screens in use, as [{value,label}] (the flow editor's screen list)"},
	}
}

func (m *Module) getConfigs(w http.ResponseWriter, r *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, m.Configs())
}

func (m *Module) putConfig(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	c, err := m.PatchConfig(r.PathValue("eventType"), body)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, c)
}

func (m *Module) postPause(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var req struct {
		Paused *bool `json:"paused"`
	}
	if err := json.Unmarshal(body, &req); err != nil || req.Paused == nil {
		httpapi.WriteErrorText(w, http.StatusBadRequest, `body must be {"paused": true|false}`)
		return
	}
	m.SetPaused(*req.Paused)
	httpapi.WriteJSON(w, http.StatusOK, Paused{Paused: *req.Paused})
}

func (m *Module) postAction(w http.ResponseWriter, r *http.Request) {
	a, b := r.PathValue("a"), r.PathValue("b")
	switch {
	case a == "test" && Alertable(b):
		m.postTest(w, r, b)
	case !screenRe.MatchString(a):
		httpapi.WriteErrorText(w, http.StatusNotFound, "unknown screen or event type")
	case b == "skip":
		httpapi.WriteJSON(w, http.StatusOK, map[string]any{"screen": a, "skipped": m.Skip(a)})
	case b == "clear":
		httpapi.WriteJSON(w, http.StatusOK, map[string]any{"screen": a, "cleared": m.Clear(a)})
	case a == "test":
		httpapi.WriteError(w, ErrUnknownType)
	default:
		httpapi.WriteErrorText(w, http.StatusNotFound, "unknown alert action "+b)
	}
}

func (m *Module) postTest(w http.ResponseWriter, r *http.Request, eventType string) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var preview *Config
	if len(body) > 0 {
		c := m.Configs()[eventType]
		if err := json.Unmarshal(body, &c); err != nil {
			httpapi.WriteErrorText(w, http.StatusBadRequest, "invalid config JSON: "+err.Error())
			return
		}
		preview = &c
	}
	a, err := m.Test(eventType, preview)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusAccepted, map[string]any{"alert": a, "paused": m.Paused()})
}

func (m *Module) getStatus(w http.ResponseWriter, r *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"paused": m.Paused(), "screens": m.Status()})
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		httpapi.WriteErrorText(w, http.StatusRequestEntityTooLarge, "request body too large or unreadable")
		return nil, false
	}
	return b, true
}

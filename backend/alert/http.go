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
//
// The handlers only decode and encode: the service (svc.go) holds the logic
// both transports share.
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
	cs, err := m.Service().Configs(r.Context())
	httpapi.Reply(w, http.StatusOK, cs, err)
}

func (m *Module) putConfig(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	req := PutConfigRequest{EventType: r.PathValue("eventType")}
	if err := httpapi.Strict(body, &req.Patch); err != nil { // unknown fields are an error
		httpapi.WriteError(w, err)
		return
	}
	c, err := m.Service().PutConfig(r.Context(), req)
	httpapi.Reply(w, http.StatusOK, c, err)
}

func (m *Module) postPause(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var req PauseRequest
	if err := json.Unmarshal(body, &req); err != nil {
		httpapi.WriteError(w, ErrPausedRequired)
		return
	}
	p, err := m.Service().Pause(r.Context(), req)
	httpapi.Reply(w, http.StatusOK, p, err)
}

// postAction routes POST /api/alerts/{a}/{b}: a test alert (a = "test",
// b an alertable type) or a screen's skip/clear.
func (m *Module) postAction(w http.ResponseWriter, r *http.Request) {
	a, b := r.PathValue("a"), r.PathValue("b")
	switch {
	case a == "test" && Alertable(b):
		m.postTest(w, r, b)
	case !screenRe.MatchString(a):
		httpapi.WriteErrorText(w, http.StatusNotFound, "unknown screen or event type")
	case b == "skip":
		res, err := m.Service().Skip(r.Context(), ScreenRequest{Screen: a})
		httpapi.Reply(w, http.StatusOK, res, err)
	case b == "clear":
		res, err := m.Service().Clear(r.Context(), ScreenRequest{Screen: a})
		httpapi.Reply(w, http.StatusOK, res, err)
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
	req := TestRequest{EventType: eventType}
	if len(body) > 0 {
		req.Preview = &ConfigPatch{}
		if err := json.Unmarshal(body, req.Preview); err != nil {
			httpapi.WriteErrorText(w, http.StatusBadRequest, "invalid config JSON: "+err.Error())
			return
		}
	}
	res, err := m.Service().Test(r.Context(), req)
	httpapi.Reply(w, http.StatusAccepted, res, err)
}

func (m *Module) getStatus(w http.ResponseWriter, r *http.Request) {
	st, err := m.Service().Status(r.Context())
	httpapi.Reply(w, http.StatusOK, st, err)
}

func (m *Module) getScreens(w http.ResponseWriter, r *http.Request) {
	out, err := m.Service().Screens(r.Context())
	httpapi.Reply(w, http.StatusOK, out, err)
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		httpapi.WriteErrorText(w, http.StatusRequestEntityTooLarge, "request body too large or unreadable")
		return nil, false
	}
	return b, true
}

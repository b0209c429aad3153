package goal

import (
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"path"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

//go:embed web
var webFS embed.FS

const maxBody = 64 << 10

// Routes implements module.RouteProvider:
//
//	GET    /api/goals              every goal (View: config + value + reached + overlayUrl)
//	POST   /api/goals              create a goal with a generated id (body as for PUT)
//	GET    /api/goals/{id}         one goal
//	PUT    /api/goals/{id}         create or update (JSON fields given are merged); returns the View
//	DELETE /api/goals/{id}         delete
//	POST   /api/goals/{id}/adjust  {"op": "add"|"set"|"reset", "amount": n}
//	GET    /overlay/goal.html      the overlay page (?id=<id>[&style=bar|minimal|circle][&color=][&text=][&hideName=1])
//	GET    /overlay/goal.js|.css   its script and style sheet
func (m *Module) Routes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/goals", Handler: http.HandlerFunc(m.getGoals)},
		{Pattern: "POST /api/goals", Handler: http.HandlerFunc(m.postGoal)},
		{Pattern: "GET /api/goals/{id}", Handler: http.HandlerFunc(m.getGoal)},
		{Pattern: "PUT /api/goals/{id}", Handler: http.HandlerFunc(m.putGoalHTTP)},
		{Pattern: "DELETE /api/goals/{id}", Handler: http.HandlerFunc(m.deleteGoal)},
		{Pattern: "POST /api/goals/{id}/adjust", Handler: http.HandlerFunc(m.postAdjust)},
		{Pattern: "GET /overlay/goal.html", Handler: asset("goal.html")},
		{Pattern: "GET /overlay/goal.js", Handler: asset("goal.js")},
		{Pattern: "GET /overlay/goal.css", Handler: asset("goal.css")},
	}
}

// The handlers only decode and encode: the service (svc.go) holds the logic
// both transports share.
func (m *Module) getGoals(w http.ResponseWriter, r *http.Request) {
	list, err := m.Service().List(r.Context())
	httpapi.Reply(w, http.StatusOK, list, err)
}

func (m *Module) getGoal(w http.ResponseWriter, r *http.Request) {
	v, err := m.Service().Get(r.Context(), GoalRequest{ID: r.PathValue("id")})
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (m *Module) postGoal(w http.ResponseWriter, r *http.Request) {
	in, ok := readInput(w, r)
	if !ok {
		return
	}
	v, err := m.Service().Create(r.Context(), in)
	httpapi.Reply(w, http.StatusCreated, v, err)
}

func (m *Module) putGoalHTTP(w http.ResponseWriter, r *http.Request) {
	in, ok := readInput(w, r)
	if !ok {
		return
	}
	v, err := m.Service().Put(r.Context(), PutRequest{ID: r.PathValue("id"), Goal: in})
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (m *Module) deleteGoal(w http.ResponseWriter, r *http.Request) {
	res, err := m.Service().Delete(r.Context(), GoalRequest{ID: r.PathValue("id")})
	httpapi.Reply(w, http.StatusOK, res, err)
}

func (m *Module) postAdjust(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var req AdjustRequest
	if err := json.Unmarshal(body, &req); err != nil {
		httpapi.WriteErrorText(w, http.StatusBadRequest, `body must be {"op": "add"|"set"|"reset", "amount": n}`)
		return
	}
	req.ID = r.PathValue("id")
	v, err := m.Service().Adjust(r.Context(), req)
	httpapi.Reply(w, http.StatusOK, v, err)
}

// readInput reads a create/update body (DecodeInput).
func readInput(w http.ResponseWriter, r *http.Request) (Input, bool) {
	body, ok := readBody(w, r)
	if !ok {
		return Input{}, false
	}
	in, err := DecodeInput(body)
	if err != nil {
		httpapi.WriteError(w, err)
		return Input{}, false
	}
	return in, true
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		httpapi.WriteErrorText(w, http.StatusRequestEntityTooLarge, "request body too large or unreadable")
		return nil, false
	}
	return b, true
}

func newID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "g" + hex.EncodeToString(b[:])
}

// csp is the Content-Security-Policy of the overlay page (as for the other
// built-in overlays): scripts, styles and the feed from the listener only.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' http: https: data:; " +
	"connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'"

// asset serves one embedded file of the overlay page.
func asset(name string) http.Handler {
	ctype := map[string]string{".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
		".css": "text/css; charset=utf-8"}[path.Ext(name)]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := webFS.ReadFile("web/" + name)
		if err != nil {
			http.Error(w, "missing asset", http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", ctype)
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		if path.Ext(name) == ".html" {
			h.Set("Content-Security-Policy", csp)
		}
		_, _ = w.Write(b)
	})
}

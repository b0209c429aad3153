package leaderboard

import (
	"embed"
	"encoding/json"
	"io"
	"net/http"
	"path"
	"strconv"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

//go:embed web
var webFS embed.FS

const maxBody = 64 << 10

// The interfaces core discovers on this module.
var (
	_ module.Module        = (*Module)(nil)
	_ module.RouteProvider = (*Module)(nil)
)

// Routes implements module.RouteProvider:
//
//	GET  /api/leaderboards/{board}?period=stream|all&limit=n   State (default period stream, limit 10, max 100)
//	POST /api/leaderboards/{board}/reset                       {"period": "stream"|"all"} (default stream)
//	GET  /overlay/leaderboard.html                             ?board=&period=[&limit=][&title=][&color=][&text=][&avatars=0]
//	GET  /overlay/leaderboard.js|.css                          its script and style sheet
func (m *Module) Routes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/leaderboards/{board}", Handler: http.HandlerFunc(m.getBoard)},
		{Pattern: "POST /api/leaderboards/{board}/reset", Handler: http.HandlerFunc(m.postReset)},
		{Pattern: "GET /overlay/leaderboard.html", Handler: asset("leaderboard.html")},
		{Pattern: "GET /overlay/leaderboard.js", Handler: asset("leaderboard.js")},
		{Pattern: "GET /overlay/leaderboard.css", Handler: asset("leaderboard.css")},
	}
}

func (m *Module) getBoard(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	period := q.Get("period")
	if period == "" {
		period = PeriodStream
	}
	limit := 0
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxLimit {
			httpapi.WriteErrorText(w, http.StatusBadRequest, "limit must be 1-100")
			return
		}
		limit = n
	}
	s, err := m.Top(r.PathValue("board"), period, limit)
	respond(w, s, err)
}

func (m *Module) postReset(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		httpapi.WriteErrorText(w, http.StatusRequestEntityTooLarge, "request body too large or unreadable")
		return
	}
	var req struct {
		Period string `json:"period"`
	}
	if len(b) > 0 {
		if err := json.Unmarshal(b, &req); err != nil {
			httpapi.WriteErrorText(w, http.StatusBadRequest, `body must be {"period": "stream"|"all"}`)
			return
		}
	}
	if req.Period == "" {
		req.Period = PeriodStream
	}
	board := r.PathValue("board")
	err = m.Reset(board, req.Period)
	respond(w, map[string]any{"board": board, "period": req.Period, "reset": true}, err)
}

func respond(w http.ResponseWriter, v any, err error) {
	switch {
	case err == nil:
		httpapi.WriteJSON(w, http.StatusOK, v)
	default:
		httpapi.WriteError(w, err)
	}
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

package leaderboard

import (
	"bytes"
	"embed"
	"fmt"
	"net/http"
	"path"
	"strconv"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

//go:embed web
var webFS embed.FS

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

// getBoard and postReset only decode and encode: the service (svc.go) holds
// the logic both transports share.
func (m *Module) getBoard(w http.ResponseWriter, r *http.Request) {
	req := TopRequest{Board: r.PathValue("board"), Period: r.URL.Query().Get("period")}
	if s := r.URL.Query().Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			httpapi.WriteError(w, fmt.Errorf("%w: limit must be 1-%d", ErrInvalid, MaxLimit))
			return
		}
		req.Limit = n
	}
	st, err := m.Service().Top(r.Context(), req)
	httpapi.Reply(w, http.StatusOK, st, err)
}

func (m *Module) postReset(w http.ResponseWriter, r *http.Request) {
	req := ResetRequest{}
	b, err := httpapi.ReadBody(r)
	if err == nil && len(bytes.TrimSpace(b)) > 0 {
		err = httpapi.Strict(b, &req)
	}
	if err != nil {
		httpapi.WriteErrorText(w, httpapi.StatusOf(err), `body must be {"period": "stream"|"all"}: `+err.Error())
		return
	}
	req.Board = r.PathValue("board")
	res, err := m.Service().Reset(r.Context(), req)
	httpapi.Reply(w, http.StatusOK, res, err)
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

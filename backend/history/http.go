package history

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// Routes implements module.RouteProvider (every route needs the token):
//
//	GET /api/streams                      newest first (?limit=, ?simulated=1 for simulated/replayed streams)
//	GET /api/streams/compare              ?a=&b=: two streams and their deltas (b - a)
//	GET /api/streams/{id}                 a stream + series (per minute) + topGifters + markers
//	GET /api/streams/{id}/export          ?format=json|csv: figures, series and the stream's events
//	GET /api/events                       ?type=&user=&q=&gift=&minCoins=&maxCoins=&from=&to=&limit=&cursor=
//	GET /api/viewers                      ?q=&sort=&limit=
//	GET /api/viewers/{userId}             a viewer + points, nicknames, recent streams
//	PUT /api/viewers/{userId}/notes       {"notes": "..."}
//	POST /api/viewers/{userId}/points     {"amount": n} (may be negative)
//	GET|PUT /api/history/points-rules     the loyalty points rules
//	GET /overlay/points.html|.js|.css     the points leaderboard overlay (?count=&theme=)
func (m *Module) Routes() []module.Route {
	h := func(f http.HandlerFunc) http.Handler { return f }
	return append(overlayRoutes(), []module.Route{
		{Pattern: "GET /api/streams", Handler: h(m.getStreams), Summary: "Streams (LIVE sessions), newest first, with their figures; ?simulated=1 for test streams"},
		{Pattern: "GET /api/streams/compare", Handler: h(m.getCompare), Summary: "Two streams side by side: ?a=&b= (stream ids); figures, series, markers and the deltas b - a"},
		{Pattern: "GET /api/streams/{id}", Handler: h(m.getStream), Summary: "One stream: figures, per-minute series, top gifters and chatters"},
		{Pattern: "GET /api/streams/{id}/export", Handler: h(m.getExport), Summary: "Export a stream's figures and events: ?format=csv|json"},
		{Pattern: "GET /api/events", Handler: h(m.getEvents), Summary: "Search the event journal: ?type=&user=&q=&gift=&minCoins=&maxCoins=&from=&to=&limit=&cursor= (follow nextCursor)"},
		{Pattern: "GET /api/viewers", Handler: h(m.getViewers), Summary: "Viewers seen: ?q=&sort=&limit="},
		{Pattern: "GET /api/viewers/{userId}", Handler: h(m.getViewer), Summary: "One viewer: totals, points, nicknames, recent streams, notes"},
		{Pattern: "PUT /api/viewers/{userId}/notes", Handler: h(m.putNotes), Summary: "Set the streamer's notes on a viewer"},
		{Pattern: "POST /api/viewers/{userId}/points", Handler: h(m.postPoints), Summary: "Add (or, negative, take) loyalty points {amount}"},
		{Pattern: "GET /api/history/points-rules", Handler: h(m.getRules), Summary: "Loyalty point rules (per minute, coin, like, message, follow, share)"},
		{Pattern: "PUT /api/history/points-rules", Handler: h(m.putRules), Summary: "Change the loyalty point rules"},
	}...)
}

func respond(w http.ResponseWriter, v any, err error) {
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, v)
}

func intParam(r *http.Request, name string) (int64, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: %s must be a non-negative whole number", ErrInvalid, name)
	}
	return n, nil
}

func (m *Module) getStreams(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit")
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	sim := r.URL.Query().Get("simulated") == "1"
	ss, err := m.Streams(int(limit), sim)
	respond(w, ss, err)
}

func streamID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%w: stream id must be a positive number", ErrInvalid)
	}
	return id, nil
}

func (m *Module) getStream(w http.ResponseWriter, r *http.Request) {
	id, err := streamID(r)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	d, err := m.Stream(id)
	respond(w, d, err)
}

func (m *Module) getEvents(w http.ResponseWriter, r *http.Request) {
	q := EventQuery{Type: r.URL.Query().Get("type"), User: r.URL.Query().Get("user"), Q: r.URL.Query().Get("q"),
		Gift: r.URL.Query().Get("gift")}
	var err error
	var limit int64
	for _, p := range []struct {
		name string
		dst  *int64
	}{{"from", &q.From}, {"to", &q.To}, {"cursor", &q.Cursor}, {"limit", &limit},
		{"minCoins", &q.MinCoins}, {"maxCoins", &q.MaxCoins}} {
		if *p.dst, err = intParam(r, p.name); err != nil {
			httpapi.WriteError(w, err)
			return
		}
	}
	q.Limit = int(limit)
	page, err := m.Events(q)
	respond(w, page, err)
}

func (m *Module) getViewers(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit")
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	vs, err := m.Viewers(r.URL.Query().Get("q"), r.URL.Query().Get("sort"), int(limit))
	respond(w, vs, err)
}

func (m *Module) getViewer(w http.ResponseWriter, r *http.Request) {
	v, err := m.Viewer(r.PathValue("userId"))
	respond(w, v, err)
}

func (m *Module) putNotes(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Notes string `json:"notes"`
	}
	if err := httpapi.DecodeStrict(r, &body); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	m.sync()
	if err := m.SetNotes(r.PathValue("userId"), body.Notes); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	v, err := m.Viewer(r.PathValue("userId"))
	respond(w, v, err)
}

func (m *Module) postPoints(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Amount int64 `json:"amount"`
	}
	if err := httpapi.DecodeStrict(r, &body); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	v, err := m.Viewer(r.PathValue("userId"))
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	if err := m.AddPoints(domainUser(v), body.Amount); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	v, err = m.Viewer(v.UserID)
	respond(w, v, err)
}

func (m *Module) getRules(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	rules := m.rules
	m.mu.Unlock()
	httpapi.WriteJSON(w, http.StatusOK, rules)
}

func (m *Module) putRules(w http.ResponseWriter, r *http.Request) {
	var rules Rules
	if err := httpapi.DecodeStrict(r, &rules); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	respond(w, rules, m.SetRules(rules))
}

func (m *Module) getExport(w http.ResponseWriter, r *http.Request) {
	id, err := streamID(r)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "json"
	}
	if format != "json" && format != "csv" {
		httpapi.WriteError(w, fmt.Errorf("%w: format must be csv or json", ErrInvalid))
		return
	}
	d, err := m.Stream(id)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	name := fmt.Sprintf("stream-%d-%s.%s", d.ID, time.UnixMilli(d.StartedAt).UTC().Format("20060102-1504"), format)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		if err := m.writeCSV(csv.NewWriter(w), d); err != nil {
			m.log.Error().Err(err).Int64("stream", id).Msg("csv export failed")
		}
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := m.writeExportJSON(w, d); err != nil {
		m.log.Error().Err(err).Int64("stream", id).Msg("json export failed")
	}
}

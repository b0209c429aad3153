package history

import (
	"fmt"
	"net/http"
	"strconv"

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

// The handlers only decode the request and encode the answer: the service
// (svc.go) holds the logic both transports share.

func (m *Module) getStreams(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit")
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	ss, err := m.Service().Streams(r.Context(), StreamsRequest{Limit: int(limit), Simulated: r.URL.Query().Get("simulated") == "1"})
	httpapi.Reply(w, http.StatusOK, ss, err)
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
	d, err := m.Service().Stream(r.Context(), StreamRequest{ID: id})
	httpapi.Reply(w, http.StatusOK, d, err)
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
	page, err := m.Service().Events(r.Context(), q)
	httpapi.Reply(w, http.StatusOK, page, err)
}

func (m *Module) getViewers(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit")
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	q := r.URL.Query()
	vs, err := m.Service().Viewers(r.Context(), ViewersRequest{Q: q.Get("q"), Sort: q.Get("sort"), Limit: int(limit)})
	httpapi.Reply(w, http.StatusOK, vs, err)
}

func (m *Module) getViewer(w http.ResponseWriter, r *http.Request) {
	v, err := m.Service().Viewer(r.Context(), ViewerRequest{UserID: r.PathValue("userId")})
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (m *Module) putNotes(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Notes string `json:"notes"`
	}
	if err := httpapi.DecodeStrict(r, &body); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	v, err := m.Service().SetNotes(r.Context(), NotesRequest{UserID: r.PathValue("userId"), Notes: body.Notes})
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (m *Module) postPoints(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Amount int64 `json:"amount"`
	}
	if err := httpapi.DecodeStrict(r, &body); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	v, err := m.Service().AddPoints(r.Context(), PointsRequest{UserID: r.PathValue("userId"), Amount: body.Amount})
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (m *Module) getRules(w http.ResponseWriter, r *http.Request) {
	rules, err := m.Service().Rules(r.Context())
	httpapi.Reply(w, http.StatusOK, rules, err)
}

func (m *Module) putRules(w http.ResponseWriter, r *http.Request) {
	var rules Rules
	if err := httpapi.DecodeStrict(r, &rules); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	rules, err := m.Service().SetRules(r.Context(), rules)
	httpapi.Reply(w, http.StatusOK, rules, err)
}

func (m *Module) getExport(w http.ResponseWriter, r *http.Request) {
	id, err := streamID(r)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	e, err := m.Service().Export(r.Context(), ExportRequest{ID: id, Format: r.URL.Query().Get("format")})
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+e.Name+`"`)
	w.Header().Set("Content-Type", e.ContentType)
	if err := e.Save(w); err != nil {
		m.log.Error().Err(err).Int64("stream", id).Msg("export failed")
	}
}

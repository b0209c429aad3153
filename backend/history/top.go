package history

import (
	"embed"
	"net/http"
	"reflect"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
)

// TypePointsTop is the retained message (key "pointsTop") with the viewers
// who hold the most loyalty points, published whenever points change; the
// points leaderboard overlay (/overlay/points.html) draws it.
const TypePointsTop = "pointsTop"

// MaxTop is how many viewers a TypePointsTop message lists.
const MaxTop = 100

// TopEntry is one viewer of a TypePointsTop message.
type TopEntry struct {
	UserID    string `json:"userId"`
	UniqueID  string `json:"uniqueId"`
	Nickname  string `json:"nickname"`
	AvatarURL string `json:"avatarUrl"`
	Points    int64  `json:"points"`
}

// PointsTop is the payload of a TypePointsTop message, most points first.
type PointsTop struct {
	Entries []TopEntry `json:"entries"`
}

// pointsTop reads the top viewers by points.
func (m *Module) pointsTop() (PointsTop, error) {
	rows, err := m.sql.Query(`SELECT user_id, unique_id, nickname, avatar_url, points FROM history_viewers
		WHERE points > 0 ORDER BY points DESC, user_id LIMIT ?`, MaxTop)
	if err != nil {
		return PointsTop{}, err
	}
	defer rows.Close()
	t := PointsTop{Entries: []TopEntry{}}
	for rows.Next() {
		var e TopEntry
		if err := rows.Scan(&e.UserID, &e.UniqueID, &e.Nickname, &e.AvatarURL, &e.Points); err != nil {
			return PointsTop{}, err
		}
		t.Entries = append(t.Entries, e)
	}
	return t, rows.Err()
}

// publishTop publishes the points leaderboard when it changed. Callers
// hold mu.
func (m *Module) publishTop() {
	t, err := m.pointsTop()
	if err != nil {
		m.log.Warn().Err(err).Msg("history: reading the points leaderboard failed")
		return
	}
	if m.lastTop != nil && reflect.DeepEqual(*m.lastTop, t) {
		return
	}
	m.lastTop = &t
	m.bus.Publish(domain.Message{Type: TypePointsTop, Key: TypePointsTop, Data: t})
}

//go:embed web
var webFS embed.FS

func asset(name, ctype string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := webFS.ReadFile("web/" + name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(b)
	})
}

// overlayRoutes serve the points leaderboard overlay.
func overlayRoutes() []module.Route {
	return []module.Route{
		{Pattern: "GET /overlay/points.html", Public: true, Handler: asset("points.html", "text/html; charset=utf-8"),
			Summary: "Points leaderboard overlay page: ?count=1..100&theme=dark|light|glass"},
		{Pattern: "GET /overlay/points.js", Public: true, Handler: asset("points.js", "text/javascript; charset=utf-8"),
			Summary: "Points leaderboard overlay script"},
		{Pattern: "GET /overlay/points.css", Public: true, Handler: asset("points.css", "text/css; charset=utf-8"),
			Summary: "Points leaderboard overlay stylesheet"},
	}
}

package server

import (
	"encoding/json"
	"errors"
	"html/template"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/overlay"
)

// routes registers the core routes. Module routes come through Handle.
func (s *Server) routes() {
	pub := func(p string, f http.HandlerFunc) { s.handle(p, true, f) }
	if s.health != nil {
		s.handle("GET /api/health", true, s.health)
	} else {
		pub("GET /api/health", s.handleHealth)
	}
	pub("GET /api/bus", s.handleBus)
	pub("GET /api/openapi.json", s.handleOpenAPI)
	s.handle("POST /api/simulate", false, http.HandlerFunc(s.handleSimulate))
	pub("/api/", func(w http.ResponseWriter, r *http.Request) {
		httpapi.WriteErrorText(w, http.StatusNotFound, "not found: "+r.Method+" "+r.URL.Path)
	})
	pub("GET /ws", s.hub.serveWS)
	// Method-less so that module routes under /overlay/ never conflict
	// (with or without a method); the handler allows GET/HEAD only.
	ov := overlay.Handler()
	s.handle("/overlay.html", true, ov)
	s.handle("/overlay/", true, ov)
	pub("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/index.html", http.StatusFound)
	})
	pub("GET /index.html", s.handleIndex)
	s.hub.upgrader.CheckOrigin = s.originAllowed
}

// Health is the listener's part of GET /api/health: the composition root
// adds the profile's figures (core/service.Health).
type Health struct {
	Status   string `json:"status"` // "ok"; the composition root may say "degraded"
	Version  string `json:"version"`
	UptimeMs int64  `json:"uptimeMs"`
	// Connection is the data of the retained connection message (the
	// connector's state), null before one; kept as sent on the feed.
	Connection json.RawMessage       `json:"connection"`
	Bus        []bus.SubscriberStats `json:"bus"`
	Hub        HubStats              `json:"hub"`
	// WindowHTTP counts API and feed requests from the desktop window's
	// origin (it has its bindings and should send none).
	WindowHTTP int64 `json:"windowHttp"`
}

// Health answers the listener's figures.
func (s *Server) Health() Health {
	c := s.hub.retainedData(domain.MsgConnection)
	if c == nil {
		c = json.RawMessage("null")
	}
	return Health{Status: "ok", Version: s.cfg.Version, UptimeMs: time.Since(s.started).Milliseconds(),
		Connection: c, Bus: s.bus.Stats(), Hub: s.hub.stats(), WindowHTTP: s.windowHTTP.Load()}
}

func (s *Server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, s.Health())
}

// BusStats is the body of GET /api/bus.
type BusStats struct {
	Published   uint64                `json:"published"`
	Subscribers []bus.SubscriberStats `json:"subscribers"`
	Hub         HubStats              `json:"hub"`
}

// Stats returns the bus and /ws feed counters (GET /api/bus).
func (s *Server) Stats() BusStats {
	return BusStats{Published: s.bus.Published(), Subscribers: s.bus.Stats(), Hub: s.hub.stats()}
}

func (s *Server) handleBus(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, s.Stats())
}

// handleSimulate publishes a posted event as simulated: strict decoding
// (unknown fields or types are a 400 naming them), then 202 with the event
// exactly as published.
func (s *Server) handleSimulate(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			httpapi.WriteErrorText(w, http.StatusRequestEntityTooLarge, "request body larger than 1 MiB")
			return
		}
		httpapi.WriteErrorText(w, http.StatusBadRequest, "reading request body: "+err.Error())
		return
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		httpapi.WriteErrorText(w, http.StatusBadRequest, "request body must be an event JSON object")
		return
	}
	e, err := domain.DecodeEventStrict(body)
	if err != nil {
		httpapi.WriteErrorText(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := e.CheckCounts(); err != nil {
		httpapi.WriteErrorText(w, http.StatusBadRequest, err.Error())
		return
	}
	e, err = s.Simulate(e)
	if err != nil {
		httpapi.WriteErrorText(w, http.StatusServiceUnavailable, "simulate: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusAccepted)
	_, _ = w.Write(append(e.AppendJSON(nil), '\n'))
}

// Simulate marks e simulated, publishes it through Deps.Simulate and
// answers it as published: POST /api/simulate and the desktop's bound test
// events (core/service.TestEvents) both end here.
func (s *Server) Simulate(e domain.Event) (domain.Event, error) {
	s.prepareSimulated(&e)
	return e, s.simulate(e)
}

// prepareSimulated marks an event simulated and fills what a real source
// would: id (decimal, unique per run), ts, and gift coins/repeat count.
func (s *Server) prepareSimulated(e *domain.Event) {
	e.Simulated = true
	e.Source = "simulator"
	now := time.Now().UnixMilli()
	if e.TS == 0 {
		e.TS = now
	}
	if e.ID == "" {
		seq := s.simSeq.Add(1) % 1_000_000
		e.ID = strconv.FormatUint(uint64(now)*1_000_000+seq, 10)
	}
	if e.Type == domain.EventGift || e.Type == domain.EventGiftStreak {
		if e.RepeatCount <= 0 {
			e.RepeatCount = 1
		}
		if e.Coins == 0 {
			e.Coins = domain.GiftCoins(e.DiamondCount, e.RepeatCount)
		}
	}
}

// publishSimulated is the default Deps.Simulate.
func (s *Server) publishSimulated(e domain.Event) error {
	s.bus.PublishEvent(&e)
	return nil
}

// indexPage reports whether a module route is an overlay page worth
// listing on the index: GET, a fixed path under /overlay or /plugins/.
func indexPage(pattern string) (string, bool) {
	method, path, found := strings.Cut(pattern, " ")
	if !found {
		method, path = "GET", pattern
	}
	if method != http.MethodGet || strings.ContainsAny(path, "{") || !strings.HasPrefix(path, "/") {
		return "", false
	}
	if !strings.HasPrefix(path, "/overlay") && !strings.HasPrefix(path, "/plugins/") {
		return "", false
	}
	if i := strings.LastIndexByte(path, '.'); i > strings.LastIndexByte(path, '/') && path[i:] != ".html" {
		return "", false // an asset, not a page
	}
	return path, true
}

type indexData struct {
	Version string
	Builtin []overlay.Page
	Modules []string
}

const indexHTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LTTH overlays</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
code{background:#f3f3f3;padding:.1rem .3rem;border-radius:.2rem}li{margin:.4rem 0}</style></head>
<body><h1>LTTH overlays</h1>
<p>Add these URLs as OBS browser sources (transparent background). LTTH {{.Version}}.</p>
<ul>{{range .Builtin}}<li><a href="{{.Path}}">{{.Path}}</a> — {{.Title}}{{if .Description}}: {{.Description}}{{end}}</li>{{end}}
{{range .Modules}}<li><a href="{{.}}">{{.}}</a></li>{{end}}</ul>
<p>Health: <a href="/api/health">/api/health</a> · Feed: <code>ws://HOST/ws</code></p>
</body></html>`

func (s *Server) handleIndex(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	mods := append([]string(nil), s.pages...)
	s.mu.Unlock()
	sort.Strings(mods)
	data := indexData{Version: s.cfg.Version, Builtin: overlay.Pages(), Modules: mods}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if err := s.index.Execute(w, data); err != nil {
		s.log.Warn().Err(err).Msg("index page")
	}
}

// parseIndex parses the index template (once per server).
func parseIndex() *template.Template {
	return template.Must(template.New("index").Parse(indexHTML))
}

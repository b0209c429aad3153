package obs

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/requests/inputs"
	"github.com/andreykaipov/goobs/api/requests/sources"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

var _ module.RouteProvider = (*Module)(nil)

// Routes implements module.RouteProvider.
func (m *Module) Routes() []module.Route {
	h := func(p string, f http.HandlerFunc) module.Route { return module.Route{Pattern: p, Handler: f} }
	return []module.Route{
		h("GET /api/obs/settings", m.handleGetSettings),
		h("PUT /api/obs/settings", m.handlePutSettings),
		h("GET /api/obs/status", func(w http.ResponseWriter, _ *http.Request) { httpapi.WriteJSON(w, 200, m.Status()) }),
		h("GET /api/obs/state", func(w http.ResponseWriter, _ *http.Request) { httpapi.WriteJSON(w, 200, m.State()) }),
		h("GET /api/obs/options", m.handleOptions),
		h("POST /api/obs/scene", m.handleScene),
		h("POST /api/obs/command", m.handleCommand),
		h("GET /api/obs/screenshot", m.handleScreenshot),
		h("POST /api/obs/overlays", m.handleOverlays),
		{Pattern: "POST /api/obs/browser-sources", Handler: http.HandlerFunc(m.handleBrowserSources),
			Summary: "Add to OBS: create or update browser sources {scene?, sources:[{name,url,width,height}]} (default: the current scene)"},
	}
}

func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return httpapi.NewError(httpapi.ErrInvalid, "body: "+err.Error())
	}
	return nil
}

func (m *Module) handleGetSettings(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, m.Settings().View())
}

func (m *Module) handlePutSettings(w http.ResponseWriter, r *http.Request) {
	var p SettingsPatch
	if err := decode(r, &p); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	s, err := p.Apply(m.Settings())
	if err == nil {
		err = m.SetSettings(s)
	}
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, s.View())
}

func (m *Module) handleScene(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Name string `json:"name"`
	}
	if err := decode(r, &b); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	m.answer(w, r.Context(), Command{Op: OpSetScene, Scene: b.Name})
}

// handleCommand runs any Command (the dashboard's toggles use it).
func (m *Module) handleCommand(w http.ResponseWriter, r *http.Request) {
	var c Command
	if err := decode(r, &c); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	m.answer(w, r.Context(), c)
}

func (m *Module) answer(w http.ResponseWriter, ctx context.Context, c Command) {
	if err := m.Do(ctx, c); err != nil {
		httpapi.WriteError(w, obsError(err))
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"ok": true, "state": m.State()})
}

// obsError marks OBS's refusals (unknown scene...) as unprocessable.
func obsError(err error) error {
	if httpapi.Status(err) != http.StatusInternalServerError {
		return err
	}
	return httpapi.NewError(httpapi.ErrUnprocessable, err.Error())
}

// handleOptions answers the live choice lists of the form editor.
func (m *Module) handleOptions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	st := m.State()
	type opt struct {
		Value string `json:"value"`
		Label string `json:"label"`
	}
	out := []opt{}
	seen := map[string]bool{}
	add := func(v string) {
		if !seen[v] {
			seen[v] = true
			out = append(out, opt{v, v})
		}
	}
	switch q.Get("kind") {
	case "scenes":
		for _, s := range st.Scenes {
			add(s.Name)
		}
	case "sources", "inputs", "filters":
		for _, s := range st.Scenes {
			if q.Get("kind") == "sources" && q.Get("scene") != "" && s.Name != q.Get("scene") {
				continue
			}
			for _, src := range s.Sources {
				if q.Get("kind") != "filters" {
					add(src.Name)
					continue
				}
				if src.Name == q.Get("source") {
					for _, f := range src.Filters {
						add(f.Name)
					}
				}
			}
		}
	default:
		httpapi.WriteError(w, invalid("kind must be scenes, sources, inputs or filters"))
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, out)
}

// handleScreenshot answers a small JPEG of the program scene.
func (m *Module) handleScreenshot(w http.ResponseWriter, r *http.Request) {
	var img []byte
	err := m.call(r.Context(), "screenshot", func(c *goobs.Client) error {
		scene := m.State().CurrentScene
		if scene == "" {
			cur, err := c.Scenes.GetCurrentProgramScene()
			if err != nil {
				return err
			}
			scene = cur.CurrentProgramSceneName
		}
		res, err := c.Sources.GetSourceScreenshot(sources.NewGetSourceScreenshotParams().WithSourceName(scene).
			WithImageFormat("jpg").WithImageWidth(480).WithImageCompressionQuality(70))
		if err != nil {
			return err
		}
		_, data, ok := strings.Cut(res.ImageData, ";base64,")
		if !ok {
			return errors.New("OBS sent no image")
		}
		img, err = base64.StdEncoding.DecodeString(data)
		return err
	})
	if err != nil {
		httpapi.WriteError(w, obsError(err))
		return
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(img)
}

// handleOverlays creates (or updates) LTTH's overlay browser sources in a
// scene.
func (m *Module) handleOverlays(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Scene string `json:"scene"`
	}
	if err := decode(r, &b); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	if strings.TrimSpace(b.Scene) == "" {
		httpapi.WriteError(w, invalid("scene is required"))
		return
	}
	var list []OverlaySource
	if m.opts.Overlays != nil {
		list = m.opts.Overlays()
	}
	done, err := m.AddOverlays(r.Context(), b.Scene, list)
	if err != nil {
		httpapi.WriteError(w, obsError(err))
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"scene": b.Scene, "sources": done})
}

// AddOverlays creates a browser source per overlay in scene; an input that
// already exists gets its URL and size updated instead (and is added to
// scene when it is only in another one).
func (m *Module) AddOverlays(ctx context.Context, scene string, list []OverlaySource) ([]OverlaySource, error) {
	var done []OverlaySource
	for _, o := range list {
		settings := map[string]any{"url": o.URL, "width": o.Width, "height": o.Height}
		err := m.call(ctx, "addOverlay", func(c *goobs.Client) error {
			_, err := c.Inputs.CreateInput(inputs.NewCreateInputParams().WithSceneName(scene).WithInputName(o.Name).
				WithInputKind("browser_source").WithInputSettings(settings).WithSceneItemEnabled(true))
			if err != nil && strings.Contains(err.Error(), "ResourceAlreadyExists") {
				_, err = c.Inputs.SetInputSettings(inputs.NewSetInputSettingsParams().WithInputName(o.Name).
					WithInputSettings(settings).WithOverlay(true))
				if err == nil {
					err = ensureInScene(c, scene, o.Name)
				}
			}
			if err == nil && o.Anchor != "" {
				err = place(c, scene, o)
			}
			return err
		})
		if err != nil {
			if strings.Contains(err.Error(), "InvalidInputKind") {
				err = httpapi.NewError(httpapi.ErrUnprocessable,
					"this OBS has no Browser source (its obs-browser plugin is missing), so overlays cannot be added")
			}
			return done, err
		}
		done = append(done, o)
	}
	return done, nil
}

// syncOverlays points LTTH's overlay sources that already exist in OBS at
// the current listener address (it changes with --listen); it runs after
// every connect and creates nothing. A source showing the same page keeps
// its query (the overlay designer's ?preset= and style params).
func (m *Module) syncOverlays() {
	if m.opts.Overlays == nil {
		return
	}
	list := m.opts.Overlays()
	_ = m.submit(job{name: "syncOverlays", fn: func(c *goobs.Client) error {
		for _, o := range list {
			cur, err := c.Inputs.GetInputSettings(inputs.NewGetInputSettingsParams().WithInputName(o.Name))
			if err != nil {
				continue // not added to this OBS
			}
			have, _ := cur.InputSettings["url"].(string)
			next := followListener(have, o.URL)
			if next == have {
				continue
			}
			if _, err := c.Inputs.SetInputSettings(inputs.NewSetInputSettingsParams().WithInputName(o.Name).
				WithInputSettings(map[string]any{"url": next}).WithOverlay(true)); err != nil {
				return err
			}
			m.log.Info().Str("source", o.Name).Str("url", next).Msg("obs: overlay URL updated")
		}
		return nil
	}})
}

// followListener is the URL an existing overlay source should have: want
// when it shows another page (or cannot be parsed), else have with want's
// scheme and host, so the page's own query survives a port change.
func followListener(have, want string) string {
	h, err1 := url.Parse(have)
	w, err2 := url.Parse(want)
	if err1 != nil || err2 != nil || h.Path != w.Path || h.Host == "" {
		return want
	}
	if w.RawQuery != "" && !strings.Contains("&"+h.RawQuery+"&", "&"+w.RawQuery+"&") {
		return want // e.g. another goal's id
	}
	h.Scheme, h.Host = w.Scheme, w.Host
	return h.String()
}

package obs

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/requests/inputs"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

var _ module.RouteProvider = (*Module)(nil)

// Routes implements module.RouteProvider. The handlers only decode and
// encode: the service (svc.go) holds the logic both transports share.
func (m *Module) Routes() []module.Route {
	h := func(p string, f http.HandlerFunc) module.Route { return module.Route{Pattern: p, Handler: f} }
	svc := m.Service()
	return []module.Route{
		h("GET /api/obs/settings", httpapi.Get(svc.Settings)),
		h("PUT /api/obs/settings", httpapi.Post(svc.SaveSettings)),
		h("GET /api/obs/status", httpapi.Get(svc.Status)),
		h("GET /api/obs/state", httpapi.Get(svc.State)),
		h("GET /api/obs/options", m.handleOptions),
		h("POST /api/obs/scene", httpapi.Post(svc.SetScene)),
		h("POST /api/obs/command", httpapi.Post(svc.Command)),
		h("GET /api/obs/screenshot", m.handleScreenshot),
		h("POST /api/obs/overlays", httpapi.Post(svc.AddOverlays)),
		{Pattern: "POST /api/obs/browser-sources", Handler: httpapi.Post(svc.BrowserSources),
			Summary: "Add to OBS: create or update browser sources {scene?, sources:[{name,url,width,height}]} (default: the current scene)"},
	}
}

// obsError marks OBS's refusals (unknown scene...) as unprocessable.
func obsError(err error) error {
	if httpapi.Status(err) != http.StatusInternalServerError {
		return err
	}
	return httpapi.NewError(httpapi.ErrUnprocessable, err.Error())
}

// handleOptions answers the live choice lists of the form editor
// (?kind=&scene=&source=).
func (m *Module) handleOptions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	out, err := m.Service().Options(r.Context(), OptionsRequest{Kind: q.Get("kind"), Scene: q.Get("scene"), Source: q.Get("source")})
	httpapi.Reply(w, http.StatusOK, out, err)
}

// handleScreenshot answers the program scene's image as the body.
func (m *Module) handleScreenshot(w http.ResponseWriter, r *http.Request) {
	img, err := m.Service().Screenshot(r.Context())
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	w.Header().Set("Content-Type", img.ContentType)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(img.Data)
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

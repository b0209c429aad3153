package obs

import (
	"context"
	"encoding/base64"
	"errors"
	"strings"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/requests/sources"
)

// Service is the OBS bridge as both transports reach it: the REST handlers
// (http.go) and the desktop's bindings call these methods (core/service
// gathers it as Services.OBS). Errors carry the shared vocabulary: OBS
// down is unavailable, OBS refusing a request (unknown scene…) is
// unprocessable, a bad request is invalid.
type Service struct{ m *Module }

// Service answers the module's service.
func (m *Module) Service() *Service { return &Service{m} }

// SceneRequest names the scene to switch the program to.
type SceneRequest struct {
	Name string `json:"name"`
}

// CommandResult is what a command answers: OBS's state after it.
type CommandResult struct {
	OK    bool  `json:"ok"`
	State State `json:"state"`
}

// OptionsRequest asks for one choice list of the flow editor: Kind is
// scenes, sources (of Scene, or of every scene), inputs, or filters (of
// Source).
type OptionsRequest struct {
	Kind   string `json:"kind"`
	Scene  string `json:"scene"`
	Source string `json:"source"`
}

// Option is one choice of a list.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// Screenshot is an image of the program scene: the encoded bytes and their
// type (REST answers them as the body; the bindings as {contentType, data}
// with data in base64, which the page turns into the same Blob).
type Screenshot struct {
	ContentType string `json:"contentType"`
	Data        []byte `json:"data" ts_type:"string"` // base64 in JSON
}

// OverlaysRequest names the scene LTTH's overlay sources go to.
type OverlaysRequest struct {
	Scene string `json:"scene"`
}

// BrowserSourcesRequest lists the browser sources "Add to OBS" creates or
// updates in Scene ("" is OBS's current program scene).
type BrowserSourcesRequest struct {
	Scene   string          `json:"scene"`
	Sources []OverlaySource `json:"sources"`
}

// SourcesResult is the scene the sources went to and those done.
type SourcesResult struct {
	Scene   string          `json:"scene"`
	Sources []OverlaySource `json:"sources"`
}

// Settings answers the connection settings, the password masked.
func (s *Service) Settings(context.Context) (SettingsView, error) {
	return s.m.Settings().View(), nil
}

// SaveSettings applies p (absent fields stay; a masked password keeps the
// stored one), stores the result, reconnects with it and answers it masked.
func (s *Service) SaveSettings(_ context.Context, p SettingsPatch) (SettingsView, error) {
	next, err := p.Apply(s.m.Settings())
	if err == nil {
		err = s.m.SetSettings(next)
	}
	if err != nil {
		return SettingsView{}, err
	}
	return next.View(), nil
}

// Status answers the connection status.
func (s *Service) Status(context.Context) (Status, error) { return s.m.Status(), nil }

// State answers what OBS shows (scenes, sources, filters, outputs).
func (s *Service) State(context.Context) (State, error) { return s.m.State(), nil }

// SetScene switches OBS's program scene to req.Name.
func (s *Service) SetScene(ctx context.Context, req SceneRequest) (CommandResult, error) {
	return s.Command(ctx, Command{Op: OpSetScene, Scene: req.Name})
}

// Command runs cmd (as the flow actions do, queued in order) and answers
// the state after it.
func (s *Service) Command(ctx context.Context, cmd Command) (CommandResult, error) {
	if err := s.m.Do(ctx, cmd); err != nil {
		return CommandResult{}, obsError(err)
	}
	return CommandResult{OK: true, State: s.m.State()}, nil
}

// Options answers a live choice list of the flow editor, from the
// mirrored state (no OBS request).
func (s *Service) Options(_ context.Context, req OptionsRequest) ([]Option, error) {
	out := []Option{}
	seen := map[string]bool{}
	add := func(v string) {
		if !seen[v] {
			seen[v] = true
			out = append(out, Option{v, v})
		}
	}
	st := s.m.State()
	switch req.Kind {
	case "scenes":
		for _, sc := range st.Scenes {
			add(sc.Name)
		}
	case "sources", "inputs", "filters":
		for _, sc := range st.Scenes {
			if req.Kind == "sources" && req.Scene != "" && sc.Name != req.Scene {
				continue
			}
			for _, src := range sc.Sources {
				if req.Kind != "filters" {
					add(src.Name)
				} else if src.Name == req.Source {
					for _, f := range src.Filters {
						add(f.Name)
					}
				}
			}
		}
	default:
		return nil, invalid("kind must be scenes, sources, inputs or filters")
	}
	return out, nil
}

// Screenshot answers a small JPEG (480 px wide) of the program scene.
func (s *Service) Screenshot(ctx context.Context) (Screenshot, error) {
	var img []byte
	err := s.m.call(ctx, "screenshot", func(c *goobs.Client) error {
		scene := s.m.State().CurrentScene
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
		return Screenshot{}, obsError(err)
	}
	return Screenshot{ContentType: "image/jpeg", Data: img}, nil
}

// AddOverlays creates (or updates) LTTH's own overlay browser sources
// (alerts, leaderboard, goals, plugin overlays) in req.Scene.
func (s *Service) AddOverlays(ctx context.Context, req OverlaysRequest) (SourcesResult, error) {
	if strings.TrimSpace(req.Scene) == "" {
		return SourcesResult{}, invalid("scene is required")
	}
	var list []OverlaySource
	if s.m.opts.Overlays != nil {
		list = s.m.opts.Overlays()
	}
	done, err := s.m.AddOverlays(ctx, req.Scene, list)
	if err != nil {
		return SourcesResult{}, obsError(err)
	}
	return SourcesResult{Scene: req.Scene, Sources: done}, nil
}

// BrowserSources creates or updates the browser sources the overlay
// designer's OBS guide lists in req.Scene (the current program scene when
// empty); a source with an anchor is also placed there on the canvas.
func (s *Service) BrowserSources(ctx context.Context, req BrowserSourcesRequest) (SourcesResult, error) {
	if err := validSources(req.Sources); err != nil {
		return SourcesResult{}, err
	}
	scene, err := s.m.sceneOrCurrent(ctx, strings.TrimSpace(req.Scene))
	if err != nil {
		return SourcesResult{}, obsError(err)
	}
	done, err := s.m.AddOverlays(ctx, scene, req.Sources)
	if err != nil {
		return SourcesResult{}, obsError(err)
	}
	return SourcesResult{Scene: scene, Sources: done}, nil
}

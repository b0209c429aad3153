package obs

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/requests/sceneitems"
	"github.com/andreykaipov/goobs/api/requests/scenes"

	"github.com/ltth/ltth/backend/httpapi"
)

// MaxBrowserSources bounds one "Add to OBS" request.
const MaxBrowserSources = 50

// handleBrowserSources creates or updates the browser sources the overlay
// designer's OBS guide lists ({name, url, width, height} each) in a scene,
// the current program scene when none is named.
func (m *Module) handleBrowserSources(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Scene   string          `json:"scene"`
		Sources []OverlaySource `json:"sources"`
	}
	if err := decode(r, &b); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	if err := validSources(b.Sources); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	scene, err := m.sceneOrCurrent(r.Context(), strings.TrimSpace(b.Scene))
	if err != nil {
		httpapi.WriteError(w, obsError(err))
		return
	}
	done, err := m.AddOverlays(r.Context(), scene, b.Sources)
	if err != nil {
		httpapi.WriteError(w, obsError(err))
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"scene": scene, "sources": done})
}

// validSources checks an "Add to OBS" list before anything reaches OBS.
func validSources(list []OverlaySource) error {
	if len(list) == 0 || len(list) > MaxBrowserSources {
		return invalid("sources: give 1 to %d browser sources", MaxBrowserSources)
	}
	seen := map[string]bool{}
	for i, s := range list {
		name := strings.TrimSpace(s.Name)
		if name == "" || len(name) > 100 || name != s.Name {
			return invalid("sources[%d]: name must be 1-100 characters without leading or trailing spaces", i)
		}
		if seen[name] {
			return invalid("sources[%d]: %q is listed twice", i, name)
		}
		seen[name] = true
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return invalid("sources[%d] (%s): url must be an http(s) URL, got %q", i, name, s.URL)
		}
		if s.Width < 1 || s.Width > 7680 || s.Height < 1 || s.Height > 4320 {
			return invalid("sources[%d] (%s): size %dx%d is outside 1x1..7680x4320", i, name, s.Width, s.Height)
		}
	}
	return nil
}

// sceneOrCurrent is scene, or OBS's current program scene when empty.
func (m *Module) sceneOrCurrent(ctx context.Context, scene string) (string, error) {
	if scene != "" {
		return scene, nil
	}
	err := m.call(ctx, "currentScene", func(c *goobs.Client) error {
		cur, err := c.Scenes.GetCurrentProgramScene(&scenes.GetCurrentProgramSceneParams{})
		if err == nil {
			scene = cur.CurrentProgramSceneName
		}
		return err
	})
	if err == nil && scene == "" {
		err = fmt.Errorf("OBS reports no current scene")
	}
	return scene, err
}

// ensureInScene adds the existing input name to scene unless it is there.
func ensureInScene(c *goobs.Client, scene, name string) error {
	if _, err := c.SceneItems.GetSceneItemId(sceneitems.NewGetSceneItemIdParams().WithSceneName(scene).WithSourceName(name)); err == nil {
		return nil
	}
	_, err := c.SceneItems.CreateSceneItem(sceneitems.NewCreateSceneItemParams().WithSceneName(scene).
		WithSourceName(name).WithSceneItemEnabled(true))
	return err
}

package obs

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"strings"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/requests/config"
	"github.com/andreykaipov/goobs/api/requests/sceneitems"
	"github.com/andreykaipov/goobs/api/requests/scenes"
)

// MaxBrowserSources bounds one "Add to OBS" request.
const MaxBrowserSources = 50

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
		if _, ok := anchors[s.Anchor]; !ok && s.Anchor != "" {
			return invalid("sources[%d] (%s): anchor %q is not one of top-left, top, top-right, left, center, right, bottom-left, bottom, bottom-right", i, name, s.Anchor)
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

// anchors maps an anchor to where on the canvas the source goes (0 = left
// or top edge, 1 = right or bottom edge).
var anchors = map[string][2]float64{
	"top-left": {0, 0}, "top": {0.5, 0}, "top-right": {1, 0},
	"left": {0, 0.5}, "center": {0.5, 0.5}, "right": {1, 0.5},
	"bottom-left": {0, 1}, "bottom": {0.5, 1}, "bottom-right": {1, 1},
}

// place moves o's scene item so that it sits at its anchor on the canvas
// (OBS's base resolution), keeping its scale, crop, rotation and bounds.
func place(c *goobs.Client, scene string, o OverlaySource) error {
	f, ok := anchors[o.Anchor]
	if !ok {
		return nil
	}
	id, err := c.SceneItems.GetSceneItemId(sceneitems.NewGetSceneItemIdParams().WithSceneName(scene).WithSourceName(o.Name))
	if err != nil {
		return err
	}
	video, err := c.Config.GetVideoSettings(&config.GetVideoSettingsParams{})
	if err != nil {
		return err
	}
	cur, err := c.SceneItems.GetSceneItemTransform(sceneitems.NewGetSceneItemTransformParams().
		WithSceneName(scene).WithSceneItemId(id.SceneItemId))
	if err != nil || cur.SceneItemTransform == nil {
		return err
	}
	tr := *cur.SceneItemTransform
	tr.Alignment = 5 // top left: the position is the item's top-left corner
	tr.PositionX = math.Round((video.BaseWidth - float64(o.Width)*tr.ScaleX) * f[0])
	tr.PositionY = math.Round((video.BaseHeight - float64(o.Height)*tr.ScaleY) * f[1])
	// OBS refuses bounds under 1 px even when bounds are off (their default is 0)
	tr.BoundsWidth, tr.BoundsHeight = max(tr.BoundsWidth, 1), max(tr.BoundsHeight, 1)
	_, err = c.SceneItems.SetSceneItemTransform(sceneitems.NewSetSceneItemTransformParams().
		WithSceneName(scene).WithSceneItemId(id.SceneItemId).WithSceneItemTransform(&tr))
	return err
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

package obs

import (
	"sort"
	"time"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/events"
	"github.com/andreykaipov/goobs/api/requests/filters"
	"github.com/andreykaipov/goobs/api/requests/sceneitems"
)

// requestRefresh queues one state refresh unless one is already waiting.
func (m *Module) requestRefresh() {
	if !m.refresh.CompareAndSwap(false, true) {
		return
	}
	err := m.submit(job{name: "refresh", fn: func(c *goobs.Client) error {
		m.refresh.Store(false)
		st, err := fetchState(c)
		if err != nil {
			m.retryRefresh()
			return err
		}
		m.mu.Lock()
		m.state = st
		m.mu.Unlock()
		m.publishState()
		return nil
	}})
	if err != nil {
		m.refresh.Store(false)
	}
}

// retryRefresh asks for another refresh in a second (a refresh can fail
// while OBS is still loading or very busy).
func (m *Module) retryRefresh() {
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		t := time.NewTimer(time.Second)
		defer t.Stop()
		select {
		case <-m.ctx.Done():
		case <-t.C:
			if m.Status().Connected {
				m.requestRefresh()
			}
		}
	}()
}

// fetchState reads scenes, their items and the items' filters.
func fetchState(c *goobs.Client) (State, error) {
	sl, err := c.Scenes.GetSceneList()
	if err != nil {
		return State{}, err
	}
	list := sl.Scenes
	sort.Slice(list, func(i, j int) bool { return list[i].SceneIndex > list[j].SceneIndex }) // OBS's UI order
	st := State{CurrentScene: sl.CurrentProgramSceneName, Scenes: make([]Scene, 0, len(list))}
	filtersOf := map[string][]Filter{}
	for _, sc := range list {
		items, err := c.SceneItems.GetSceneItemList(sceneitems.NewGetSceneItemListParams().WithSceneName(sc.SceneName))
		if err != nil {
			return State{}, err
		}
		scene := Scene{Name: sc.SceneName, Sources: make([]Source, 0, len(items.SceneItems))}
		for _, it := range items.SceneItems {
			fs, ok := filtersOf[it.SourceName]
			if !ok {
				fs = sourceFilters(c, it.SourceName)
				filtersOf[it.SourceName] = fs
			}
			scene.Sources = append(scene.Sources, Source{Name: it.SourceName, ItemID: it.SceneItemID,
				Kind: it.InputKind, Visible: it.SceneItemEnabled, Filters: fs})
		}
		st.Scenes = append(st.Scenes, scene)
	}
	if s, err := c.Stream.GetStreamStatus(); err == nil {
		st.Streaming = s.OutputActive
	}
	if r, err := c.Record.GetRecordStatus(); err == nil {
		st.Recording = r.OutputActive
	}
	st.UpdatedAtMillis = time.Now().UnixMilli()
	return st, nil
}

func sourceFilters(c *goobs.Client, source string) []Filter {
	out := []Filter{}
	fl, err := c.Filters.GetSourceFilterList(filters.NewGetSourceFilterListParams().WithSourceName(source))
	if err != nil {
		return out
	}
	for _, f := range fl.Filters {
		out = append(out, Filter{Name: f.FilterName, Kind: f.FilterKind, Enabled: f.FilterEnabled})
	}
	return out
}

func (m *Module) publishState() {
	m.publish(TypeState, KeyState, m.State())
}

// onEvent applies one OBS event to the mirrored state and publishes the
// flow-trigger messages.
func (m *Module) onEvent(ev any) {
	switch e := ev.(type) {
	case *events.CurrentProgramSceneChanged:
		m.mu.Lock()
		prev := m.state.CurrentScene
		m.state.CurrentScene = e.SceneName
		m.mu.Unlock()
		m.publish(TypeSceneChanged, "", SceneChange{Scene: e.SceneName, Previous: prev})
		m.publishState()
	case *events.SceneItemEnableStateChanged:
		m.editState(func(st *State) {
			for i := range st.Scenes {
				if st.Scenes[i].Name == e.SceneName {
					for j := range st.Scenes[i].Sources {
						if st.Scenes[i].Sources[j].ItemID == e.SceneItemId {
							st.Scenes[i].Sources[j].Visible = e.SceneItemEnabled
						}
					}
				}
			}
		})
	case *events.SourceFilterEnableStateChanged:
		m.editState(func(st *State) { setFilter(st, e.SourceName, e.FilterName, e.FilterEnabled) })
	case *events.StreamStateChanged:
		m.output("stream", e.OutputState, e.OutputActive)
	case *events.RecordStateChanged:
		m.output("record", e.OutputState, e.OutputActive)
	case *events.SceneCreated, *events.SceneRemoved, *events.SceneNameChanged, *events.SceneListChanged,
		*events.SceneItemCreated, *events.SceneItemRemoved, *events.SceneItemListReindexed,
		*events.InputCreated, *events.InputRemoved, *events.InputNameChanged,
		*events.SourceFilterCreated, *events.SourceFilterRemoved, *events.SourceFilterNameChanged:
		m.requestRefresh()
	}
}

// editState changes the mirrored state copy-on-write (readers hold
// copies of the scene slice) and publishes it.
func (m *Module) editState(fn func(*State)) {
	m.mu.Lock()
	st := m.state
	st.Scenes = cloneScenes(st.Scenes)
	fn(&st)
	m.state = st
	m.mu.Unlock()
	m.publishState()
}

func cloneScenes(in []Scene) []Scene {
	out := make([]Scene, len(in))
	for i, sc := range in {
		out[i] = Scene{Name: sc.Name, Sources: make([]Source, len(sc.Sources))}
		for j, src := range sc.Sources {
			src.Filters = append([]Filter(nil), src.Filters...)
			out[i].Sources[j] = src
		}
	}
	return out
}

func setFilter(st *State, source, filter string, on bool) {
	for i := range st.Scenes {
		for j := range st.Scenes[i].Sources {
			src := &st.Scenes[i].Sources[j]
			if src.Name != source {
				continue
			}
			for k := range src.Filters {
				if src.Filters[k].Name == filter {
					src.Filters[k].Enabled = on
				}
			}
		}
	}
}

// output publishes a stream/record start or stop (not the -ING states).
func (m *Module) output(name, state string, active bool) {
	if state != "OBS_WEBSOCKET_OUTPUT_STARTED" && state != "OBS_WEBSOCKET_OUTPUT_STOPPED" {
		return
	}
	m.editState(func(st *State) {
		if name == "stream" {
			st.Streaming = active
		} else {
			st.Recording = active
		}
	})
	m.publish(TypeOutput, "", OutputChange{Output: name, Active: active})
}

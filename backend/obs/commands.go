package obs

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/andreykaipov/goobs"
	"github.com/andreykaipov/goobs/api/requests/filters"
	"github.com/andreykaipov/goobs/api/requests/general"
	"github.com/andreykaipov/goobs/api/requests/inputs"
	"github.com/andreykaipov/goobs/api/requests/sceneitems"
	"github.com/andreykaipov/goobs/api/requests/scenes"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
)

func invalid(format string, args ...any) error {
	return httpapi.NewError(httpapi.ErrInvalid, fmt.Sprintf(format, args...))
}

// need checks that the named fields are set.
func need(op string, fields map[string]string) error {
	for name, v := range fields {
		if strings.TrimSpace(v) == "" {
			return invalid("obs %s: %s is required", op, name)
		}
	}
	return nil
}

// plan checks cmd and returns the request(s) that carry it out.
func (m *Module) plan(cmd Command) (func(*goobs.Client) error, error) {
	switch cmd.Op {
	case OpSetScene:
		if err := need(cmd.Op, map[string]string{"scene": cmd.Scene}); err != nil {
			return nil, err
		}
		return func(c *goobs.Client) error {
			_, err := c.Scenes.SetCurrentProgramScene(scenes.NewSetCurrentProgramSceneParams().WithSceneName(cmd.Scene))
			return err
		}, nil
	case OpSetSourceVisible, OpToggleSource:
		if err := need(cmd.Op, map[string]string{"scene": cmd.Scene, "source": cmd.Source}); err != nil {
			return nil, err
		}
		return func(c *goobs.Client) error { return setItemVisible(c, cmd) }, nil
	case OpSetFilterEnabled:
		if err := need(cmd.Op, map[string]string{"source": cmd.Source, "filter": cmd.Filter}); err != nil {
			return nil, err
		}
		return func(c *goobs.Client) error {
			_, err := c.Filters.SetSourceFilterEnabled(filters.NewSetSourceFilterEnabledParams().
				WithSourceName(cmd.Source).WithFilterName(cmd.Filter).WithFilterEnabled(cmd.On))
			return err
		}, nil
	case OpSetText, OpSetInputURL, OpSetInputFile:
		if err := need(cmd.Op, map[string]string{"source": cmd.Source}); err != nil {
			return nil, err
		}
		key := map[string]string{OpSetText: "text", OpSetInputURL: "url", OpSetInputFile: "local_file"}[cmd.Op]
		return setInputSetting(cmd.Source, key, cmd.Text), nil
	case OpSetMute, OpSetVolume:
		if err := need(cmd.Op, map[string]string{"source": cmd.Source}); err != nil {
			return nil, err
		}
		return audio(cmd), nil
	case OpStartStream, OpStopStream, OpStartRecord, OpStopRecord, OpSaveReplay:
		return output(cmd.Op), nil
	case OpHotkey:
		if err := need(cmd.Op, map[string]string{"hotkey": cmd.Text}); err != nil {
			return nil, err
		}
		return func(c *goobs.Client) error {
			_, err := c.General.TriggerHotkeyByName(general.NewTriggerHotkeyByNameParams().WithHotkeyName(cmd.Text))
			return err
		}, nil
	}
	return nil, invalid("unknown OBS command %q", cmd.Op)
}

// setItemVisible shows, hides or toggles a scene item found by name.
func setItemVisible(c *goobs.Client, cmd Command) error {
	id, err := c.SceneItems.GetSceneItemId(sceneitems.NewGetSceneItemIdParams().
		WithSceneName(cmd.Scene).WithSourceName(cmd.Source))
	if err != nil {
		return err
	}
	on := cmd.On
	if cmd.Op == OpToggleSource {
		cur, err := c.SceneItems.GetSceneItemEnabled(sceneitems.NewGetSceneItemEnabledParams().
			WithSceneName(cmd.Scene).WithSceneItemId(id.SceneItemId))
		if err != nil {
			return err
		}
		on = !cur.SceneItemEnabled
	}
	_, err = c.SceneItems.SetSceneItemEnabled(sceneitems.NewSetSceneItemEnabledParams().
		WithSceneName(cmd.Scene).WithSceneItemId(id.SceneItemId).WithSceneItemEnabled(on))
	return err
}

func setInputSetting(input, key, value string) func(*goobs.Client) error {
	return func(c *goobs.Client) error {
		_, err := c.Inputs.SetInputSettings(inputs.NewSetInputSettingsParams().WithInputName(input).
			WithInputSettings(map[string]any{key: value}).WithOverlay(true))
		return err
	}
}

func audio(cmd Command) func(*goobs.Client) error {
	return func(c *goobs.Client) error {
		if cmd.Op == OpSetMute {
			_, err := c.Inputs.SetInputMute(inputs.NewSetInputMuteParams().WithInputName(cmd.Source).WithInputMuted(cmd.On))
			return err
		}
		_, err := c.Inputs.SetInputVolume(inputs.NewSetInputVolumeParams().WithInputName(cmd.Source).WithInputVolumeDb(cmd.Number))
		return err
	}
}

func output(op string) func(*goobs.Client) error {
	return func(c *goobs.Client) error {
		var err error
		switch op {
		case OpStartStream:
			_, err = c.Stream.StartStream()
		case OpStopStream:
			_, err = c.Stream.StopStream()
		case OpStartRecord:
			_, err = c.Record.StartRecord()
		case OpStopRecord:
			_, err = c.Record.StopRecord()
		case OpSaveReplay:
			_, err = c.Outputs.SaveReplayBuffer()
		}
		return err
	}
}

// undo is the command that reverts cmd after cmd.Seconds, if any.
func undo(cmd Command) (Command, bool) {
	if cmd.Seconds <= 0 {
		return cmd, false
	}
	switch cmd.Op {
	case OpSetSourceVisible, OpSetFilterEnabled, OpSetMute:
		back := cmd
		back.On, back.Seconds = !cmd.On, 0
		return back, true
	case OpToggleSource:
		back := cmd
		back.Seconds = 0
		return back, true
	}
	return cmd, false
}

// scheduleUndo queues the revert of cmd after cmd.Seconds.
func (m *Module) scheduleUndo(cmd Command) {
	back, ok := undo(cmd)
	if !ok {
		return
	}
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		t := time.NewTimer(time.Duration(cmd.Seconds * float64(time.Second)))
		defer t.Stop()
		select {
		case <-m.ctx.Done():
		case <-t.C:
			if err := m.Do(m.ctx, back); err != nil {
				m.log.Warn().Err(err).Str("op", back.Op).Msg("obs: reverting a timed command failed")
			}
		}
	}()
}

// commands runs the TypeCommand messages from the bus without waiting for
// OBS: they are queued (or refused when OBS is down) and the loop goes on.
func (m *Module) commands(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case msg, ok := <-m.sub.C():
			if !ok {
				return
			}
			m.commandMessage(msg)
		}
	}
}

func (m *Module) commandMessage(msg domain.Message) {
	cmd, err := DecodeCommand(msg.Data)
	if err == nil {
		var fn func(*goobs.Client) error
		if fn, err = m.plan(cmd); err == nil {
			err = m.submit(job{name: cmd.Op, fn: func(c *goobs.Client) error {
				if err := fn(c); err != nil {
					return err
				}
				m.scheduleUndo(cmd)
				return nil
			}})
		}
	}
	if err != nil {
		m.log.Debug().Err(err).Msg("obs command from the bus refused")
	}
}

// DecodeCommand reads a TypeCommand payload (a Command, or its JSON form).
func DecodeCommand(data any) (Command, error) {
	switch d := data.(type) {
	case Command:
		return d, nil
	case *Command:
		if d != nil {
			return *d, nil
		}
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return Command{}, invalid("obs command: %v", err)
	}
	var c Command
	if err := json.Unmarshal(raw, &c); err != nil {
		return Command{}, invalid("obs command: %v", err)
	}
	return c, nil
}

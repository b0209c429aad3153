package vdoninja

import (
	"fmt"
	"strconv"

	"github.com/ltth/ltth/backend/httpapi"
)

// ErrInvalid marks bad input (an unknown slot, a volume out of range).
var ErrInvalid = httpapi.NewError(httpapi.ErrInvalid, "invalid")

// Guest is one slot's controlled state.
type Guest struct {
	Slot   int  `json:"slot"`
	Muted  bool `json:"muted"`
	Solo   bool `json:"solo"`
	Volume int  `json:"volume"` // 0-200, 100 = unchanged
}

// Controls are the per-guest settings and the layout, kept in KV.
type Controls struct {
	Guests []Guest `json:"guests"`
	Layout int     `json:"layout"` // 0 = VDO.Ninja's auto-mixer, n = the nth of &layouts
}

// Command is one call of VDO.Ninja's iframe API, posted by the overlay to
// the director iframe as is: {action, target, value}. Target is the
// guest's 1-based slot as a string; empty for room-wide actions.
type Command struct {
	Action string `json:"action"`
	Target string `json:"target,omitempty"`
	Value  any    `json:"value"`
}

// fit makes one entry per slot (new slots at volume 100).
func (c *Controls) fit(n int) {
	for len(c.Guests) < n {
		c.Guests = append(c.Guests, Guest{Slot: len(c.Guests) + 1, Volume: 100})
	}
	c.Guests = c.Guests[:n]
}

func (c *Controls) guest(slot int) (*Guest, error) {
	if slot < 1 || slot > len(c.Guests) {
		return nil, fmt.Errorf("%w: guest slot %d (1 to %d)", ErrInvalid, slot, len(c.Guests))
	}
	return &c.Guests[slot-1], nil
}

func target(slot int) string { return strconv.Itoa(slot) }

// Mute mutes or unmutes a guest's microphone (director action "mic":
// value false = muted).
func (c *Controls) Mute(slot int, muted bool) ([]Command, error) {
	g, err := c.guest(slot)
	if err != nil {
		return nil, err
	}
	g.Muted = muted
	return []Command{{Action: "mic", Target: target(slot), Value: !muted}}, nil
}

// Solo highlights one guest everywhere (director action "soloVideo"); at
// most one guest is solo, so soloing one ends another's.
func (c *Controls) Solo(slot int, on bool) ([]Command, error) {
	g, err := c.guest(slot)
	if err != nil {
		return nil, err
	}
	var out []Command
	if on {
		for i := range c.Guests {
			if o := &c.Guests[i]; o.Solo && o.Slot != slot {
				o.Solo = false
				out = append(out, Command{Action: "soloVideo", Target: target(o.Slot), Value: false})
			}
		}
	}
	g.Solo = on
	return append(out, Command{Action: "soloVideo", Target: target(slot), Value: on}), nil
}

// Volume sets a guest's volume, 0-200 (director action "volume").
func (c *Controls) Volume(slot, volume int) ([]Command, error) {
	if volume < 0 || volume > 200 {
		return nil, fmt.Errorf("%w: volume %d (0 to 200)", ErrInvalid, volume)
	}
	g, err := c.guest(slot)
	if err != nil {
		return nil, err
	}
	g.Volume = volume
	return []Command{{Action: "volume", Target: target(slot), Value: volume}}, nil
}

// SetLayout switches the layout (action "layout": 0 = auto-mixer, n = the
// nth layout of the &layouts URL parameter).
func (c *Controls) SetLayout(n int) ([]Command, error) {
	if n < 0 || n > 99 {
		return nil, fmt.Errorf("%w: layout %d (0 to 99)", ErrInvalid, n)
	}
	c.Layout = n
	return []Command{{Action: "layout", Value: n}}, nil
}

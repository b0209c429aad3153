package soundboard

import (
	"encoding/json"
	"sort"
	"sync"

	"github.com/ltth/ltth/backend/domain"
)

// Gift is one entry of the gift picker.
type Gift struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Diamonds int64  `json:"diamonds"`
	Image    string `json:"image,omitempty"`
	Live     bool   `json:"live,omitempty"` // seen on the live stream (name in the stream's language)
}

// giftCatalog is the bundled catalogue plus the gifts seen live.
type giftCatalog struct {
	mu   sync.Mutex
	base []Gift
	live map[int64]Gift
}

func newGiftCatalog() *giftCatalog {
	c := &giftCatalog{live: map[int64]Gift{}}
	_ = json.Unmarshal(giftsJSON, &c.base)
	return c
}

// see records a gift from a live gift event (at most 1000 kept).
func (c *giftCatalog) see(ev *domain.Event) {
	if ev.GiftID <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.live[ev.GiftID]; !ok && len(c.live) >= 1000 {
		return
	}
	c.live[ev.GiftID] = Gift{ID: ev.GiftID, Name: ev.GiftName, Diamonds: ev.DiamondCount, Image: ev.GiftPictureURL, Live: true}
}

// list is every gift by diamonds then id; live data wins over the bundle.
func (c *giftCatalog) list() []Gift {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Gift, 0, len(c.base)+len(c.live))
	for _, g := range c.base {
		if l, ok := c.live[g.ID]; ok {
			if l.Name == "" {
				l.Name = g.Name
			}
			g = l
		}
		out = append(out, g)
	}
	for id, g := range c.live {
		if !containsGift(c.base, id) {
			out = append(out, g)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Diamonds != out[j].Diamonds {
			return out[i].Diamonds < out[j].Diamonds
		}
		return out[i].ID < out[j].ID
	})
	return out
}

func containsGift(l []Gift, id int64) bool {
	for _, g := range l {
		if g.ID == id {
			return true
		}
	}
	return false
}

package alert

import (
	"math"
	"strconv"

	"github.com/ltth/ltth/backend/domain"
)

// maxBurstSenders bounds the distinct senders a burst remembers; beyond it
// the count of viewers keeps growing without names.
const maxBurstSenders = 1000

// burst is what a waiting event alert needs to absorb later alerts of the
// same kind: the summed event and the config to render it again.
type burst struct {
	kind    string // event type, plus the gift id for gifts
	cfg     Config
	sum     domain.Event
	senders map[string]struct{}
	viewers int
}

func newBurst(e *domain.Event, c Config) *burst {
	kind := string(e.Type)
	if e.Type == domain.EventGift || e.Type == domain.EventGiftStreak {
		kind = string(domain.EventGift) + ":" + strconv.FormatInt(e.GiftID, 10)
	}
	b := &burst{kind: kind, cfg: c, sum: *e, senders: map[string]struct{}{}}
	b.add(e, false)
	return b
}

// add records e's sender and (when fold) adds its counts.
func (b *burst) add(e *domain.Event, fold bool) {
	id := e.UserID + "|" + e.UniqueID
	if _, ok := b.senders[id]; !ok {
		b.viewers++
		if len(b.senders) < maxBurstSenders {
			b.senders[id] = struct{}{}
		}
	}
	if !fold {
		return
	}
	b.sum.RepeatCount = satAdd(b.sum.RepeatCount, e.RepeatCount)
	b.sum.Coins = satAdd(b.sum.Coins, e.Coins)
	b.sum.LikeCount = satAdd(b.sum.LikeCount, e.LikeCount)
	b.sum.TS = e.TS
}

// event is the summed event the merged alert is rendered from: several
// senders show as "N viewers".
func (b *burst) event() *domain.Event {
	e := b.sum
	if b.viewers > 1 {
		e.User = domain.User{Nickname: strconv.Itoa(b.viewers) + " viewers"}
	}
	return &e
}

// coalesce folds it into a waiting alert of the same kind (same screen,
// event type and gift), summing the counts, and reports whether it did.
// Requested alerts (flows) without an event fold into a waiting request
// with the same text and media, shown once with "×N".
func (s *screen) coalesce(it *item) bool {
	if it.burst == nil || it.alert.Event == nil {
		return s.coalesceRequest(it)
	}
	for _, p := range s.pending {
		if p.burst == nil || p.burst.kind != it.burst.kind {
			continue
		}
		p.burst.add(it.alert.Event, true)
		id := p.alert.ID
		p.alert = render(p.burst.event(), p.burst.cfg)
		p.alert.ID = id
		p.priority = max(p.priority, it.priority)
		s.merged++
		return true
	}
	return false
}

// satAdd adds two non-negative counts, saturating at MaxInt64.
func satAdd(a, b int64) int64 {
	if b > 0 && a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// coalesceRequest folds a requested alert into an identical waiting one.
func (s *screen) coalesceRequest(it *item) bool {
	a := it.alert
	for _, p := range s.pending {
		if p.burst != nil || p.alert.Event != nil {
			continue
		}
		base := p.alert.Text
		if p.repeats > 0 {
			base = p.base
		}
		if base != a.Text || p.alert.ImageURL != a.ImageURL || p.alert.SoundURL != a.SoundURL ||
			p.alert.VideoURL != a.VideoURL || p.alert.Animation != a.Animation {
			continue
		}
		if p.repeats == 0 {
			p.base, p.repeats = base, 1
		}
		p.repeats++
		p.alert.Text = base + " ×" + strconv.Itoa(p.repeats)
		p.priority = max(p.priority, it.priority)
		s.merged++
		return true
	}
	return false
}

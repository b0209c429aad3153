package soundboard

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// Triggers a mapping can react to.
const (
	OnGift      = "gift"
	OnFollow    = "follow"
	OnShare     = "share"
	OnSubscribe = "subscribe"
	OnLike      = "like"
	OnCommand   = "command"
)

// Mapping ties one kind of event to a sound.
type Mapping struct {
	ID      string `json:"id"`
	Trigger string `json:"trigger"`
	// GiftID is the gift's id (names are localized) for trigger gift.
	GiftID int64 `json:"giftId,omitempty"`
	// Command is the chat command (e.g. "!airhorn") for trigger command;
	// it matches the first word of a message, case-insensitively.
	Command string `json:"command,omitempty"`
	// Likes within WindowSeconds fire trigger like once, then it counts anew.
	Likes         int64 `json:"likes,omitempty"`
	WindowSeconds int   `json:"windowSeconds,omitempty"`
	// Sound is a library id or an http(s) URL.
	Sound string `json:"sound"`
	// Volume is 0..1 (nil = 1), multiplied with the sound's and the global volume.
	Volume *float64 `json:"volume,omitempty"`
	// Animation (optional) is a picture, GIF or video (library id or
	// http(s) URL) shown while the sound plays.
	Animation   string `json:"animation,omitempty"`
	AnimationMs int    `json:"animationMs,omitempty"`
	Label       string `json:"label,omitempty"`
}

// Gain is the mapping's volume.
func (m Mapping) Gain() float64 {
	if m.Volume == nil {
		return 1
	}
	return *m.Volume
}

// Check says what is wrong with a mapping, in words for the dashboard.
func (m Mapping) Check() error {
	switch m.Trigger {
	case OnGift:
		if m.GiftID <= 0 {
			return fmt.Errorf("mapping %q: a gift mapping needs a gift id", m.ID)
		}
	case OnCommand:
		if c := strings.TrimSpace(m.Command); c == "" || strings.ContainsAny(c, " \t") || len(c) > 40 {
			return fmt.Errorf("mapping %q: a command is one word of at most 40 characters", m.ID)
		}
	case OnLike:
		if m.Likes <= 0 || m.WindowSeconds < 1 || m.WindowSeconds > 3600 {
			return fmt.Errorf("mapping %q: likes must be > 0 and the window 1 to 3600 seconds", m.ID)
		}
	case OnFollow, OnShare, OnSubscribe:
	default:
		return fmt.Errorf("mapping %q: unknown trigger %q (gift, follow, share, subscribe, like or command)", m.ID, m.Trigger)
	}
	if strings.TrimSpace(m.Sound) == "" {
		return fmt.Errorf("mapping %q: no sound", m.ID)
	}
	if v := m.Gain(); v < 0 || v > 1 {
		return fmt.Errorf("mapping %q: volume must be between 0 and 1", m.ID)
	}
	if m.Animation != "" && !isHTTP(m.Animation) {
		return fmt.Errorf("mapping %q: the animation must be an http(s) URL of a picture, GIF or video", m.ID)
	}
	if m.AnimationMs < 0 || m.AnimationMs > 30000 {
		return fmt.Errorf("mapping %q: animation time must be 0 to 30000 ms", m.ID)
	}
	return nil
}

// Cooldowns limit how often sounds play: per user (any of their sounds)
// and globally (any sound at all).
type Cooldowns struct {
	User   time.Duration
	Global time.Duration
}

// Rules matches events against the mappings and applies the cooldowns and
// like windows. Safe for concurrent use.
type Rules struct {
	mu         sync.Mutex
	mappings   []Mapping
	cool       Cooldowns
	lastUser   map[string]time.Time
	lastGlobal time.Time
	likes      map[string][]likeHit
}

type likeHit struct {
	at time.Time
	n  int64
}

// NewRules returns rules without mappings.
func NewRules() *Rules {
	return &Rules{lastUser: map[string]time.Time{}, likes: map[string][]likeHit{}}
}

// Set replaces the mappings (checked) and the cooldowns; like counts restart.
func (r *Rules) Set(ms []Mapping, c Cooldowns) error {
	for _, m := range ms {
		if err := m.Check(); err != nil {
			return err
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.mappings = append([]Mapping(nil), ms...)
	r.cool = c
	r.likes = map[string][]likeHit{}
	return nil
}

// Mappings returns a copy of the mappings.
func (r *Rules) Mappings() []Mapping {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Mapping(nil), r.mappings...)
}

// Match returns the mappings ev fires at now (at most one: the first that
// matches), after cooldowns. Like mappings count likes even while cooling.
func (r *Rules) Match(ev *domain.Event, now time.Time) (Mapping, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, m := range r.mappings {
		if !r.fires(m, ev, now) {
			continue
		}
		if !r.cooled(m, ev.UserID, now) {
			return Mapping{}, false
		}
		r.lastGlobal = now
		if ev.UserID != "" && m.Trigger != OnLike {
			r.lastUser[ev.UserID] = now
		}
		return m, true
	}
	return Mapping{}, false
}

func (r *Rules) cooled(m Mapping, user string, now time.Time) bool {
	if r.cool.Global > 0 && !r.lastGlobal.IsZero() && now.Sub(r.lastGlobal) < r.cool.Global {
		return false
	}
	if m.Trigger == OnLike || user == "" || r.cool.User <= 0 {
		return true
	}
	last, ok := r.lastUser[user]
	return !ok || now.Sub(last) >= r.cool.User
}

func (r *Rules) fires(m Mapping, ev *domain.Event, now time.Time) bool {
	switch m.Trigger {
	case OnGift:
		return ev.Type == domain.EventGift && ev.GiftID == m.GiftID
	case OnFollow:
		return ev.Type == domain.EventFollow
	case OnShare:
		return ev.Type == domain.EventShare
	case OnSubscribe:
		return ev.Type == domain.EventSubscribe
	case OnCommand:
		if ev.Type != domain.EventChat {
			return false
		}
		first, _, _ := strings.Cut(strings.TrimSpace(ev.Comment), " ")
		return strings.EqualFold(first, strings.TrimSpace(m.Command))
	case OnLike:
		return ev.Type == domain.EventLike && r.countLikes(m, ev.LikeCount, now)
	}
	return false
}

// countLikes adds n likes to m's sliding window and reports (and resets)
// when the window holds m.Likes or more.
func (r *Rules) countLikes(m Mapping, n int64, now time.Time) bool {
	window := time.Duration(m.WindowSeconds) * time.Second
	hits := r.likes[m.ID]
	i := 0
	for i < len(hits) && now.Sub(hits[i].at) > window {
		i++
	}
	hits = append(hits[i:], likeHit{now, max(n, 1)})
	var sum int64
	for _, h := range hits {
		sum += h.n
	}
	if sum >= m.Likes {
		delete(r.likes, m.ID)
		return true
	}
	r.likes[m.ID] = hits
	return false
}

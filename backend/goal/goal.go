package goal

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/ltth/ltth/backend/domain"
)

// Kinds of goal: what counts towards it.
const (
	KindLikes         = "likes"         // likeCount of like events
	KindCoins         = "coins"         // coins of gift events (never giftStreak)
	KindFollows       = "follows"       // one per follow event
	KindSubscriptions = "subscriptions" // one per subscribe event
	KindShares        = "shares"        // one per share event
	KindCustom        = "custom"        // only manual adjustments and goalCommand
)

// What happens when a goal's value reaches its target.
const (
	ReachNone   = "none"   // stay full (reached = true)
	ReachAdd    = "add"    // target += Increment until it is above the value
	ReachDouble = "double" // target *= 2 until it is above the value
	ReachReset  = "reset"  // value -= target (the excess carries over)
	ReachHide   = "hide"   // hide the goal (visible = false)
)

// Overlay styles.
const (
	StyleBar     = "bar"
	StyleMinimal = "minimal"
	StyleCircle  = "circle"
)

// MaxTarget bounds targets and values (far beyond any real stream).
const MaxTarget = 1_000_000_000_000

var (
	idRe    = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	colorRe = regexp.MustCompile(`^(#[0-9A-Fa-f]{3,8}|[A-Za-z]{3,20}|rgba?\([0-9., %]{5,40}\))$`)
)

// Goal is a goal's configuration, stored as the JSON of GoalRecord.Config.
// Its value is kept separately (GoalRecord.Value).
type Goal struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Target is the current target; StartTarget the configured one that a
	// reset restores (they differ after "add"/"double" raised the target).
	Target      int64  `json:"target"`
	StartTarget int64  `json:"startTarget"`
	OnReach     string `json:"onReach"`
	Increment   int64  `json:"increment"` // for "add"; 0 = StartTarget
	Style       string `json:"style"`
	Color       string `json:"color,omitempty"` // CSS color of the bar/ring
	Hidden      bool   `json:"hidden"`
}

// Validate checks g and fills defaults.
func (g *Goal) Validate() error {
	if !idRe.MatchString(g.ID) {
		return fmt.Errorf("id must be 1-64 letters, digits, '-' or '_'")
	}
	if !oneOf(g.Kind, KindLikes, KindCoins, KindFollows, KindSubscriptions, KindShares, KindCustom) {
		return fmt.Errorf("kind must be likes, coins, follows, subscriptions, shares or custom")
	}
	g.Name = strings.TrimSpace(g.Name)
	if g.Name == "" {
		g.Name = g.Kind
	}
	if len(g.Name) > 100 {
		return fmt.Errorf("name is longer than 100 bytes")
	}
	if g.Target <= 0 || g.Target > MaxTarget {
		return fmt.Errorf("target must be between 1 and %d", int64(MaxTarget))
	}
	if g.StartTarget <= 0 || g.StartTarget > MaxTarget {
		g.StartTarget = g.Target
	}
	return g.validateLook()
}

func (g *Goal) validateLook() error {
	if g.OnReach == "" {
		g.OnReach = ReachNone
	}
	if !oneOf(g.OnReach, ReachNone, ReachAdd, ReachDouble, ReachReset, ReachHide) {
		return fmt.Errorf("onReach must be none, add, double, reset or hide")
	}
	if g.Increment < 0 || g.Increment > MaxTarget {
		return fmt.Errorf("increment must be between 0 and %d", int64(MaxTarget))
	}
	if g.Style == "" {
		g.Style = StyleBar
	}
	if !oneOf(g.Style, StyleBar, StyleMinimal, StyleCircle) {
		return fmt.Errorf("style must be bar, minimal or circle")
	}
	if g.Color != "" && !colorRe.MatchString(g.Color) {
		return fmt.Errorf("color must be #hex, a color name or rgb()/rgba()")
	}
	return nil
}

func oneOf(s string, opts ...string) bool {
	for _, o := range opts {
		if s == o {
			return true
		}
	}
	return false
}

// Amount is how much e counts towards a goal of kind (0: not at all).
func Amount(kind string, e *domain.Event) int64 {
	switch {
	case kind == KindLikes && e.Type == domain.EventLike:
		return e.LikeCount
	case kind == KindCoins && e.Type == domain.EventGift:
		return e.Coins
	case kind == KindFollows && e.Type == domain.EventFollow,
		kind == KindShares && e.Type == domain.EventShare,
		kind == KindSubscriptions && e.Type == domain.EventSubscribe:
		return 1
	}
	return 0
}

// Reached is the payload of a "goalReached" bus message.
type Reached struct {
	GoalID string `json:"goalId"`
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Value  int64  `json:"value"`  // the value that reached the target
	Target int64  `json:"target"` // the target that was reached
	Times  int64  `json:"times"`  // how many targets one change passed (add/double/reset)
}

// settle applies the on-reach rule after the value went from old to *value.
// It may change *value and g (target, hidden) and reports the reach, if any.
func settle(g *Goal, old int64, value *int64) (Reached, bool) {
	v := *value
	if v < g.Target || (old >= g.Target && (g.OnReach == ReachNone || g.OnReach == ReachHide)) {
		return Reached{}, false
	}
	r := Reached{GoalID: g.ID, Name: g.Name, Kind: g.Kind, Value: v, Target: g.Target, Times: 1}
	switch g.OnReach {
	case ReachHide:
		g.Hidden = true
	case ReachAdd:
		inc := g.Increment
		if inc <= 0 {
			inc = g.StartTarget
		}
		r.Times = (v-g.Target)/inc + 1
		g.Target = min(g.Target+r.Times*inc, math.MaxInt64/4)
	case ReachDouble:
		r.Times = 0
		for g.Target <= v && g.Target < math.MaxInt64/4 {
			g.Target *= 2
			r.Times++
		}
	case ReachReset:
		r.Times = v / g.Target
		*value = v % g.Target
	}
	return r, true
}

// State is the payload of the `goal` state message (key "goal:<id>").
type State struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Value   int64  `json:"value"`
	Target  int64  `json:"target"`
	Style   string `json:"style"`
	Visible bool   `json:"visible"`
	Reached bool   `json:"reached"`
	Color   string `json:"color,omitempty"`
}

func state(g *Goal, value int64) State {
	return State{ID: g.ID, Name: g.Name, Kind: g.Kind, Value: value, Target: g.Target,
		Style: g.Style, Visible: !g.Hidden, Reached: value >= g.Target, Color: g.Color}
}

// OverlayURL is the path of a goal's overlay page.
func OverlayURL(id string) string { return "/overlay/goal.html?id=" + id }

package alert

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/ltth/ltth/backend/domain"
)

// Config is the alert configuration for one event type. It is stored as
// JSON through Store.PutAlertConfig, keyed by event type.
type Config struct {
	Enabled bool `json:"enabled"`
	// Text is a template such as "{nickname} sent {repeatCount}x {giftName}";
	// it renders to plain text (see Render).
	Text string `json:"text"`
	// Media URLs: http(s) or a local path starting with "/". They may be a
	// single placeholder such as "{giftPictureUrl}" or "{avatarUrl}".
	SoundURL string `json:"soundUrl"`
	ImageURL string `json:"imageUrl"`
	VideoURL string `json:"videoUrl"`
	// DurationMs is how long the overlay shows the alert.
	DurationMs int `json:"durationMs"`
	// Animation names the overlay's entry animation (e.g. "fade", "bounce").
	Animation string `json:"animation"`
	// MinCoins is the least gift value (coins) that alerts; gifts only.
	MinCoins int64 `json:"minCoins"`
	// Screen is the overlay screen (queue) the alert goes to.
	Screen string `json:"screen"`
	// Priority orders a screen's queue: higher first, FIFO within a priority.
	Priority int `json:"priority"`
	// ComboSteps (gift only) alerts on every combo step (giftStreak) instead
	// of once at the streak end; pending steps of one streak are merged.
	ComboSteps bool `json:"comboSteps"`
}

// Limits of a valid configuration.
const (
	DefaultDurationMs = 5000
	MinDurationMs     = 500 // the overlay's own bounds (backend/overlay alerts.js)
	MaxDurationMs     = 60000
	MaxTextLen        = 500
	DefaultScreen     = "main"
)

var (
	screenRe    = regexp.MustCompile(`^[A-Za-z0-9_-]{1,32}$`)
	animationRe = regexp.MustCompile(`^[A-Za-z0-9_-]{0,32}$`)
)

// AlertTypes lists the event types that can have an alert, in display order.
func AlertTypes() []domain.EventType {
	return []domain.EventType{
		domain.EventGift, domain.EventFollow, domain.EventSubscribe, domain.EventShare,
		domain.EventLike, domain.EventChat, domain.EventJoin, domain.EventEmote, domain.EventQuestion,
	}
}

// Alertable reports whether an alert can be configured for t.
func Alertable(t string) bool {
	for _, k := range AlertTypes() {
		if string(k) == t {
			return true
		}
	}
	return false
}

// DefaultConfig is the configuration of an event type nobody has edited.
func DefaultConfig(t domain.EventType) Config {
	c := Config{DurationMs: DefaultDurationMs, Screen: DefaultScreen, Animation: "fade"}
	switch t {
	case domain.EventGift:
		c.Enabled, c.Priority = true, 20
		c.Text = "{nickname} sent {repeatCount}x {giftName}"
		c.ImageURL = "{giftPictureUrl}"
	case domain.EventFollow:
		c.Enabled, c.Priority = true, 10
		c.Text = "{nickname} followed!"
		c.ImageURL = "{avatarUrl}"
	case domain.EventSubscribe:
		c.Enabled, c.Priority = true, 30
		c.Text = "{nickname} subscribed! (month {subMonth})"
		c.ImageURL = "{avatarUrl}"
	case domain.EventShare:
		c.Enabled, c.Priority = true, 5
		c.Text = "{nickname} shared the stream!"
	case domain.EventLike:
		c.Text = "{nickname} sent {likeCount} likes"
	case domain.EventChat:
		c.Text = "{nickname}: {comment}"
	case domain.EventJoin:
		c.Text = "{nickname} joined"
	case domain.EventEmote:
		c.Text = "{nickname} sent an emote"
		c.ImageURL = "{emoteUrl}"
	case domain.EventQuestion:
		c.Text = "{nickname} asks: {question}"
	}
	return c
}

// Validate checks c and fills defaults for zero fields.
func (c *Config) Validate() error {
	if c.DurationMs == 0 {
		c.DurationMs = DefaultDurationMs
	}
	if c.DurationMs < MinDurationMs || c.DurationMs > MaxDurationMs {
		return fmt.Errorf("durationMs must be between %d and %d", MinDurationMs, MaxDurationMs)
	}
	if c.Screen == "" {
		c.Screen = DefaultScreen
	}
	if !screenRe.MatchString(c.Screen) {
		return fmt.Errorf("screen must be 1-32 letters, digits, '-' or '_'")
	}
	if !animationRe.MatchString(c.Animation) {
		return fmt.Errorf("animation must be up to 32 letters, digits, '-' or '_'")
	}
	if len(c.Text) > MaxTextLen {
		return fmt.Errorf("text is longer than %d bytes", MaxTextLen)
	}
	if c.MinCoins < 0 {
		return fmt.Errorf("minCoins must not be negative")
	}
	for name, u := range map[string]string{"soundUrl": c.SoundURL, "imageUrl": c.ImageURL, "videoUrl": c.VideoURL} {
		if !validMediaURL(u, true) {
			return fmt.Errorf("%s must be empty, http(s)://…, a path starting with '/' or one placeholder like {avatarUrl}", name)
		}
	}
	return nil
}

// validMediaURL accepts "", http(s) URLs, local absolute paths and (when
// placeholders are allowed) a single {placeholder}.
func validMediaURL(u string, placeholder bool) bool {
	if u == "" {
		return true
	}
	if placeholder && strings.HasPrefix(u, "{") && strings.HasSuffix(u, "}") && !strings.ContainsAny(u[1:len(u)-1], "{}") {
		return true
	}
	if strings.ContainsAny(u, "\"'<>\\ \t\r\n") {
		return false
	}
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
		return true
	}
	return strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//")
}

// configSet holds every alertable type's configuration.
type configSet map[string]Config

func defaultConfigs(lang string) configSet {
	cs := configSet{}
	for _, t := range AlertTypes() {
		cs[string(t)] = DefaultConfigIn(t, lang)
	}
	return cs
}

// loadConfigs merges stored configurations over the defaults. Broken stored
// entries are reported and skipped (the default stays in force).
func loadConfigs(st Store, lang string) (configSet, []error) {
	cs := defaultConfigs(lang)
	raw, err := st.AlertConfigs()
	if err != nil {
		return cs, []error{fmt.Errorf("load alert configs: %w", err)}
	}
	var errs []error
	for t, b := range raw {
		if !Alertable(t) {
			continue
		}
		c := cs[t]
		if err := json.Unmarshal(b, &c); err != nil {
			errs = append(errs, fmt.Errorf("alert config %q: %w", t, err))
			continue
		}
		if err := c.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("alert config %q: %w", t, err))
			continue
		}
		cs[t] = c
	}
	return cs, errs
}

package emojirain

import (
	"math"
	"net/url"
	"strings"

	"github.com/ltth/ltth/backend/domain"
)

// MaxPerRain bounds one shower.
const MaxPerRain = 500

// Rain is one shower: the payload of "plugin:emoji-rain:rain".
type Rain struct {
	Count    int      `json:"count"`
	Emojis   []string `json:"emojis"`
	ImageURL string   `json:"imageUrl,omitempty"`
	Reason   string   `json:"reason,omitempty"`
}

var defaultEmojis = []string{"❤️", "🔥", "⭐", "🎉"}

// normalize clamps settings to sane ranges.
func normalize(s Settings) Settings {
	s.Size = clampF(s.Size, 16, 160, 48)
	s.Density = clampF(s.Density, 0.1, 5, 1)
	s.DurationMs = clampF(s.DurationMs, 500, 60000, 6000)
	s.MaxOnScreen = clampF(s.MaxOnScreen, 10, 2000, 500)
	var em []string
	for _, e := range s.Emojis {
		if e = strings.TrimSpace(e); e != "" && len(e) <= 32 {
			em = append(em, e)
		}
	}
	if len(em) == 0 {
		em = defaultEmojis
	}
	s.Emojis = em
	s.Command = strings.ToLower(strings.TrimSpace(s.Command))
	if s.Command == "" {
		s.Command = "!rain"
	}
	return s
}

func clampF(v, lo, hi, def float64) float64 {
	if v == 0 || math.IsNaN(v) {
		return def
	}
	return math.Max(lo, math.Min(hi, v))
}

// scaled applies the density to a base count, at least 1, at most MaxPerRain.
func scaled(base float64, s *Settings) int {
	n := int(math.Round(base * s.Density))
	return max(1, min(MaxPerRain, n))
}

// rainFor decides the shower an event causes, if any:
// likes floor(likes/10) in 1..20, gifts 3+coins/10 up to 50 (with the
// gift's picture), follows 5, the chat command 20 (or one allowed emoji).
func rainFor(e *domain.Event, s *Settings) (Rain, bool) {
	r := Rain{Emojis: s.Emojis, Reason: string(e.Type)}
	switch e.Type {
	case domain.EventLike:
		if !s.OnLike {
			return r, false
		}
		r.Count = scaled(math.Max(1, math.Min(20, float64(e.LikeCount/10))), s)
	case domain.EventGift:
		if !s.OnGift {
			return r, false
		}
		r.Count = scaled(math.Min(50, 3+float64(e.Coins)/10), s)
		r.ImageURL = SafeURL(e.GiftPictureURL)
	case domain.EventFollow:
		if !s.OnFollow {
			return r, false
		}
		r.Count = scaled(5, s)
	case domain.EventChat:
		return commandRain(e.Comment, s)
	default:
		return r, false
	}
	return r, true
}

func commandRain(comment string, s *Settings) (Rain, bool) {
	r := Rain{Emojis: s.Emojis, Reason: "command"}
	if !s.OnCommand {
		return r, false
	}
	fields := strings.Fields(comment)
	if len(fields) == 0 || strings.ToLower(fields[0]) != s.Command {
		return r, false
	}
	if len(fields) > 1 {
		for _, e := range s.Emojis {
			if e == fields[1] {
				r.Emojis = []string{e}
			}
		}
	}
	r.Count = scaled(20, s)
	return r, true
}

// SafeURL returns u when it is an absolute http(s) URL, else "".
func SafeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

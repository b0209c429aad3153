package tts

import (
	"errors"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Reasons a message is not read.
var (
	ErrBlockedWord = errors.New("contains a blocked word")
	ErrEmpty       = errors.New("nothing left to read")
	ErrRateLimited = errors.New("user is over the rate limit")
	ErrDuplicate   = errors.New("same message read recently")
)

// leet lists what each letter may be written as.
var leet = map[rune]string{
	'a': "a@4аá", 'b': "b8", 'c': "c(сç", 'e': "e3еé€", 'g': "g69", 'h': "h#", 'i': "i1!|íіl",
	'l': "l1|", 'o': "o0оó", 'p': "pр", 's': "s$5", 't': "t7+", 'u': "uvú", 'x': "xх", 'y': "yу", 'z': "z2",
}

// blockPattern is a whole-word pattern for w: each letter in any of its
// leetspeak forms, repeatable, with ._*- allowed between letters.
func blockPattern(w string) string {
	var b strings.Builder
	for i, r := range strings.ToLower(w) {
		if i > 0 {
			b.WriteString(`[._*\-]*`)
		}
		set := leet[r]
		if set == "" {
			set = string(r)
		}
		b.WriteString("[" + regexp.QuoteMeta(set) + "]+")
	}
	return b.String()
}

// Moderator cleans a message for reading or refuses it.
type Moderator struct {
	block  *regexp.Regexp
	maxLen int
}

// NewModerator blocks words (whole words, leetspeak variants) and cuts
// text to maxLen characters.
func NewModerator(words []string, maxLen int) *Moderator {
	m := &Moderator{maxLen: maxLen}
	var alts []string
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			alts = append(alts, blockPattern(w))
		}
	}
	if len(alts) > 0 {
		m.block = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(?:` + strings.Join(alts, "|") + `)(?:[^\p{L}\p{N}]|$)`)
	}
	return m
}

var (
	linkRe  = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|gg|tv|de|ly|me|co|xyz|app|link|info|ru|uk|be)\b(?:/\S*)?`)
	spaceRe = regexp.MustCompile(`\s+`)
)

// Clean removes links, collapses emoji walls and repeated characters,
// cuts to the maximum length and refuses blocked words or empty text.
func (m *Moderator) Clean(text string) (string, error) {
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u200b' || r == '\u200d' || r == '\ufeff' {
			return ' '
		}
		return r
	}, text)
	if m.block != nil && m.block.MatchString(text) {
		return "", ErrBlockedWord
	}
	text = linkRe.ReplaceAllString(text, " ")
	text = collapse(text)
	text = strings.TrimSpace(spaceRe.ReplaceAllString(text, " "))
	if m.maxLen > 0 && utf8.RuneCountInString(text) > m.maxLen {
		text = cut(text, m.maxLen)
	}
	if !hasWordChar(text) {
		return "", ErrEmpty
	}
	return text, nil
}

func isEmoji(r rune) bool {
	return r >= 0x1F000 || (r >= 0x2600 && r <= 0x27BF) || (r >= 0x2B00 && r <= 0x2BFF) || r == 0xFE0F || unicode.Is(unicode.So, r)
}

// collapse keeps at most 3 of any repeated character and drops emoji when
// there are more than 3 (a wall), else keeps one of each emoji run.
func collapse(s string) string {
	emoji := 0
	for _, r := range s {
		if isEmoji(r) && r != 0xFE0F {
			emoji++
		}
	}
	var b strings.Builder
	var prev rune
	run := 0
	prevEmoji := false
	for _, r := range s {
		if isEmoji(r) {
			if emoji > 3 || prevEmoji || r == 0xFE0F {
				prevEmoji = true
				continue
			}
			prevEmoji = true
			b.WriteRune(r)
			continue
		}
		prevEmoji = false
		if unicode.ToLower(r) == unicode.ToLower(prev) {
			run++
		} else {
			prev, run = r, 1
		}
		if run <= 3 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cut shortens text to n characters at a word boundary when there is one.
func cut(text string, n int) string {
	rs := []rune(text)[:n]
	s := string(rs)
	if i := strings.LastIndexByte(s, ' '); i > len(s)/2 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

// Limiter applies the per-user rate limit and drops duplicates.
type Limiter struct {
	PerUser int
	Window  time.Duration
	Dedupe  time.Duration

	mu   sync.Mutex
	hits map[string][]time.Time
	seen map[string]time.Time
}

// Allow records one message of user (text already cleaned) at now.
func (l *Limiter) Allow(user, text string, now time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.hits == nil {
		l.hits, l.seen = map[string][]time.Time{}, map[string]time.Time{}
	}
	key := user + "\x00" + strings.ToLower(text)
	if t, ok := l.seen[key]; ok && l.Dedupe > 0 && now.Sub(t) < l.Dedupe {
		return ErrDuplicate
	}
	hs := l.hits[user][:0:0]
	for _, t := range l.hits[user] {
		if now.Sub(t) < l.Window {
			hs = append(hs, t)
		}
	}
	if l.PerUser > 0 && len(hs) >= l.PerUser {
		l.hits[user] = hs
		return ErrRateLimited
	}
	l.hits[user] = append(hs, now)
	l.seen[key] = now
	if len(l.seen) > 5000 {
		for k, t := range l.seen {
			if now.Sub(t) >= l.Dedupe {
				delete(l.seen, k)
			}
		}
	}
	return nil
}

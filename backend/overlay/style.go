package overlay

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Style parameters every overlay page understands (through
// /overlay/ltth-style.js, which ltth-client.js loads), as URL query
// parameters or the params of a saved preset (?preset=name):
//
//	w, h     the OBS browser-source size in px (the page fills it; the
//	         designer and "Add to OBS" use it)
//	anchor   where the content sits: top-left|top|top-right|left|center|
//	         right|bottom-left|bottom|bottom-right
//	scale    0.25..5 (multiplies every size)
//	font     a family from Fonts; size the base font size in px (8..200)
//	text, accent, bg   colours: #rgb, #rrggbb, rgb(r,g,b) or rgba(r,g,b,a)
//	anim     the alert animation (Animations)
//	lang     the overlay's language (Languages)
//
// Anything else, or a value that fails its rule, is ignored; numbers out
// of range are clamped. The browser side (ltth-style.js) applies the same
// rules; ParseStyle is the reference the preset API validates with.

// Fonts is the allow-list of font choices: key → CSS font-family stack of
// fonts found on Windows, macOS and Linux (no web fonts are fetched).
var Fonts = map[string]string{
	"default":   `"Montserrat", "Poppins", "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif`,
	"system":    `system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif`,
	"arial":     `Arial, "Helvetica Neue", Helvetica, "Liberation Sans", sans-serif`,
	"verdana":   `Verdana, "DejaVu Sans", Geneva, sans-serif`,
	"trebuchet": `"Trebuchet MS", "DejaVu Sans", sans-serif`,
	"georgia":   `Georgia, "DejaVu Serif", "Times New Roman", serif`,
	"times":     `"Times New Roman", Times, "Liberation Serif", serif`,
	"impact":    `Impact, "Arial Black", "DejaVu Sans", sans-serif`,
	"comic":     `"Comic Sans MS", "Comic Neue", "Chalkboard SE", cursive`,
	"mono":      `"Cascadia Mono", Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace`,
}

// Anchors, Animations and Languages are the allowed values of those keys.
var (
	Anchors    = []string{"top-left", "top", "top-right", "left", "center", "right", "bottom-left", "bottom", "bottom-right"}
	Animations = []string{"pop", "slide", "slide-up", "fade", "bounce", "zoom", "drop"}
	Languages  = []string{"en", "de"}
)

// numRule bounds a numeric parameter.
type numRule struct {
	lo, hi float64
	whole  bool
}

var numRules = map[string]numRule{
	"w":     {64, 7680, true},
	"h":     {64, 4320, true},
	"scale": {0.25, 5, false},
	"size":  {8, 200, true},
}

var (
	hexColour  = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
	rgbColour  = regexp.MustCompile(`^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(\d*\.?\d+)\s*)?\)$`)
	presetName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$`)
)

// StyleKeys lists every style parameter key, sorted.
func StyleKeys() []string {
	keys := []string{"anchor", "font", "text", "accent", "bg", "anim", "lang"}
	for k := range numRules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ValidColour reports whether s is a colour the overlays accept.
func ValidColour(s string) bool {
	if hexColour.MatchString(s) {
		return true
	}
	m := rgbColour.FindStringSubmatch(s)
	if m == nil || (strings.HasPrefix(s, "rgba") != (m[4] != "")) {
		return false
	}
	for _, c := range m[1:4] {
		if n, _ := strconv.Atoi(c); n > 255 {
			return false
		}
	}
	if m[4] != "" {
		a, err := strconv.ParseFloat(m[4], 64)
		return err == nil && a >= 0 && a <= 1
	}
	return true
}

// ValidPresetName reports whether name can name a preset: 1-40 letters,
// digits, spaces, '_', '.', '-', starting with a letter or digit.
func ValidPresetName(name string) bool { return presetName.MatchString(name) }

// cleanValue validates one parameter, returning the normalised value or
// an error saying why it is refused.
func cleanValue(key, v string) (string, error) {
	v = strings.TrimSpace(v)
	if r, ok := numRules[key]; ok {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return "", fmt.Errorf("%s: %q is not a number", key, v)
		}
		f = math.Max(r.lo, math.Min(r.hi, f))
		if r.whole {
			return strconv.Itoa(int(math.Round(f))), nil
		}
		return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64), nil
	}
	var ok bool
	switch key {
	case "text", "accent", "bg":
		ok = ValidColour(v)
	case "font":
		_, ok = Fonts[v]
	case "anchor":
		ok = oneOf(v, Anchors)
	case "anim":
		ok = oneOf(v, Animations)
	case "lang":
		ok = oneOf(v, Languages)
	default:
		return "", fmt.Errorf("%q is not a style parameter (known: %s)", key, strings.Join(StyleKeys(), ", "))
	}
	if !ok {
		return "", fmt.Errorf("%s: %q is not allowed", key, v)
	}
	return v, nil
}

func oneOf(v string, list []string) bool {
	for _, s := range list {
		if v == s {
			return true
		}
	}
	return false
}

// ParseStyle keeps the valid style parameters of q (first value of each
// key), normalised (numbers clamped), and reports every value it dropped.
// Keys that are not style parameters (screen, id, preset, ...) are left
// out silently: they belong to the page.
func ParseStyle(q url.Values) (map[string]string, []error) {
	out := map[string]string{}
	var problems []error
	for _, k := range StyleKeys() {
		vs, ok := q[k]
		if !ok || len(vs) == 0 || vs[0] == "" {
			continue
		}
		v, err := cleanValue(k, vs[0])
		if err != nil {
			problems = append(problems, err)
			continue
		}
		out[k] = v
	}
	return out, problems
}

// CleanParams validates a preset's params strictly: every key must be a
// style parameter and every value valid (numbers are still clamped).
func CleanParams(in map[string]string) (map[string]string, error) {
	out := map[string]string{}
	keys := make([]string, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if in[k] == "" {
			continue
		}
		v, err := cleanValue(k, in[k])
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

package overlay

import (
	"regexp"
	"strconv"
	"strings"
)

// MaxCustomCSS bounds a preset's custom CSS in bytes.
const MaxCustomCSS = 16 << 10

var (
	cssComment   = regexp.MustCompile(`(?s)/\*.*?\*/`)
	cssImport    = regexp.MustCompile(`(?i)@import[^;{}]*;?`)
	cssURL       = regexp.MustCompile(`(?i)url\(\s*("[^"]*"|'[^']*'|[^)]*)\s*\)`)
	cssURLLeft   = regexp.MustCompile(`(?i)url\(`)
	cssForbidden = regexp.MustCompile(`(?i)(?:-webkit-)?image-set\(|expression\(|-moz-binding|behavior\s*:|@namespace|</?style`)
	cssScheme    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)
	placeholder  = regexp.MustCompile("\x00[0-9]+\x00")
)

// SanitizeCSS constrains a preset's custom CSS so it can restyle its own
// overlay page and nothing else: it cannot load anything from another
// origin, pull in other style sheets or end a <style> element.
//
//   - backslashes are removed (CSS escapes could spell "url(" or a scheme
//     in a way the checks below do not see), comments too;
//   - @import rules are removed;
//   - url(...) keeps only data: URLs and same-origin paths ("/x.png",
//     "img/x.png"); any other (http:, //host, javascript:, ...) becomes
//     url("") — which loads nothing; any other url( is blocked;
//   - image-set() (takes bare strings as URLs), expression(), -moz-binding,
//     behavior:, @namespace and "<style"/"</style" are neutralised;
//   - the result is cut at MaxCustomCSS bytes.
//
// The overlay page then applies it as a same-origin style sheet (the
// pages' CSP allows no inline style elements), inside that page only.
func SanitizeCSS(css string) string {
	if len(css) > MaxCustomCSS {
		css = css[:MaxCustomCSS]
	}
	css = strings.ToValidUTF8(css, "")
	css = strings.ReplaceAll(css, "\\", "")
	css = strings.ReplaceAll(css, "\x00", "")
	css = cssComment.ReplaceAllString(css, " ")
	css = cssImport.ReplaceAllString(css, "")
	// url(...) become placeholders (NUL was removed above, so no viewer
	// text can forge one); any url( left after that is unbalanced or odd
	// and is blocked; then the placeholders come back as url("...").
	var kept []string
	css = cssURL.ReplaceAllStringFunc(css, func(m string) string {
		arg := strings.TrimSpace(strings.Trim(strings.TrimSpace(cssURL.FindStringSubmatch(m)[1]), `"'`))
		if !sameOriginOrData(arg) {
			arg = ""
		}
		kept = append(kept, `url("`+strings.ReplaceAll(arg, `"`, "")+`")`)
		return "\x00" + strconv.Itoa(len(kept)-1) + "\x00"
	})
	css = cssURLLeft.ReplaceAllString(css, "x-blocked(")
	css = cssForbidden.ReplaceAllString(css, "x-blocked(")
	css = placeholder.ReplaceAllStringFunc(css, func(m string) string {
		n, _ := strconv.Atoi(strings.Trim(m, "\x00"))
		return kept[n]
	})
	return css
}

func sameOriginOrData(u string) bool {
	if u == "" {
		return false
	}
	lower := strings.ToLower(u)
	if strings.HasPrefix(lower, "data:") {
		return !strings.ContainsAny(u, "()")
	}
	if strings.HasPrefix(u, "//") || strings.ContainsAny(u, "()\n\r") {
		return false
	}
	return !cssScheme.MatchString(u)
}

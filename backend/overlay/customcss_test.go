package overlay

import (
	"regexp"
	"strings"
	"testing"
)

// remote matches anything in sanitised CSS that could still make the
// browser fetch from another origin or leave the style sheet (every url(
// left must be the quoted form the sanitiser writes).
var remote = regexp.MustCompile(`(?i)@import|url\(\s*["']?\s*([a-z][a-z0-9+.-]*:|//)|image-set\(|</?style|expression\(|url\(\s*[^"\s)]`)

func TestSanitizeCSSBlocksRemoteLoadsAndBreakouts(t *testing.T) {
	hostile := []string{
		`@import url("https://evil.example/a.css");`,
		`@import 'https://evil.example/a.css';`,
		`@IMPORT "//evil.example/a.css"`,
		`body { background: url(https://evil.example/a.png) }`,
		`body { background: url( 'HTTP://evil.example/a.png' ) }`,
		`body { background: url(//evil.example/a.png) }`,
		`body { background: u\72l(https://evil.example/a.png) }`,
		`body { background: \75 rl(https://evil.example/a.png) }`,
		`body { background: url("https://evil.example/a.png"`, // unclosed at the end
		`body { background: url("ok.png") url(https://evil.example/b.png) }`,
		`body { background-image: image-set("https://evil.example/a.png" 1x) }`,
		`body { background-image: -webkit-image-set(url(https://evil.example/a.png) 1x) }`,
		`@font-face { font-family: x; src: url(https://evil.example/f.woff2) }`,
		`</style><script>alert(1)</script>`,
		`</STYLE ><img src=x onerror=alert(1)>`,
		`body { width: expression(alert(1)) }`,
		`body { background: url(javascript:alert(1)) }`,
		`a { b: url(/* */https://evil.example/x) }`,
		"body { background: url(ht\x00tps://evil.example/x) }",
	}
	for _, css := range hostile {
		out := SanitizeCSS(css)
		if remote.MatchString(out) {
			t.Errorf("SanitizeCSS(%q) = %q: still reaches out", css, out)
		}
	}
}

func TestSanitizeCSSKeepsOrdinaryCSS(t *testing.T) {
	in := `.ltth-alert { border-radius: 0; color: #ff0; background: url("/overlay/x.png"), url(data:image/png;base64,AAAA); }
@keyframes x { from { opacity: 0 } to { opacity: 1 } }`
	out := SanitizeCSS(in)
	for _, keep := range []string{`border-radius: 0`, `color: #ff0`, `url("/overlay/x.png")`, `url("data:image/png;base64,AAAA")`, `@keyframes x`} {
		if !strings.Contains(out, keep) {
			t.Errorf("lost %q: %q", keep, out)
		}
	}
	if n := len(SanitizeCSS(strings.Repeat("a", 3*MaxCustomCSS))); n > MaxCustomCSS {
		t.Errorf("not bounded: %d bytes", n)
	}
}

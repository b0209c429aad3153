package action

import (
	"html"
	"net/url"
	"strings"

	"github.com/ltth/ltth/backend/domain"
)

// Escape says how a rendered value is made safe for where the text goes.
// Only the inserted values are escaped: the template's own text is written
// as the streamer typed it (so an HTML template may contain markup).
type Escape uint8

// Escapes.
const (
	EscapeText Escape = iota // plain text, for text nodes, TTS, logs
	EscapeHTML               // HTML-escaped (&, <, >, ", ')
	EscapeJSON               // the inside of a JSON string literal: "…{nickname}…"
	EscapeURL                // query-escaped, for URLs
)

// Template is a precompiled text with {placeholders}. Both {name} and
// {{name}} work; a name is an event field ({nickname}, {giftName}, {coins},
// any contract field), a variable ({var.score}), a trigger argument
// ({command}, {args}, {arg1}, webhook/plugin payload fields) or a run fact
// ({flow.name}, {time}). Inserted values are never expanded again. An
// unresolvable placeholder that is not a known name stays as written, so
// literal braces such as JSON survive.
type Template struct {
	src   string
	parts []part
}

type part struct {
	lit    string
	ref    Ref
	isRef  bool
	source string // the placeholder as written, e.g. "{{nick}}"
}

// CompileTemplate parses src once; rendering then does no parsing.
func CompileTemplate(src string) *Template {
	t := &Template{src: src}
	lit := 0
	for i := 0; i < len(src); {
		if src[i] != '{' {
			i++
			continue
		}
		ref, n, ok := placeholderAt(src[i:])
		if !ok {
			i++
			continue
		}
		if lit < i {
			t.parts = append(t.parts, part{lit: src[lit:i]})
		}
		t.parts = append(t.parts, part{ref: ref, isRef: true, source: src[i : i+n]})
		i += n
		lit = i
	}
	if lit < len(src) {
		t.parts = append(t.parts, part{lit: src[lit:]})
	}
	return t
}

// placeholderAt parses "{name}" or "{{name}}" at the start of s.
func placeholderAt(s string) (Ref, int, bool) {
	open, closing := "{", "}"
	if strings.HasPrefix(s, "{{") {
		open, closing = "{{", "}}"
	}
	j := strings.Index(s[len(open):], closing)
	if j <= 0 || j > maxRefLen {
		return Ref{}, 0, false
	}
	name := strings.TrimSpace(s[len(open) : len(open)+j])
	ref, err := ParseRef(name)
	if err != nil {
		return Ref{}, 0, false
	}
	return ref, len(open) + j + len(closing), true
}

// Source is the template as written.
func (t *Template) Source() string {
	if t == nil {
		return ""
	}
	return t.src
}

// IsStatic reports whether the template has no placeholders.
func (t *Template) IsStatic() bool {
	for _, p := range t.parts {
		if p.isRef {
			return false
		}
	}
	return true
}

// Refs returns the placeholders the template uses.
func (t *Template) Refs() []Ref {
	var out []Ref
	for _, p := range t.parts {
		if p.isRef {
			out = append(out, p.ref)
		}
	}
	return out
}

// Render expands the template against s, escaping inserted values with esc.
func (t *Template) Render(s *Scope, esc Escape) string {
	if t == nil {
		return ""
	}
	if len(t.parts) == 1 && !t.parts[0].isRef {
		return t.parts[0].lit
	}
	var b strings.Builder
	b.Grow(len(t.src) + 16)
	for i := range t.parts {
		p := &t.parts[i]
		if !p.isRef {
			b.WriteString(p.lit)
			continue
		}
		v, ok := s.Resolve(&p.ref)
		if !ok && !p.ref.Known() {
			b.WriteString(p.source)
			continue
		}
		b.WriteString(EscapeString(v.Text(), esc))
	}
	return b.String()
}

// RenderText renders plain text (nothing escaped).
func (t *Template) RenderText(s *Scope) string { return t.Render(s, EscapeText) }

// RenderHTML renders for an HTML target: inserted values are HTML-escaped.
func (t *Template) RenderHTML(s *Scope) string { return t.Render(s, EscapeHTML) }

// RenderJSON renders a JSON document template (a webhook body): inserted
// values are escaped as JSON string content, so `{"user":"{nickname}"}`
// stays valid JSON whatever the nickname holds.
func (t *Template) RenderJSON(s *Scope) string { return t.Render(s, EscapeJSON) }

// RenderURL renders a URL template with query-escaped values.
func (t *Template) RenderURL(s *Scope) string { return t.Render(s, EscapeURL) }

// EscapeString escapes s for esc.
func EscapeString(s string, esc Escape) string {
	switch esc {
	case EscapeHTML:
		return html.EscapeString(s)
	case EscapeJSON:
		return EscapeJSONString(s)
	case EscapeURL:
		return url.QueryEscape(s)
	}
	return s
}

// EscapeJSONString returns s escaped as the content of a JSON string literal
// (without the quotes). <, > and & are escaped too.
func EscapeJSONString(s string) string {
	b := domain.AppendJSONString(make([]byte, 0, len(s)+8), s)
	return string(b[1 : len(b)-1])
}

package source

import (
	"errors"
	"net/url"
	"strings"
)

// Mask replaces a secret wherever LTTH shows or logs it.
const Mask = "***"

// sensitiveParams returns the URL query / cookie keys whose values are secrets.
func sensitiveParams() []string {
	return []string{"apikey", "api_key", "x-api-key", "jwtkey", "jwt_key", "x-jwt-key",
		"session_id", "sessionid", "sessionid_ss", "sid_tt", "sid_guard", "token", "mstoken"}
}

// Redactor removes known secrets (API key, session id) from text. The zero
// value redacts only sensitive URL parameters.
type Redactor struct {
	secrets []string
}

// NewRedactor returns a Redactor for the given secrets; empty and very
// short values are ignored (they would mask ordinary text).
func NewRedactor(secrets ...string) Redactor {
	var r Redactor
	for _, s := range secrets {
		if len(s) >= 4 {
			r.secrets = append(r.secrets, s)
		}
	}
	return r
}

// String returns s with every secret and every sensitive URL parameter value masked.
func (r Redactor) String(s string) string {
	for _, sec := range r.secrets {
		s = strings.ReplaceAll(s, sec, Mask)
		if q := url.QueryEscape(sec); q != sec {
			s = strings.ReplaceAll(s, q, Mask)
		}
	}
	return redactParams(s)
}

// Err returns err with its text redacted, or nil. The chain is not kept:
// classify errors before redacting them.
func (r Redactor) Err(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(r.String(err.Error()))
}

// URL returns u with sensitive query values masked.
func (r Redactor) URL(u string) string { return r.String(u) }

// redactParams masks "key=value" for every sensitive key, in URLs and in
// cookie strings alike.
func redactParams(s string) string {
	lower := strings.ToLower(s)
	for _, key := range sensitiveParams() {
		from := 0
		for {
			i := strings.Index(lower[from:], key+"=")
			if i < 0 {
				break
			}
			start := from + i + len(key) + 1
			if from+i > 0 && isKeyChar(lower[from+i-1]) {
				from = start
				continue
			}
			end := start
			for end < len(s) && !isValueEnd(s[end]) {
				end++
			}
			if end > start && s[start:end] != Mask {
				s = s[:start] + Mask + s[end:]
				lower = lower[:start] + Mask + lower[end:]
			}
			from = start
		}
	}
	return s
}

func isKeyChar(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

func isValueEnd(c byte) bool {
	switch c {
	case '&', ';', ' ', '"', '\'', '\n', '\t', ',', ')', '#':
		return true
	}
	return false
}

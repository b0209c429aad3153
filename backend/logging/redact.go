package logging

import (
	"regexp"

	"github.com/rs/zerolog"
)

// secretParam matches the value of a URL query parameter that carries a
// secret (apiKey=…, token=…, sessionid=…), also when the "&" is escaped.
var secretParam = regexp.MustCompile(`(?i)((?:[?&]|\\u0026)(?:api[_-]?key|key|(?:access[_-]?|auth[_-]?)?token|session[_-]?id|sessionid|password|passwd|pass|secret|client[_-]?secret|sig|signature|auth)=)[^&\s"'\\#]+`)

// urlUserinfo matches the user:password@ part of a URL.
var urlUserinfo = regexp.MustCompile(`(://)[^/@\s"'\\]+@`)

// redact hides secrets that ride in URLs (a sign server URL with
// ?apiKey=…, a webhook URL with a token) from a log line.
func redact(p []byte) []byte {
	p = secretParam.ReplaceAll(p, []byte("${1}REDACTED"))
	return urlUserinfo.ReplaceAll(p, []byte("${1}REDACTED@"))
}

// redactWriter applies redact to every log line, at every level and for
// every output (console and file).
type redactWriter struct{ w zerolog.LevelWriter }

func (r redactWriter) Write(p []byte) (int, error) {
	if _, err := r.w.Write(redact(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (r redactWriter) WriteLevel(l zerolog.Level, p []byte) (int, error) {
	if _, err := r.w.WriteLevel(l, redact(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

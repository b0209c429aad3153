package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
)

// MaxUploadBytes bounds the upload routes that stream their body to disk
// (profile backups, captures); other routes keep the listener's 1 MiB.
const MaxUploadBytes = 512 << 20

// DecodeError is a request body that could not be decoded: Status is 400
// (malformed, trailing data, unknown field, wrong type) or 413 (too large).
type DecodeError struct {
	Status int
	Msg    string
}

func (e *DecodeError) Error() string { return e.Msg }

// Is makes a DecodeError a kind of the shared vocabulary: ErrTooLarge for a
// 413, ErrInvalid otherwise, so WriteError answers it with its own status.
func (e *DecodeError) Is(target error) bool {
	if e.Status == http.StatusRequestEntityTooLarge {
		return target == ErrTooLarge
	}
	return target == ErrInvalid
}

// DecodeStrict decodes the request body as exactly one JSON value into v:
// unknown fields, trailing data after the value ("{}{}garbage") and an
// empty body are errors naming the problem. A body over the route's limit
// is a 413. The error is a *DecodeError.
func DecodeStrict(r *http.Request, v any) error {
	b, err := ReadBody(r)
	if err != nil {
		return err
	}
	return Strict(b, v)
}

// ReadBody reads the whole request body; a body over the route's limit
// (http.MaxBytesReader) is a 413 *DecodeError naming the limit.
func ReadBody(r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, &DecodeError{http.StatusRequestEntityTooLarge,
				fmt.Sprintf("request body larger than %s", sizeText(tooBig.Limit))}
		}
		return nil, &DecodeError{http.StatusBadRequest, "reading request body: " + err.Error()}
	}
	return b, nil
}

// Strict decodes b like DecodeStrict.
func Strict(b []byte, v any) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return &DecodeError{http.StatusBadRequest, "invalid JSON body: the body is empty"}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &DecodeError{http.StatusBadRequest, "invalid JSON body: " + describe(err)}
	}
	if off := dec.InputOffset(); len(bytes.TrimSpace(b[off:])) > 0 {
		return &DecodeError{http.StatusBadRequest,
			fmt.Sprintf("invalid JSON body: unexpected data after the JSON value at byte %d", off)}
	}
	return nil
}

// StatusOf is the HTTP status for a decode error (400 unless it says
// otherwise).
func StatusOf(err error) int {
	var de *DecodeError
	if errors.As(err, &de) {
		return de.Status
	}
	return http.StatusBadRequest
}

func describe(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("%s (at byte %d)", syn.Error(), syn.Offset)
	case errors.As(err, &typ):
		if typ.Field != "" {
			return fmt.Sprintf("field %q must be %s, not %s", typ.Field, typ.Type, typ.Value)
		}
		return fmt.Sprintf("the body must be %s, not %s", typ.Type, typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the JSON value is cut off"
	}
	return err.Error() // e.g. `json: unknown field "x"`
}

func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// absPath matches absolute file paths: /a/b…, C:\a\…, \\server\share\….
var absPath = regexp.MustCompile(`(?:[A-Za-z]:[\\/]|\\\\|/)(?:[^\s"'<>|:*?\\/]+[\\/])+[^\s"'<>|:*?\\/]*`)

// TrimPaths replaces every absolute file path in an error message by its
// base name, so errors sent to clients never reveal the server's layout.
// The listener's own URL paths (/api/…, /overlay/…, /plugins/…) are kept.
func TrimPaths(msg string) string {
	return absPath.ReplaceAllStringFunc(msg, func(p string) string {
		for _, own := range []string{"/api/", "/overlay", "/plugins/", "/dashboard/"} {
			if strings.HasPrefix(p, own) {
				return p
			}
		}
		p = strings.TrimRight(p, `\/`)
		if i := strings.LastIndexAny(p, `\/`); i >= 0 {
			p = p[i+1:]
		}
		return p
	})
}

// Package httpapi holds what every REST handler of LTTH shares: writing a
// JSON response, and one error vocabulary (not found, invalid, conflict…)
// that maps to HTTP statuses in one place. Packages declare their own
// errors as kinds of these (NewError, or fmt.Errorf with %w) and answer
// with WriteError; none of them picks a status for an error itself.
package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
)

// The shared error vocabulary. Match with errors.Is.
var (
	ErrNotFound      = errors.New("not found")               // 404
	ErrInvalid       = errors.New("invalid request")         // 400
	ErrConflict      = errors.New("conflict")                // 409
	ErrUnprocessable = errors.New("cannot be processed")     // 422: well-formed, but refused as it stands
	ErrTooLarge      = errors.New("request body too large")  // 413
	ErrUnavailable   = errors.New("temporarily unavailable") // 503
)

var statuses = []struct {
	kind   error
	status int
}{
	{ErrNotFound, http.StatusNotFound},
	{ErrInvalid, http.StatusBadRequest},
	{ErrConflict, http.StatusConflict},
	{ErrUnprocessable, http.StatusUnprocessableEntity},
	{ErrTooLarge, http.StatusRequestEntityTooLarge},
	{ErrUnavailable, http.StatusServiceUnavailable},
}

// Status is the HTTP status for err: that of the first vocabulary error it
// matches, else 500.
func Status(err error) int {
	for _, s := range statuses {
		if errors.Is(err, s.kind) {
			return s.status
		}
	}
	return http.StatusInternalServerError
}

// kindError is an error with its own message that matches a vocabulary
// error.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string        { return e.msg }
func (e *kindError) Is(target error) bool { return target == e.kind }

// NewError returns a new sentinel error with message msg that is a kind of
// kind: errors.Is matches both the new error and kind, e.g.
//
//	var ErrExists = httpapi.NewError(httpapi.ErrConflict, "profile already exists")
func NewError(kind error, msg string) error { return &kindError{msg: msg, kind: kind} }

// ErrorBody is the JSON body of every error response: the message and the
// stable code of its kind (Code), the same code the desktop's bindings see.
type ErrorBody struct {
	Error string `json:"error"`
	Code  string `json:"code,omitempty"`
}

var codes = []struct {
	kind error
	code string
}{
	{ErrNotFound, "not_found"},
	{ErrInvalid, "invalid"},
	{ErrConflict, "conflict"},
	{ErrUnprocessable, "unprocessable"},
	{ErrTooLarge, "too_large"},
	{ErrUnavailable, "unavailable"},
}

// Coder is an error with a stable code of its own (a TikTok connection
// source's error codes); Code answers it before the vocabulary's.
type Coder interface{ ErrorCode() string }

// Code is the stable error code of err: its own (Coder) when it has one,
// else that of the first vocabulary error it matches, else "internal".
func Code(err error) string {
	var c Coder
	if errors.As(err, &c) && c.ErrorCode() != "" {
		return c.ErrorCode()
	}
	for _, k := range codes {
		if errors.Is(err, k.kind) {
			return k.code
		}
	}
	return "internal"
}

// codeOfStatus is the code of an answer that comes from no error value.
func codeOfStatus(status int) string {
	for _, s := range statuses {
		if s.status == status {
			return Code(s.kind)
		}
	}
	switch status {
	case http.StatusUnauthorized:
		return "unauthorized"
	case http.StatusForbidden:
		return "forbidden"
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusTooManyRequests:
		return "too_many_requests"
	}
	return "internal"
}

// WriteJSON answers v as JSON with status. Responses are never cached (they
// carry profile data). When v cannot be encoded the answer is a 500 error.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":"encoding the response failed"}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// WriteError answers {"error": err.Error(), "code": Code(err)} with the status Status(err);
// absolute file paths in the message are cut to their base name.
func WriteError(w http.ResponseWriter, err error) {
	WriteJSON(w, Status(err), ErrorBody{TrimPaths(err.Error()), Code(err)})
}

// WriteErrorText answers {"error": msg, "code": …} with status, for answers that come
// from no error value (authentication, routing).
func WriteErrorText(w http.ResponseWriter, status int, msg string) {
	WriteJSON(w, status, ErrorBody{msg, codeOfStatus(status)})
}

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

// ErrorBody is the JSON body of every error response.
type ErrorBody struct {
	Error string `json:"error"`
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

// WriteError answers {"error": err.Error()} with the status Status(err);
// absolute file paths in the message are cut to their base name.
func WriteError(w http.ResponseWriter, err error) {
	WriteJSON(w, Status(err), ErrorBody{TrimPaths(err.Error())})
}

// WriteErrorText answers {"error": msg} with status, for answers that come
// from no error value (authentication, routing).
func WriteErrorText(w http.ResponseWriter, status int, msg string) {
	WriteJSON(w, status, ErrorBody{msg})
}

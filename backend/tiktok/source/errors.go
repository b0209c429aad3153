package source

import (
	"errors"
	"fmt"
	"time"
)

// Code is a stable identifier of a failure, for the dashboard and the REST
// API. Messages may change; codes do not.
type Code string

// Failure codes.
const (
	CodeInvalidTarget    Code = "invalid_target"    // the username / URL / room id cannot be used
	CodeUserNotFound     Code = "user_not_found"    // no such TikTok user
	CodeNotLive          Code = "not_live"          // the user is not LIVE right now
	CodeAgeRestricted    Code = "age_restricted"    // 18+ LIVE, needs a logged-in session
	CodeRateLimited      Code = "rate_limited"      // sign server / relay rate limit
	CodeInvalidAPIKey    Code = "invalid_api_key"   // sign server / relay rejected the key
	CodeSignServer       Code = "sign_server_error" // sign server outage or unusable reply
	CodeBlocked          Code = "blocked"           // captcha, blocked IP, empty replies
	CodeHandshakeRefused Code = "handshake_refused" // push socket upgrade refused by TikTok
	CodeNetwork          Code = "network"           // cannot reach the server, or the socket dropped
	CodeStreamEnded      Code = "stream_ended"      // the LIVE ended
	CodeUnavailable      Code = "unavailable"       // the source cannot run here (app not running, no browser)
	CodeProtocol         Code = "protocol"          // unexpected data from the server
)

// Error is a source failure. Message is written for the streamer; Detail is
// technical and already free of secrets. Use errors.As to get it.
type Error struct {
	Code       Code
	Source     string        // which source failed
	Message    string        // what happened and what to do, for the streamer
	Detail     string        // technical detail (HTTP status, close code...), redacted
	RetryAfter time.Duration // how long to wait before trying again, when known
	Err        error         // cause, redacted
}

// ErrorCode is the error's stable code (httpapi.Coder), which both the REST
// answers and the desktop's bindings carry.
func (e *Error) ErrorCode() string { return string(e.Code) }

// Error implements error.
func (e *Error) Error() string {
	s := e.Message
	if e.Source != "" {
		s = e.Source + ": " + s
	}
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

// Unwrap returns the (redacted) cause.
func (e *Error) Unwrap() error { return e.Err }

// Final reports whether trying again or with another source cannot help:
// the target is wrong, or the LIVE is over.
func (e *Error) Final() bool {
	switch e.Code {
	case CodeInvalidTarget, CodeUserNotFound, CodeStreamEnded:
		return true
	}
	return false
}

// Wait reports whether the failure is about the stream, not the source: every
// source would fail the same way, so the caller should wait and retry.
func (e *Error) Wait() bool { return e.Code == CodeNotLive }

// AsError returns err as *Error, or nil when it is not one.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// Errorf builds an *Error with a formatted streamer message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// WithDetail sets Detail and returns e.
func (e *Error) WithDetail(format string, args ...any) *Error {
	e.Detail = fmt.Sprintf(format, args...)
	return e
}

// WithCause sets the cause (already redacted by the caller) and returns e.
func (e *Error) WithCause(err error) *Error {
	e.Err = err
	if e.Detail == "" && err != nil {
		e.Detail = err.Error()
	}
	return e
}

// WithSource sets Source and returns e.
func (e *Error) WithSource(name string) *Error {
	e.Source = name
	return e
}

// Common errors with the wording the dashboard shows.

// ErrUserNotFound reports an unknown username.
func ErrUserNotFound(uniqueID string) *Error {
	return Errorf(CodeUserNotFound, "TikTok user @%s was not found. Check the spelling of the username.", uniqueID)
}

// ErrNotLive reports a user who is not broadcasting.
func ErrNotLive(uniqueID string) *Error {
	return Errorf(CodeNotLive, "@%s is not LIVE right now. LTTH connects as soon as the LIVE starts.", uniqueID)
}

// ErrAgeRestricted reports an 18+ LIVE that needs a logged-in session.
func ErrAgeRestricted(uniqueID string) *Error {
	return Errorf(CodeAgeRestricted, "@%s's LIVE is age-restricted (18+), so TikTok only shows it to logged-in viewers. "+
		"Add your TikTok session id under Settings → Connection, or use browser capture with a logged-in browser.", uniqueID)
}

// ErrRateLimited reports a rate limit with the wait the server asked for.
func ErrRateLimited(service string, wait time.Duration) *Error {
	e := Errorf(CodeRateLimited, "The %s's rate limit is reached. Trying again in %s; an API key raises the limit.",
		service, humanDuration(wait))
	e.RetryAfter = wait
	return e
}

// ErrInvalidAPIKey reports a rejected API key.
func ErrInvalidAPIKey(service string) *Error {
	return Errorf(CodeInvalidAPIKey, "The %s rejected the API key. Check the key under Settings → Connection.", service)
}

// ErrHandshakeRefused reports TikTok refusing the push socket.
func ErrHandshakeRefused(status, msg string) *Error {
	e := Errorf(CodeHandshakeRefused, "TikTok refused the live connection (%s %s). "+
		"This usually means TikTok flagged the connection; another connection method may still work.", status, msg)
	return e.WithDetail("handshake-status %s, handshake-msg %s", status, msg)
}

// ErrStreamEnded reports the end of the LIVE.
func ErrStreamEnded() *Error {
	return Errorf(CodeStreamEnded, "The LIVE has ended.")
}

// ErrBlocked reports a captcha or blocked network.
func ErrBlocked(what string) *Error {
	return Errorf(CodeBlocked, "TikTok is blocking %s (captcha or blocked network). "+
		"Try again later, or use browser capture or another network.", what)
}

func humanDuration(d time.Duration) string {
	if d <= 0 {
		return "a moment"
	}
	if d < time.Second {
		d = time.Second
	}
	return d.Round(time.Second).String()
}

// ErrNetwork wraps a transport failure (already redacted) with a message
// about what could not be reached.
func ErrNetwork(what string, cause error) *Error {
	return Errorf(CodeNetwork, "Cannot reach %s. Check your internet connection.", what).WithCause(cause)
}

// ErrDropped reports a connection that was open and then broke.
func ErrDropped(what string, cause error) *Error {
	return Errorf(CodeNetwork, "The connection to %s dropped.", what).WithCause(cause)
}

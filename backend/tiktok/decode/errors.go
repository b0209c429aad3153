package decode

import "errors"

// Kinds of decode failure. Every error returned by this package matches
// exactly one of them with errors.Is; the concrete value is an *Error that
// also wraps the underlying cause.
var (
	// ErrEmpty: a zero-length websocket message.
	ErrEmpty = errors.New("empty frame")
	// ErrMalformedFrame: the bytes are not a WebcastPushFrame.
	ErrMalformedFrame = errors.New("malformed push frame")
	// ErrNotMsg: Payload was asked for a frame whose payload type is not "msg".
	ErrNotMsg = errors.New("frame does not carry messages")
	// ErrBadGzip: the payload claims gzip (header or magic) but does not inflate.
	ErrBadGzip = errors.New("bad gzip payload")
	// ErrTooLarge: the (inflated) payload exceeds the decoder's limit.
	ErrTooLarge = errors.New("payload exceeds size limit")
	// ErrMalformedPayload: the payload is not a ProtoMessageFetchResult.
	ErrMalformedPayload = errors.New("malformed fetch result")
)

// Error is a decode failure: Kind is one of the Err* values above, Err the
// cause (may be nil).
type Error struct {
	Kind error
	Err  error
}

func (e *Error) Error() string {
	if e.Err == nil {
		return "decode: " + e.Kind.Error()
	}
	return "decode: " + e.Kind.Error() + ": " + e.Err.Error()
}

// Unwrap exposes both the kind and the cause to errors.Is / errors.As.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

func fail(kind, cause error) error { return &Error{Kind: kind, Err: cause} }

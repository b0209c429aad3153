package osc

import "encoding/json"

// Entry is one line of the live log.
type Entry struct {
	TS      int64  `json:"ts"`
	Dir     string `json:"dir"` // "out" or "in"
	Address string `json:"address"`
	Types   string `json:"types"`
	// Args are the message's arguments as OSC carries them (numbers,
	// strings, bools, blobs), their types given by Types.
	Args []any `json:"args"`
}

// ring keeps the last max entries.
type ring struct {
	max  int
	buf  []Entry
	next int
	seq  uint64
}

func (r *ring) add(e Entry) {
	r.seq++
	if len(r.buf) < r.max {
		r.buf = append(r.buf, e)
		return
	}
	r.buf[r.next] = e
	r.next = (r.next + 1) % r.max
}

// list returns the entries oldest first.
func (r *ring) list() []Entry {
	out := make([]Entry, 0, len(r.buf))
	out = append(out, r.buf[r.next:]...)
	return append(out, r.buf[:r.next]...)
}

// DecodeSend reads a TypeSend payload (a Send, or its JSON form).
func DecodeSend(data any) (Send, error) {
	if s, ok := data.(Send); ok {
		return s, nil
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return Send{}, invalid("osc send: %v", err)
	}
	var s Send
	if err := json.Unmarshal(raw, &s); err != nil {
		return Send{}, invalid("osc send: %v", err)
	}
	return s, nil
}

// DecodeReceived reads a TypeReceived payload.
func DecodeReceived(data any) (Received, error) {
	if r, ok := data.(Received); ok {
		return r, nil
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return Received{}, invalid("osc received: %v", err)
	}
	var r Received
	if err := json.Unmarshal(raw, &r); err != nil {
		return Received{}, invalid("osc received: %v", err)
	}
	return r, nil
}

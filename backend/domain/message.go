package domain

// Message is what travels on the bus: either a normalized Event (Event != nil)
// or a state update from a subsystem (goal progress, an alert to show,
// leaderboard, connection state...). State updates carry JSON-encodable Data.
//
// A message with a non-empty Key is retained by the overlay feed as the
// latest state for that key and replayed to every newly connected client (the
// "snapshot on connect"); Clear removes the key from that snapshot.
type Message struct {
	Type  string // event type, or a state type such as "alert", "goal", "connection"
	TS    int64  // unix ms
	Event *Event // non-nil for events
	Data  any    // state payload when Event is nil
	Key   string // snapshot key for state messages; empty = not retained
	Clear bool   // remove Key from the snapshot instead of setting it
}

// EventMessage wraps an event for the bus.
func EventMessage(e *Event) Message {
	return Message{Type: string(e.Type), TS: e.TS, Event: e}
}

// IsEvent reports whether the message carries a normalized event.
func (m Message) IsEvent() bool { return m.Event != nil }

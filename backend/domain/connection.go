package domain

// MsgConnection is the bus message type, and the retained snapshot key, of
// the connection state. The TikTok connector publishes it; the flow engine
// (live tracking, the connection.state trigger) and the listener
// (/api/health) read it, so the type lives here rather than in the
// connector, which they may not import.
const MsgConnection = "connection"

// Connection states.
const (
	ConnDisconnected = "disconnected"
	ConnConnecting   = "connecting"
	ConnConnected    = "connected"
	ConnReconnecting = "reconnecting"
	ConnError        = "error"
)

// Connection is the common part of a MsgConnection payload (the connector
// adds its per-source statuses).
type Connection struct {
	State    string `json:"state"` // one of the Conn* states
	Source   string `json:"source"`
	UniqueID string `json:"uniqueId"`
	RoomID   string `json:"roomId"`
	Reason   string `json:"reason"`
	Code     string `json:"code,omitempty"`
}

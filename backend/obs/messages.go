package obs

// Bus message types this module publishes and consumes. Plugins and other
// subsystems drive OBS by publishing a TypeCommand message (Data: Command);
// they never import goobs or call this module directly.
const (
	// TypeStatus (retained, key KeyStatus): Status.
	TypeStatus = "obsStatus"
	// TypeState (retained, key KeyState): State.
	TypeState = "obsState"
	// TypeConnection: ConnectionChange, when OBS connects or is lost.
	TypeConnection = "obsConnection"
	// TypeSceneChanged: SceneChange.
	TypeSceneChanged = "obsSceneChanged"
	// TypeOutput: OutputChange, when streaming or recording starts/stops.
	TypeOutput = "obsOutput"
	// TypeCommand (consumed): Command.
	TypeCommand = "obsCommand"

	KeyStatus = "obs:status"
	KeyState  = "obs:state"
)

// Command ops (Command.Op).
const (
	OpSetScene         = "setScene"
	OpSetSourceVisible = "setSourceVisible"
	OpToggleSource     = "toggleSource"
	OpSetFilterEnabled = "setFilterEnabled"
	OpSetText          = "setText"
	OpSetInputURL      = "setInputUrl"
	OpSetInputFile     = "setInputFile"
	OpSetMute          = "setMute"
	OpSetVolume        = "setVolume"
	OpStartStream      = "startStream"
	OpStopStream       = "stopStream"
	OpStartRecord      = "startRecord"
	OpStopRecord       = "stopRecord"
	OpSaveReplay       = "saveReplay"
	OpHotkey           = "hotkey"
)

// Command is one OBS operation, from a flow action, a REST call or a bus
// message. Only the fields its Op needs are read.
type Command struct {
	Op      string  `json:"op"`
	Scene   string  `json:"scene,omitempty"`
	Source  string  `json:"source,omitempty"` // a scene item's source, or an input
	Filter  string  `json:"filter,omitempty"`
	Text    string  `json:"text,omitempty"` // text, URL, file path or hotkey name
	On      bool    `json:"on,omitempty"`   // visible / enabled / muted
	Number  float64 `json:"number,omitempty"`
	Seconds float64 `json:"seconds,omitempty"` // > 0: undo after this long
}

// ConnectionChange is a TypeConnection payload.
type ConnectionChange struct {
	Connected bool   `json:"connected"`
	Reason    string `json:"reason,omitempty"`
}

// SceneChange is a TypeSceneChanged payload.
type SceneChange struct {
	Scene    string `json:"scene"`
	Previous string `json:"previous,omitempty"`
}

// OutputChange is a TypeOutput payload; Output is "stream" or "record".
type OutputChange struct {
	Output string `json:"output"`
	Active bool   `json:"active"`
}

// Connection states (Status.State).
const (
	StateDisabled   = "disabled"
	StateConnecting = "connecting"
	StateConnected  = "connected"
	StateError      = "error"
)

// The reason codes of Status.Code.
const (
	ReasonPassword = "password" // OBS refused the password
	ReasonRefused  = "refused"  // nothing listens at the address
	ReasonTimeout  = "timeout"  // OBS did not answer in time
	ReasonLost     = "lost"     // a working connection dropped
	ReasonClosed   = "closed"   // LTTH closed it (settings changed, stopping)
	ReasonOff      = "off"      // the connection is turned off
)

// Status is the connection status for the dashboard and the tray.
type Status struct {
	Connected bool   `json:"connected"`
	State     string `json:"state"`
	Reason    string `json:"reason,omitempty"`
	// Code names the reason for the dashboard and the tray to word in the
	// streamer's language (Reason* below); "" for any other reason.
	Code       string `json:"code,omitempty"`
	Addr       string `json:"addr"`
	OBSVersion string `json:"obsVersion,omitempty"`
	Attempts   int    `json:"attempts,omitempty"` // failed attempts since the last success
	NextRetry  int64  `json:"nextRetry,omitempty"`
}

// State is what OBS shows: scenes with their sources and filters.
type State struct {
	Connected       bool    `json:"connected"`
	Reason          string  `json:"reason,omitempty"`
	CurrentScene    string  `json:"currentScene"`
	Scenes          []Scene `json:"scenes"`
	Streaming       bool    `json:"streaming"`
	Recording       bool    `json:"recording"`
	UpdatedAtMillis int64   `json:"updatedAt"`
}

// Scene is one OBS scene.
type Scene struct {
	Name    string   `json:"name"`
	Sources []Source `json:"sources"`
}

// Source is one scene item.
type Source struct {
	Name    string   `json:"name"`
	ItemID  int      `json:"itemId"`
	Kind    string   `json:"kind,omitempty"`
	Visible bool     `json:"visible"`
	Filters []Filter `json:"filters"`
}

// Filter is one source filter.
type Filter struct {
	Name    string `json:"name"`
	Kind    string `json:"kind,omitempty"`
	Enabled bool   `json:"enabled"`
}

package osc

import (
	"encoding/json"
	"strings"
)

// SettingsStore persists settings; *store.DB satisfies it.
type SettingsStore interface {
	GetSetting(key string) (string, bool, error)
	SetSetting(key, value string) error
}

// KeySettings is the settings key (a JSON object).
const KeySettings = "osc.settings"

// Settings of the OSC bridge.
type Settings struct {
	TargetHost string `json:"targetHost"`
	TargetPort int    `json:"targetPort"`
	ListenPort int    `json:"listenPort"`
	Enabled    bool   `json:"enabled"`
	// RateLimit is the most messages sent per second (0 = 100).
	RateLimit int `json:"rateLimit"`
}

// DefaultSettings are VRChat's ports; the bridge starts turned off.
func DefaultSettings() Settings {
	return Settings{TargetHost: "127.0.0.1", TargetPort: 9000, ListenPort: 9001, RateLimit: 100}
}

// check validates s.
func (s Settings) check() error {
	if h := strings.TrimSpace(s.TargetHost); h == "" || strings.ContainsAny(h, " /:") {
		return invalid("targetHost %q must be a host name or IPv4 address", s.TargetHost)
	}
	if s.TargetPort < 1 || s.TargetPort > 65535 {
		return invalid("targetPort %d must be 1-65535", s.TargetPort)
	}
	if s.ListenPort < 0 || s.ListenPort > 65535 {
		return invalid("listenPort %d must be 0-65535 (0 = do not listen)", s.ListenPort)
	}
	if s.RateLimit < 0 || s.RateLimit > 10000 {
		return invalid("rateLimit %d must be 0-10000 per second", s.RateLimit)
	}
	return nil
}

func loadSettings(st SettingsStore) (Settings, error) {
	s := DefaultSettings()
	raw, ok, err := st.GetSetting(KeySettings)
	if err != nil || !ok {
		return s, err
	}
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return DefaultSettings(), nil
	}
	if s.RateLimit == 0 {
		s.RateLimit = 100
	}
	return s, nil
}

func saveSettings(st SettingsStore, s Settings) error {
	b, _ := json.Marshal(s)
	return st.SetSetting(KeySettings, string(b))
}

package obs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/httpapi"
)

// SettingsStore persists settings; *store.DB satisfies it.
type SettingsStore interface {
	GetSetting(key string) (string, bool, error)
	SetSetting(key, value string) error
}

// Setting keys in the profile's settings table.
const (
	KeyHost     = "obs.host"
	KeyPort     = "obs.port"
	KeyPassword = "obs.password"
	KeyEnabled  = "obs.enabled"
)

// Mask is what a set password reads as.
const Mask = "********"

// Settings are the OBS connection settings. Password is a secret: it is
// never answered by GET (see View) and PUT keeps it when it is omitted or
// sent back masked.
type Settings struct {
	Host     string `json:"host"`
	Port     int    `json:"port"`
	Password string `json:"password"`
	Enabled  bool   `json:"enabled"`
}

// DefaultSettings are obs-websocket's defaults.
func DefaultSettings() Settings {
	return Settings{Host: "127.0.0.1", Port: 4455, Enabled: true}
}

// Addr is host:port.
func (s Settings) Addr() string { return s.Host + ":" + strconv.Itoa(s.Port) }

// SettingsView is the GET form: the password masked, with a flag.
type SettingsView struct {
	Host        string `json:"host"`
	Port        int    `json:"port"`
	Password    string `json:"password"`
	PasswordSet bool   `json:"passwordSet"`
	Enabled     bool   `json:"enabled"`
}

// View masks s for the dashboard.
func (s Settings) View() SettingsView {
	v := SettingsView{Host: s.Host, Port: s.Port, Enabled: s.Enabled, PasswordSet: s.Password != ""}
	if v.PasswordSet {
		v.Password = Mask
	}
	return v
}

// SettingsPatch is the PUT form: absent fields stay as they are.
type SettingsPatch struct {
	Host     *string `json:"host"`
	Port     *int    `json:"port"`
	Password *string `json:"password"`
	Enabled  *bool   `json:"enabled"`
}

// Apply returns s with p applied, or an invalid-request error.
func (p SettingsPatch) Apply(s Settings) (Settings, error) {
	if p.Host != nil {
		h := strings.TrimSpace(*p.Host)
		if h == "" || strings.ContainsAny(h, " /:?#") {
			return s, httpapi.NewError(httpapi.ErrInvalid, fmt.Sprintf("host %q must be a host name or IPv4 address", h))
		}
		s.Host = h
	}
	if p.Port != nil {
		if *p.Port < 1 || *p.Port > 65535 {
			return s, httpapi.NewError(httpapi.ErrInvalid, fmt.Sprintf("port %d must be 1-65535", *p.Port))
		}
		s.Port = *p.Port
	}
	if p.Password != nil && *p.Password != Mask {
		s.Password = *p.Password
	}
	if p.Enabled != nil {
		s.Enabled = *p.Enabled
	}
	return s, nil
}

// loadSettings reads the settings, defaults filled in.
func loadSettings(st SettingsStore) (Settings, error) {
	s := DefaultSettings()
	get := func(k string) (string, bool, error) { return st.GetSetting(k) }
	if v, ok, err := get(KeyHost); err != nil {
		return s, err
	} else if ok && v != "" {
		s.Host = v
	}
	if v, ok, err := get(KeyPort); err != nil {
		return s, err
	} else if ok {
		if n, err := strconv.Atoi(v); err == nil {
			s.Port = n
		}
	}
	if v, ok, err := get(KeyPassword); err != nil {
		return s, err
	} else if ok {
		s.Password = v
	}
	if v, ok, err := get(KeyEnabled); err != nil {
		return s, err
	} else if ok {
		s.Enabled = v != "false"
	}
	return s, nil
}

// saveSettings writes every field.
func saveSettings(st SettingsStore, s Settings) error {
	for _, kv := range [][2]string{{KeyHost, s.Host}, {KeyPort, strconv.Itoa(s.Port)},
		{KeyPassword, s.Password}, {KeyEnabled, strconv.FormatBool(s.Enabled)}} {
		if err := st.SetSetting(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

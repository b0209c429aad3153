package connector

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ltth/ltth/backend/tiktok/source"
)

// SettingsStore persists settings; *store.DB satisfies it.
type SettingsStore interface {
	GetSetting(key string) (string, bool, error)
	SetSetting(key, value string) error
}

// Setting keys.
const (
	KeyTarget        = "tiktok.target"
	KeySources       = "tiktok.sources"
	KeyAPIKey        = "tiktok.apiKey"
	KeySessionID     = "tiktok.sessionId"
	KeySignServerURL = "tiktok.signServerUrl"
	KeyTikFinityURL  = "tiktok.tikfinityUrl"
	KeyBrowserPath   = "tiktok.browserPath"
	// KeyBrowserPathConfirmed holds the browser path the user confirmed in
	// the dashboard (see ConfirmBrowserPath); only that path is ever run.
	KeyBrowserPathConfirmed = "tiktok.browserPathConfirmed"
)

// DefaultSources is the source order when the user has not chosen one.
func DefaultSources() []string {
	return []string{source.NameDirect, source.NameEuler, source.NameBrowser, source.NameTikFinity}
}

func knownSource(name string) bool {
	for _, n := range DefaultSources() {
		if n == name {
			return true
		}
	}
	return false
}

// Settings are the connection settings. APIKey and SessionID are secrets.
type Settings struct {
	Target        string   `json:"target"`
	Sources       []string `json:"sources"`
	APIKey        string   `json:"apiKey"`
	SessionID     string   `json:"sessionId"`
	SignServerURL string   `json:"signServerUrl"`
	TikFinityURL  string   `json:"tikfinityUrl"`
	BrowserPath   string   `json:"browserPath"`
	// BrowserPathConfirmed is the confirmed browser path (never set over
	// the settings API).
	BrowserPathConfirmed string `json:"-"`
}

// BrowserPathState is "" (none set), "pending" (set, not confirmed: it
// will not run) or "confirmed".
func (s Settings) BrowserPathState() string {
	switch {
	case s.BrowserPath == "":
		return ""
	case s.BrowserPath == s.BrowserPathConfirmed:
		return "confirmed"
	}
	return "pending"
}

// SettingsView is the GET form: secrets masked, with flags saying whether they are set.
type SettingsView struct {
	Settings
	APIKeySet        bool   `json:"apiKeySet"`
	SessionIDSet     bool   `json:"sessionIdSet"`
	BrowserPathState string `json:"browserPathState"`
}

// SettingsPatch is the PUT form: absent fields stay; a masked secret stays;
// an empty secret clears it.
type SettingsPatch struct {
	Target        *string   `json:"target"`
	Sources       *[]string `json:"sources"`
	APIKey        *string   `json:"apiKey"`
	SessionID     *string   `json:"sessionId"`
	SignServerURL *string   `json:"signServerUrl"`
	TikFinityURL  *string   `json:"tikfinityUrl"`
	BrowserPath   *string   `json:"browserPath"`
}

func (s Settings) view() SettingsView {
	v := SettingsView{Settings: s, APIKeySet: s.APIKey != "", SessionIDSet: s.SessionID != "",
		BrowserPathState: s.BrowserPathState()}
	v.APIKey, v.SessionID = maskSecret(s.APIKey), maskSecret(s.SessionID)
	return v
}

// maskSecret shows at most the last 2 characters of a long secret.
func maskSecret(s string) string {
	if s == "" {
		return ""
	}
	if len(s) < 12 {
		return source.Mask
	}
	return source.Mask + s[len(s)-2:]
}

func isMasked(s string) bool { return strings.HasPrefix(s, source.Mask) }

func (p SettingsPatch) apply(s Settings) (Settings, error) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = strings.TrimSpace(*v)
		}
	}
	set(&s.Target, p.Target)
	set(&s.SignServerURL, p.SignServerURL)
	set(&s.TikFinityURL, p.TikFinityURL)
	set(&s.BrowserPath, p.BrowserPath)
	if p.APIKey != nil && !isMasked(*p.APIKey) {
		s.APIKey = strings.TrimSpace(*p.APIKey)
	}
	if p.SessionID != nil && !isMasked(*p.SessionID) {
		s.SessionID = strings.TrimSpace(*p.SessionID)
	}
	if p.Sources != nil {
		src, err := cleanSources(*p.Sources)
		if err != nil {
			return s, err
		}
		s.Sources = src
	}
	if s.Target != "" {
		if _, err := source.ParseTarget(s.Target); err != nil {
			return s, err
		}
	}
	return s, nil
}

func cleanSources(in []string) ([]string, error) {
	seen := map[string]bool{}
	out := []string{}
	for _, n := range in {
		n = strings.ToLower(strings.TrimSpace(n))
		if !knownSource(n) {
			return nil, fmt.Errorf("unknown source %q (known: %s)", n, strings.Join(DefaultSources(), ", "))
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("choose at least one source")
	}
	return out, nil
}

// loadSettings reads the settings; missing keys get defaults.
func loadSettings(st SettingsStore) (Settings, error) {
	s := Settings{Sources: DefaultSources()}
	if st == nil {
		return s, nil
	}
	fields := map[string]*string{KeyTarget: &s.Target, KeyAPIKey: &s.APIKey, KeySessionID: &s.SessionID,
		KeySignServerURL: &s.SignServerURL, KeyTikFinityURL: &s.TikFinityURL, KeyBrowserPath: &s.BrowserPath,
		KeyBrowserPathConfirmed: &s.BrowserPathConfirmed}
	for k, dst := range fields {
		v, ok, err := st.GetSetting(k)
		if err != nil {
			return s, fmt.Errorf("read setting %s: %w", k, err)
		}
		if ok {
			*dst = v
		}
	}
	v, ok, err := st.GetSetting(KeySources)
	if err != nil {
		return s, fmt.Errorf("read setting %s: %w", KeySources, err)
	}
	if ok && v != "" {
		var list []string
		if json.Unmarshal([]byte(v), &list) == nil {
			if clean, err := cleanSources(list); err == nil {
				s.Sources = clean
			}
		}
	}
	return s, nil
}

// saveSettings writes every key.
func saveSettings(st SettingsStore, s Settings) error {
	if st == nil {
		return nil
	}
	list, _ := json.Marshal(s.Sources)
	kv := [][2]string{{KeyTarget, s.Target}, {KeySources, string(list)}, {KeyAPIKey, s.APIKey},
		{KeySessionID, s.SessionID}, {KeySignServerURL, s.SignServerURL}, {KeyTikFinityURL, s.TikFinityURL},
		{KeyBrowserPath, s.BrowserPath}, {KeyBrowserPathConfirmed, s.BrowserPathConfirmed}}
	for _, p := range kv {
		if err := st.SetSetting(p[0], p[1]); err != nil {
			return fmt.Errorf("save setting %s: %w", p[0], err)
		}
	}
	return nil
}

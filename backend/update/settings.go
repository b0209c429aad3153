package update

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"

	"github.com/ltth/ltth/backend/httpapi"
)

// Settings are the user's update preferences (GET/PUT /api/update).
type Settings struct {
	Enabled bool   `json:"enabled"` // check on start and once a day
	FeedURL string `json:"feedUrl"` // GitHub releases API (or compatible) URL
}

// ErrBadFeedURL is returned for a feed URL that is not http(s).
var ErrBadFeedURL = httpapi.NewError(httpapi.ErrInvalid, "feedUrl must be an http:// or https:// URL")

type settingsFile struct {
	path string
	mu   sync.Mutex
	s    Settings
}

func openSettings(path string) (*settingsFile, error) {
	f := &settingsFile{path: path, s: Settings{Enabled: true, FeedURL: DefaultFeedURL}}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &f.s); err != nil {
		return nil, fmt.Errorf("update settings %s: %w", path, err)
	}
	if f.s.FeedURL == "" {
		f.s.FeedURL = DefaultFeedURL
	}
	return f, nil
}

func (f *settingsFile) get() Settings {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.s
}

func (f *settingsFile) put(s Settings) error {
	if s.FeedURL == "" {
		s.FeedURL = DefaultFeedURL
	}
	if u, err := url.Parse(s.FeedURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ErrBadFeedURL
	}
	b, _ := json.MarshalIndent(s, "", "  ")
	tmp := f.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, f.path); err != nil {
		return err
	}
	f.mu.Lock()
	f.s = s
	f.mu.Unlock()
	return nil
}

// Settings returns the current preferences.
func (u *Updater) Settings() Settings { return u.settings.get() }

// SetSettings saves new preferences; turning checks on checks at once.
func (u *Updater) SetSettings(s Settings) error {
	was := u.settings.get().Enabled
	if err := u.settings.put(s); err != nil {
		return err
	}
	u.mu.Lock()
	u.st.Enabled = s.Enabled
	u.mu.Unlock()
	u.publish()
	if s.Enabled && !was {
		select {
		case u.checkNow <- struct{}{}:
		default:
		}
	}
	return nil
}

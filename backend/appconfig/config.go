// Package appconfig holds LTTH's app-level settings (not per profile): the
// dashboard theme, the listener's port and LAN binding, start-up behaviour
// and the log level. They live in <data-dir>/settings.json, written
// atomically; a broken file is kept as a .bak copy, never lost.
package appconfig

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// FileName is the settings file inside the data directory.
const FileName = "settings.json"

// DefaultPort is the original app's port (existing OBS sources keep working).
const DefaultPort = 3000

// Config is the app-level settings document (GET/PUT /api/settings/app).
type Config struct {
	Theme          string `json:"theme"`          // dark, light or system
	Port           int    `json:"port"`           // listener port, 1..65535
	AllowLAN       bool   `json:"allowLan"`       // bind 0.0.0.0 instead of 127.0.0.1
	StartMinimized bool   `json:"startMinimized"` // desktop: the window starts hidden in the tray
	Autostart      bool   `json:"autostart"`      // start with the OS
	LogLevel       string `json:"logLevel"`       // debug, info, warn or error
	Language       string `json:"language"`       // "" follows the OS, else one of Languages
}

// Defaults is what a first start uses.
func Defaults() Config {
	return Config{Theme: "dark", Port: DefaultPort, LogLevel: "info"}
}

// Themes and LogLevels are the accepted values.
var (
	Themes    = []string{"dark", "light", "system"}
	LogLevels = []string{"debug", "info", "warn", "error"}
	// Languages are the dashboard's message catalogues
	// (frontend/messages/<code>.json); TestLanguagesMatchCatalogues keeps
	// the two lists equal.
	Languages = []string{"de", "en"}
)

// Validate reports the first invalid field in words a user understands.
func (c Config) Validate() error {
	if !oneOf(c.Theme, Themes) {
		return fmt.Errorf("theme %q: use one of %s", c.Theme, strings.Join(Themes, ", "))
	}
	if c.Port < 1 || c.Port > 65535 {
		return fmt.Errorf("port %d: use a number from 1 to 65535", c.Port)
	}
	if !oneOf(c.LogLevel, LogLevels) {
		return fmt.Errorf("log level %q: use one of %s", c.LogLevel, strings.Join(LogLevels, ", "))
	}
	if c.Language != "" && !oneOf(c.Language, Languages) {
		return fmt.Errorf("language %q: use \"\" (follow the system) or one of %s", c.Language, strings.Join(Languages, ", "))
	}
	return nil
}

// ListenAddr is the listener address these settings ask for.
func (c Config) ListenAddr() string {
	host := "127.0.0.1"
	if c.AllowLAN {
		host = "0.0.0.0"
	}
	return fmt.Sprintf("%s:%d", host, c.Port)
}

func oneOf(s string, list []string) bool {
	for _, v := range list {
		if s == v {
			return true
		}
	}
	return false
}

// BrokenError is returned by Load for a settings file that cannot be used;
// the file was copied to Backup and the defaults are in effect.
type BrokenError struct {
	Path   string
	Backup string
	Err    error
}

func (e *BrokenError) Error() string {
	return fmt.Sprintf("settings file %s is broken (%v); it was kept as %s and the defaults are used until you save the settings again", e.Path, e.Err, e.Backup)
}

func (e *BrokenError) Unwrap() error { return e.Err }

// Decode parses a settings document strictly: one JSON object, no unknown
// fields, every value valid. Fields left out keep their defaults.
func Decode(data []byte) (Config, error) {
	c := Defaults()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Defaults(), err
	}
	if dec.More() {
		return Defaults(), errors.New("more than one JSON value")
	}
	if err := c.Validate(); err != nil {
		return Defaults(), err
	}
	return c, nil
}

// Store is the settings file of one data directory. It is safe for
// concurrent use.
type Store struct {
	path string
	mu   sync.Mutex
	cur  Config
}

// Open loads <dataDir>/settings.json (a missing file means defaults). For a
// broken file it returns a usable Store with the defaults plus a
// *BrokenError; the broken content is kept next to it as a .bak copy.
func Open(dataDir string) (*Store, error) {
	s := &Store{path: filepath.Join(dataDir, FileName), cur: Defaults()}
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading settings: %w", err)
	}
	c, derr := Decode(data)
	if derr == nil {
		s.cur = c
		return s, nil
	}
	bak, err := keepBackup(s.path, data)
	if err != nil {
		return nil, fmt.Errorf("settings file %s is broken (%v) and could not be backed up: %w", s.path, derr, err)
	}
	return s, &BrokenError{Path: s.path, Backup: bak, Err: derr}
}

// Load reads the settings without keeping a Store and without touching
// the file (desktop start-up, before the core opens it): a missing or
// broken file gives the defaults (Open reports and backs up a broken one).
func Load(dataDir string) (Config, error) {
	data, err := os.ReadFile(filepath.Join(dataDir, FileName))
	if errors.Is(err, fs.ErrNotExist) {
		return Defaults(), nil
	}
	if err != nil {
		return Defaults(), err
	}
	return Decode(data)
}

// keepBackup writes data to path.bak, or to a timestamped name when an
// older backup is already there (an older backup is never overwritten).
func keepBackup(path string, data []byte) (string, error) {
	bak := path + ".bak"
	if _, err := os.Stat(bak); err == nil {
		bak = fmt.Sprintf("%s.%s.bak", path, time.Now().Format("20060102-150405.000"))
	}
	return bak, writeAtomic(bak, data, 0o600)
}

// Path is the settings file's path.
func (s *Store) Path() string { return s.path }

// Get returns the current settings.
func (s *Store) Get() Config {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cur
}

// Save validates c and writes it atomically; on any error the file and the
// current settings are unchanged.
func (s *Store) Save(c Config) error {
	if err := c.Validate(); err != nil {
		return err
	}
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := writeAtomic(s.path, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("saving settings: %w", err)
	}
	s.cur = c
	return nil
}

// writeAtomic writes a temp file in the same directory, syncs it and
// renames it over path, so a crash leaves the old or the new file.
func writeAtomic(path string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name)
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(name, mode); err != nil {
		return err
	}
	return os.Rename(name, path)
}

// WriteFileAtomic is writeAtomic for other app-level files (the API token).
func WriteFileAtomic(path string, data []byte, mode os.FileMode) error {
	return writeAtomic(path, data, mode)
}

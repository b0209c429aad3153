package tikfinity

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ltth/ltth/backend/httpapi"
)

// DefaultPort is TikFinity's own port, so tools written for it connect
// unchanged.
const DefaultPort = 21213

// Settings are the user's choices; they are kept in
// <data-dir>/compat-tikfinity.json, the same for every profile.
type Settings struct {
	Enabled bool `json:"enabled"`
	Port    int  `json:"port"`
}

// Validate refuses a port outside 1..65535.
func (s Settings) Validate() error {
	if s.Port < 1 || s.Port > 65535 {
		return httpapi.NewError(httpapi.ErrInvalid, fmt.Sprintf("port %d is out of range (1-65535)", s.Port))
	}
	return nil
}

const settingsFile = "compat-tikfinity.json"

func loadSettings(dir string) (Settings, error) {
	s := Settings{Port: DefaultPort}
	b, err := os.ReadFile(filepath.Join(dir, settingsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return Settings{Port: DefaultPort}, fmt.Errorf("%s is damaged (%v); using the defaults", settingsFile, err)
	}
	if s.Validate() != nil {
		s.Port = DefaultPort
	}
	return s, nil
}

// saveSettings writes atomically (temp file + rename).
func saveSettings(dir string, s Settings) error {
	b, _ := json.MarshalIndent(s, "", "  ")
	tmp, err := os.CreateTemp(dir, settingsFile+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, settingsFile))
}

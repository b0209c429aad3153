package appconfig

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// autostartFile is the XDG autostart entry ($XDG_CONFIG_HOME/autostart,
// default ~/.config/autostart).
func autostartFile() (string, error) {
	base := os.Getenv("XDG_CONFIG_HOME")
	if base == "" || !filepath.IsAbs(base) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("autostart: no home directory: %w", err)
		}
		base = filepath.Join(home, ".config")
	}
	return filepath.Join(base, "autostart", "ltth.desktop"), nil
}

func enableAutostart(exe string, args []string) error {
	path, err := autostartFile()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	cmd := []string{desktopQuote(exe)}
	for _, a := range args {
		cmd = append(cmd, desktopQuote(a))
	}
	entry := "[Desktop Entry]\nType=Application\nName=" + AutostartName +
		"\nComment=TikTok LIVE helper\nExec=" + strings.Join(cmd, " ") +
		"\nIcon=ltth\nTerminal=false\nX-GNOME-Autostart-enabled=true\n"
	if err := writeAtomic(path, []byte(entry), 0o644); err != nil {
		return fmt.Errorf("autostart: writing %s: %w", path, err)
	}
	return nil
}

func disableAutostart() error {
	return removeEntryFile(autostartFile())
}

// autostartEnabled: the entry exists and is not switched off (Hidden=true
// or X-GNOME-Autostart-enabled=false, as desktop settings tools write).
func autostartEnabled() (bool, error) {
	path, err := autostartFile()
	if err != nil {
		return false, err
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("autostart: %w", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		switch strings.TrimSpace(line) {
		case "Hidden=true", "X-GNOME-Autostart-enabled=false":
			return false, nil
		}
	}
	return true, nil
}

// desktopQuote quotes one Exec argument per the Desktop Entry spec.
func desktopQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n\"'\\><~|&;$*?#()`=%") {
		return s
	}
	r := strings.NewReplacer(`\`, `\\\\`, `"`, `\\"`, "`", "\\\\`", `$`, `\\$`, `%`, `%%`)
	return `"` + r.Replace(s) + `"`
}

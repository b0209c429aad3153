package store

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNameLen is the longest profile name, in characters.
const MaxNameLen = 64

// DefaultProfile is the profile used when none has been chosen.
const DefaultProfile = "default"

// ValidateName checks a profile name: 1-64 characters of letters, digits,
// space, '-', '_' and '.'; no leading dot or space, no trailing dot or space
// (Windows would strip them), and no name reserved by Windows (CON, NUL,
// COM1...), so a profile can move between operating systems. Errors match
// ErrInvalidName.
func ValidateName(name string) error {
	if reason := nameProblem(name); reason != "" {
		return fmt.Errorf("%w %q: %s", ErrInvalidName, name, reason)
	}
	return nil
}

func nameProblem(name string) string {
	n := utf8.RuneCountInString(name)
	switch {
	case n == 0:
		return "must not be empty"
	case n > MaxNameLen:
		return fmt.Sprintf("longer than %d characters", MaxNameLen)
	case !utf8.ValidString(name):
		return "not valid UTF-8"
	case name[0] == '.':
		return "must not start with a dot"
	case name[0] == ' ' || strings.HasSuffix(name, " "):
		return "must not start or end with a space"
	case strings.HasSuffix(name, "."):
		return "must not end with a dot"
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" -_.", r) {
			return fmt.Sprintf("character %q not allowed (use letters, digits, space, - _ .)", r)
		}
	}
	if windowsReserved(name) {
		return "reserved by Windows"
	}
	return ""
}

func windowsReserved(name string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(name), ".")
	base = strings.TrimRight(base, " ")
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		return base[3] >= '0' && base[3] <= '9'
	}
	return false
}

package appconfig

import (
	"os"
	"slices"
	"strings"
)

// ResolveLanguage turns the language setting into a catalogue code: the
// setting itself, or for "" (follow the system) the system's language when
// there is a catalogue for it, else "en".
func ResolveLanguage(setting string) string {
	if slices.Contains(Languages, setting) {
		return setting
	}
	if sys := baseLanguage(systemLocale()); setting == "" && slices.Contains(Languages, sys) {
		return sys
	}
	return "en"
}

// baseLanguage turns "de_DE.UTF-8" or "de-AT" into "de".
func baseLanguage(locale string) string {
	locale = strings.ToLower(locale)
	if i := strings.IndexAny(locale, "_-.@"); i >= 0 {
		locale = locale[:i]
	}
	return locale
}

// envLocale is the POSIX locale from the environment, "" when unset.
func envLocale() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" && v != "C" && v != "POSIX" {
			return v
		}
	}
	return ""
}

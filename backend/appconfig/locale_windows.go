package appconfig

import "golang.org/x/sys/windows"

// systemLocale is the user's first preferred UI language ("de-DE").
func systemLocale() string {
	if l := envLocale(); l != "" {
		return l
	}
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return ""
	}
	return langs[0]
}

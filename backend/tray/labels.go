package tray

// label keys for the tray menu's fixed texts.
const (
	lTooltip = iota
	lStatusTip
	lOBSTip
	lShow
	lHide
	lConnect
	lDisconnect
	lPause
	lResume
	lStopSounds
	lStopSoundsTip
	lCopyURL
	lQuit
	lUpdateTip
	labelCount
)

// labels holds the tray's texts per language. The dashboard's catalogues
// (frontend/messages) cover everything else; an unknown language uses English.
var labels = map[string][labelCount]string{
	"en": {
		lTooltip: "LTTH – TikTok LIVE helper", lStatusTip: "Connection state", lOBSTip: "OBS connection",
		lShow: "Show dashboard", lHide: "Hide dashboard", lConnect: "Connect", lDisconnect: "Disconnect",
		lPause: "Pause alerts", lResume: "Resume alerts", lStopSounds: "Stop all sounds",
		lStopSoundsTip: "Stop the soundboard's sounds and empty its queue",
		lCopyURL:       "Copy overlay URL", lQuit: "Quit LTTH",
		lUpdateTip: "Open the dashboard to download the update",
	},
	"de": {
		lTooltip: "LTTH – Helfer für TikTok LIVE", lStatusTip: "Verbindungsstatus", lOBSTip: "OBS-Verbindung",
		lShow: "Dashboard anzeigen", lHide: "Dashboard ausblenden", lConnect: "Verbinden", lDisconnect: "Trennen",
		lPause: "Alerts pausieren", lResume: "Alerts fortsetzen", lStopSounds: "Alle Sounds stoppen",
		lStopSoundsTip: "Stoppt die Sounds des Soundboards und leert seine Warteschlange",
		lCopyURL:       "Overlay-URL kopieren", lQuit: "LTTH beenden",
		lUpdateTip: "Öffne das Dashboard, um das Update herunterzuladen",
	},
}

// Language is lang when the tray has texts for it, else English. The app
// resolves "follow the system" before (appconfig.ResolveLanguage).
func Language(lang string) string {
	if _, ok := labels[lang]; ok {
		return lang
	}
	return "en"
}

// text is label k in language lang.
func text(lang string, k int) string {
	return labels[Language(lang)][k]
}

package core

import (
	"fmt"
	"strings"

	"github.com/ltth/ltth/backend/obs"
	"github.com/ltth/ltth/backend/tiktok/connector"
	"github.com/ltth/ltth/backend/update"
)

// The tray's status lines (connection, OBS, update) in the app language, as
// backend/tray/labels.go does for the menu's fixed texts. The connector's
// error codes and the OBS bridge's known reasons get their own words; any
// other reason text is shown as the subsystem wrote it.

// trayWords holds the status lines' texts per language; an unknown language
// uses English.
var trayWords = map[string]map[string]string{
	"en": {
		"live": "Live: @%s (%s)", "not_connected": "Not connected", "with_reason": "%s: %s",
		connector.StateConnecting: "connecting", connector.StateReconnecting: "reconnecting",
		connector.StateError: "error", connector.StateDisconnected: "disconnected",
		"obs_connected": "OBS: connected", "obs_prefix": "OBS: %s",
		"update_available": "Update available: LTTH %s", "update_restart": "Update %s: restart LTTH",
	},
	"de": {
		"live": "Live: @%s (%s)", "not_connected": "Nicht verbunden", "with_reason": "%s: %s",
		connector.StateConnecting: "verbinde", connector.StateReconnecting: "verbinde erneut",
		connector.StateError: "Fehler", connector.StateDisconnected: "getrennt",
		"obs_connected": "OBS: verbunden", "obs_prefix": "OBS: %s",
		"obs_password":     "OBS: Passwort abgelehnt (in OBS unter Werkzeuge → WebSocket-Server-Einstellungen prüfen)",
		"obs_refused":      "OBS: nicht erreichbar unter %s (läuft OBS, ist sein WebSocket-Server an?)",
		"obs_timeout":      "OBS: keine Antwort von %s",
		"obs_lost":         "OBS: Verbindung verloren",
		"obs_closed":       "OBS: getrennt",
		"update_available": "Update verfügbar: LTTH %s", "update_restart": "Update %s: LTTH neu starten",
		"code_invalid_target": "kein TikTok-Benutzername oder LIVE-Link", "code_user_not_found": "TikTok-Nutzer nicht gefunden",
		"code_not_live": "gerade nicht LIVE", "code_age_restricted": "altersbeschränktes LIVE (18+)",
		"code_rate_limited": "Rate-Limit erreicht", "code_invalid_api_key": "API-Key abgelehnt",
		"code_sign_server_error": "Problem mit dem Sign-Server", "code_blocked": "TikTok blockiert die Verbindung",
		"code_handshake_refused": "TikTok hat die Verbindung abgelehnt", "code_network": "Dienst nicht erreichbar",
		"code_stream_ended": "das LIVE ist beendet", "code_unavailable": "Quelle hier nicht verfügbar",
		"code_protocol": "unerwartete Daten von TikTok",
	},
}

// trayWord is word k in lang, else in English, else k itself.
func trayWord(lang, k string) string {
	if w, ok := trayWords[lang][k]; ok {
		return w
	}
	if w, ok := trayWords["en"][k]; ok {
		return w
	}
	return k
}

// connectionLine is the tray's connection line for st in lang.
func connectionLine(lang string, st connector.Status) string {
	switch {
	case st.State == connector.StateConnected:
		return fmt.Sprintf(trayWord(lang, "live"), st.UniqueID, st.Source)
	case st.Reason != "":
		why := st.Reason
		if w, ok := trayWords[lang]["code_"+st.Code]; ok && st.Code != "" {
			why = w
		}
		return fmt.Sprintf(trayWord(lang, "with_reason"), trayWord(lang, st.State), why)
	case st.State != "" && st.State != connector.StateDisconnected:
		return trayWord(lang, st.State)
	}
	return trayWord(lang, "not_connected")
}

// obsLine is the tray's OBS line for st in lang ("" while OBS is switched off).
func obsLine(lang string, st obs.Status) string {
	switch {
	case st.State == obs.StateDisabled:
		return ""
	case st.Connected:
		return trayWord(lang, "obs_connected")
	}
	if known := obsReason(lang, st); known != "" {
		return known
	}
	switch {
	case strings.HasPrefix(st.Reason, "OBS "):
		return st.Reason
	case st.Reason != "":
		return fmt.Sprintf(trayWord(lang, "obs_prefix"), st.Reason)
	}
	return fmt.Sprintf(trayWord(lang, "obs_prefix"), trayWord(lang, st.State))
}

// obsReason words the OBS bridge's known reasons (obs.Status.Code) in lang;
// "" when lang has no words for it (English keeps the bridge's text).
func obsReason(lang string, st obs.Status) string {
	if st.Code == "" {
		return ""
	}
	k := "obs_" + st.Code
	w, ok := trayWords[lang][k]
	if !ok || k == "" {
		return ""
	}
	if strings.Contains(w, "%s") {
		return fmt.Sprintf(w, st.Addr)
	}
	return w
}

// updateLine is the tray's update item for st in lang ("" = no update).
func updateLine(lang string, st update.Status) string {
	switch st.State {
	case update.StateAvailable, update.StateDownloading, update.StateReady:
		return fmt.Sprintf(trayWord(lang, "update_available"), st.Latest)
	case update.StatePending, update.StateInstalled:
		return fmt.Sprintf(trayWord(lang, "update_restart"), st.Latest)
	}
	return ""
}

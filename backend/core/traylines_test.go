package core

import (
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/appconfig"
	"github.com/ltth/ltth/backend/obs"
	"github.com/ltth/ltth/backend/tiktok/connector"
	"github.com/ltth/ltth/backend/update"
)

// TestTrayLinesFollowTheLanguage: the tray's connection, OBS and update
// lines in German and English; an unknown language uses English; English
// keeps the subsystems' own reason texts.
func TestTrayLinesFollowTheLanguage(t *testing.T) {
	failed := connector.Status{State: connector.StateError, Code: "not_live", Reason: "@x is not LIVE right now"}
	odd := connector.Status{State: connector.StateReconnecting, Code: "something_new", Reason: "socket closed"}
	refused := obs.Status{State: obs.StateError, Addr: "127.0.0.1:4455", Reason: "OBS is not running or its WebSocket server is off at 127.0.0.1:4455 (connection refused)", Code: obs.ReasonRefused}
	cases := []struct{ name, lang, got, want string }{
		{"live de", "de", connectionLine("de", connector.Status{State: connector.StateConnected, UniqueID: "anna", Source: "euler"}), "Live: @anna (euler)"},
		{"idle de", "de", connectionLine("de", connector.Status{}), "Nicht verbunden"},
		{"idle en", "en", connectionLine("en", connector.Status{State: connector.StateDisconnected}), "Not connected"},
		{"idle fr", "fr", connectionLine("fr", connector.Status{}), "Not connected"},
		{"connecting de", "de", connectionLine("de", connector.Status{State: connector.StateConnecting}), "verbinde"},
		{"code de", "de", connectionLine("de", failed), "Fehler: gerade nicht LIVE"},
		{"code en", "en", connectionLine("en", failed), "error: @x is not LIVE right now"},
		{"unknown code de", "de", connectionLine("de", odd), "verbinde erneut: socket closed"},
		{"obs off", "de", obsLine("de", obs.Status{State: obs.StateDisabled, Reason: "the OBS connection is turned off", Code: obs.ReasonOff}), ""},
		{"obs up de", "de", obsLine("de", obs.Status{State: obs.StateConnected, Connected: true}), "OBS: verbunden"},
		{"obs up en", "en", obsLine("en", obs.Status{State: obs.StateConnected, Connected: true}), "OBS: connected"},
		{"obs refused de", "de", obsLine("de", refused), "OBS: nicht erreichbar unter 127.0.0.1:4455 (läuft OBS, ist sein WebSocket-Server an?)"},
		{"obs refused en", "en", obsLine("en", refused), refused.Reason},
		{"obs lost de", "de", obsLine("de", obs.Status{State: obs.StateConnecting, Reason: "connection to OBS lost", Code: obs.ReasonLost}), "OBS: Verbindung verloren"},
		{"obs lost en", "en", obsLine("en", obs.Status{State: obs.StateConnecting, Reason: "connection to OBS lost", Code: obs.ReasonLost}), "OBS: connection to OBS lost"},
		{"obs state de", "de", obsLine("de", obs.Status{State: obs.StateConnecting}), "OBS: verbinde"},
		{"update de", "de", updateLine("de", update.Status{State: update.StateAvailable, Latest: "1.2.0"}), "Update verfügbar: LTTH 1.2.0"},
		{"update en", "en", updateLine("en", update.Status{State: update.StateReady, Latest: "1.2.0"}), "Update available: LTTH 1.2.0"},
		{"restart de", "de", updateLine("de", update.Status{State: update.StatePending, Latest: "1.2.0"}), "Update 1.2.0: LTTH neu starten"},
		{"none", "de", updateLine("de", update.Status{State: update.StateIdle}), ""},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
}

// Every German word has an English one (the fallback) and every connector
// error code has German words.
func TestTrayWordsComplete(t *testing.T) {
	for k := range trayWords["de"] {
		if _, ok := trayWords["en"][k]; !ok && !strings.HasPrefix(k, "code_") && !strings.HasPrefix(k, "obs_") {
			t.Errorf("en: no %q", k)
		}
	}
	for _, code := range []string{"invalid_target", "user_not_found", "not_live", "age_restricted", "rate_limited", "invalid_api_key",
		"sign_server_error", "blocked", "handshake_refused", "network", "stream_ended", "unavailable", "protocol"} {
		if trayWords["de"]["code_"+code] == "" {
			t.Errorf("de: no words for code %q", code)
		}
	}
}

// TestTraySummaryInTheAppLanguage: the Core's tray line switches with the
// language setting, without a restart.
func TestTraySummaryInTheAppLanguage(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	for _, want := range []struct{ lang, line string }{{"de", "Nicht verbunden"}, {"en", "Not connected"}} {
		status, out := tokenCall(t, "PUT", c.URL()+"/api/settings/app", c.Token(), settingsBody(c, func(x *appconfig.Config) { x.Language = want.lang }))
		if status != 200 {
			t.Fatalf("language %s: %d %v", want.lang, status, out)
		}
		if got := c.ConnectionSummary(); got != want.line {
			t.Errorf("%s: tray line %q, want %q", want.lang, got, want.line)
		}
	}
}

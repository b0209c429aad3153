package logging

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretsInURLsAreRedactedAtEveryLevel: a secret placed in a URL
// setting (the sign server's ?apiKey=…) never reaches the console or the
// log file, at debug level included.
func TestSecretsInURLsAreRedactedAtEveryLevel(t *testing.T) {
	dir := t.TempDir()
	var console bytes.Buffer
	l, err := New(Options{Dir: dir, Level: "debug", Console: &console, NoColor: true})
	if err != nil {
		t.Fatal(err)
	}
	cause := errors.New(`Get "https://sign.example/webcast/fetch?room_id=1&apiKey=SECRET-A1": dial tcp: refused`)
	l.Debug().Err(cause).Str("url", "https://sign.example/?apikey=SECRET-B2&x=1").Msg("sign request")
	l.Info().Str("signServer", "https://user:SECRET-C3@sign.example/path?token=SECRET-D4#frag").Msg("settings")
	l.Warn().Msgf("webhook https://hooks.example/x?Session_Id=SECRET-E5 failed")
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	file, _ := os.ReadFile(filepath.Join(dir, "ltth.log"))
	for name, out := range map[string]string{"console": console.String(), "file": string(file)} {
		if strings.Contains(out, "SECRET") {
			t.Errorf("%s leaks a secret:\n%s", name, out)
		}
		if !strings.Contains(out, "room_id=1") || !strings.Contains(out, "REDACTED") || !strings.Contains(out, "x=1") {
			t.Errorf("%s lost the non-secret parts:\n%s", name, out)
		}
	}
}

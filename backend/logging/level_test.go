package logging

import (
	"bytes"
	"strings"
	"testing"
)

func TestSetLevelAppliesToDerivedLoggers(t *testing.T) {
	var console bytes.Buffer
	l, _ := New(Options{Level: "info", Console: &console, NoColor: true})
	child := l.With().Str("component", "x").Logger() // handed out before the change
	child.Debug().Msg("hidden")
	if err := l.SetLevel("debug"); err != nil {
		t.Fatal(err)
	}
	child.Debug().Msg("shown")
	if err := l.SetLevel("error"); err != nil {
		t.Fatal(err)
	}
	child.Warn().Msg("quiet-warn")
	child.Error().Msg("loud-error")
	out := console.String()
	if strings.Contains(out, "hidden") || !strings.Contains(out, "shown") || strings.Contains(out, "quiet-warn") || !strings.Contains(out, "loud-error") {
		t.Fatalf("console: %q", out)
	}
	if l.Level() != "error" {
		t.Fatal(l.Level())
	}
	if err := l.SetLevel("loud"); err == nil || l.Level() != "error" {
		t.Fatalf("bad level accepted: %v %s", err, l.Level())
	}
}

func BenchmarkDroppedDebug(b *testing.B) {
	l, _ := New(Options{Level: "info", Console: &bytes.Buffer{}})
	b.ReportAllocs()
	for b.Loop() {
		l.Debug().Str("k", "v").Msg("dropped")
	}
}

package tts

import (
	"context"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestSAPIKeepsViewerTextOutOfTheCommand: the text goes on stdin, the
// voice and rate in the environment; the script is fixed and a hostile
// voice name is refused.
func TestSAPIKeepsViewerTextOutOfTheCommand(t *testing.T) {
	e := &SAPI{}
	hostile := `"; Remove-Item C:\ -Recurse; "`
	cmd, err := e.command(context.Background(), Request{Text: hostile, Voice: "Microsoft Zira Desktop", Speed: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range cmd.Args {
		if strings.Contains(a, "Remove-Item") {
			t.Fatalf("viewer text reached the command line: %q", cmd.Args)
		}
	}
	if got := cmd.Args[len(cmd.Args)-1]; got != sapiScript {
		t.Fatalf("script changed: %q", got)
	}
	in, _ := io.ReadAll(cmd.Stdin)
	if string(in) != hostile {
		t.Fatalf("stdin %q", in)
	}
	if !slices.Contains(cmd.Env, "LTTH_SAPI_VOICE=Microsoft Zira Desktop") || !slices.Contains(cmd.Env, "LTTH_SAPI_RATE=10") {
		t.Fatalf("environment lacks the voice or rate")
	}
	if _, err := e.command(context.Background(), Request{Text: "hi", Voice: "x; calc.exe"}); err == nil {
		t.Fatal("a voice with ';' was accepted")
	}
	if runtime.GOOS != "windows" {
		if err := e.Ready(); err == nil || !strings.Contains(err.Error(), "only on Windows") {
			t.Fatalf("Ready off Windows: %v", err)
		}
		if _, err := e.Speak(context.Background(), Request{Text: "hi"}); err == nil {
			t.Fatal("Speak off Windows did not fail")
		}
	}
}

package tts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// SAPI speaks with Windows' own voices (System.Speech, the voices in the
// Windows settings), offline: Windows' counterpart of espeak-ng. PowerShell
// runs a fixed script; the text comes on stdin and the voice and rate in
// the environment, so nothing a viewer writes becomes part of a command.
type SAPI struct {
	Path string // powershell.exe, or a full path
}

// Name is "sapi".
func (e *SAPI) Name() string { return "sapi" }

// Ready says why SAPI cannot be used here (it exists on Windows only).
func (e *SAPI) Ready() error { return sapiReady(e.path()) }

func (e *SAPI) path() string {
	if e.Path == "" {
		return "powershell.exe"
	}
	return e.Path
}

// sapiVoice admits installed voice names ("Microsoft Zira Desktop").
var sapiVoice = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9 ()._-]{0,63}$`)

// sapiScript writes the spoken text as a WAV file to stdout.
const sapiScript = `$ErrorActionPreference = 'Stop'
[Console]::InputEncoding = [Text.Encoding]::UTF8
Add-Type -AssemblyName System.Speech
$s = New-Object System.Speech.Synthesis.SpeechSynthesizer
if ($env:LTTH_SAPI_VOICE) { $s.SelectVoice($env:LTTH_SAPI_VOICE) }
$s.Rate = [int]$env:LTTH_SAPI_RATE
$ms = New-Object System.IO.MemoryStream
$s.SetOutputToWaveStream($ms)
$s.Speak([Console]::In.ReadToEnd())
$out = [Console]::OpenStandardOutput()
$ms.WriteTo($out)
$out.Flush()`

// command builds the PowerShell run for r (no shell, fixed script).
func (e *SAPI) command(ctx context.Context, r Request) (*exec.Cmd, error) {
	voice := r.Voice
	if voice != "" && !sapiVoice.MatchString(voice) {
		return nil, fmt.Errorf("sapi: bad voice %q", voice)
	}
	// SAPI's rate runs from -10 to 10; speed 0.5-2 maps onto -5..10.
	rate := int((clamp(r.Speed, 0.5, 2, 1) - 1) * 10)
	cmd := exec.CommandContext(ctx, e.path(), "-NoProfile", "-NonInteractive", "-Command", sapiScript)
	cmd.Env = append(os.Environ(), "LTTH_SAPI_VOICE="+voice, "LTTH_SAPI_RATE="+strconv.Itoa(rate))
	cmd.Stdin = strings.NewReader(r.Text)
	return cmd, nil
}

// Speak synthesizes r.Text.
func (e *SAPI) Speak(ctx context.Context, r Request) (Audio, error) {
	if err := e.Ready(); err != nil {
		return Audio{}, err
	}
	cmd, err := e.command(ctx, r)
	if err != nil {
		return Audio{}, err
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			msg = err.Error()
		}
		return Audio{}, fmt.Errorf("sapi: %s", msg)
	}
	if out.Len() <= 44 || !bytes.HasPrefix(out.Bytes(), []byte("RIFF")) {
		return Audio{}, errors.New("sapi produced no audio")
	}
	return Audio{Data: out.Bytes(), Mime: "audio/wav"}, nil
}

package tts

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// Espeak is the offline engine: espeak-ng run directly (no shell), text
// on stdin, WAV on stdout.
type Espeak struct {
	Path string // "espeak-ng" or a full path
}

// Name is "espeak".
func (e *Espeak) Name() string { return "espeak" }

// Ready checks that espeak-ng is installed.
func (e *Espeak) Ready() error {
	if _, err := exec.LookPath(e.path()); err != nil {
		return errors.New("espeak-ng is not installed (run the set-up command)")
	}
	return nil
}

func (e *Espeak) path() string {
	if e.Path == "" {
		return "espeak-ng"
	}
	return e.Path
}

var espeakVoice = regexp.MustCompile(`^[a-z][a-zA-Z0-9_-]{0,30}(\+[a-zA-Z0-9]{1,10})?$`)

// Speak synthesizes r.Text.
func (e *Espeak) Speak(ctx context.Context, r Request) (Audio, error) {
	voice := r.Voice
	if voice == "" {
		voice = r.Lang
	}
	if voice == "" {
		voice = "en"
	}
	if !espeakVoice.MatchString(voice) {
		return Audio{}, fmt.Errorf("espeak: bad voice %q", voice)
	}
	wpm := int(175 * clamp(r.Speed, 0.5, 2, 1))
	pitch := int(50 * clamp(r.Pitch, 0.5, 1.5, 1))
	cmd := exec.CommandContext(ctx, e.path(), "-v", voice, "-s", strconv.Itoa(wpm), "-p", strconv.Itoa(min(99, pitch)), "--stdout")
	cmd.Stdin = strings.NewReader(r.Text)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			msg = err.Error()
		}
		return Audio{}, fmt.Errorf("espeak: %s", msg)
	}
	wav := fixWAVSizes(out.Bytes())
	if len(wav) <= 44 {
		return Audio{}, errors.New("espeak produced no audio")
	}
	return Audio{Data: wav, Mime: "audio/wav"}, nil
}

// fixWAVSizes writes the real RIFF and data sizes over espeak-ng's
// streaming placeholders, so every player knows the length.
func fixWAVSizes(b []byte) []byte {
	if len(b) < 44 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return b
	}
	binary.LittleEndian.PutUint32(b[4:8], uint32(len(b)-8))
	if i := bytes.Index(b[12:], []byte("data")); i >= 0 && 12+i+8 <= len(b) {
		at := 12 + i
		binary.LittleEndian.PutUint32(b[at+4:at+8], uint32(len(b)-at-8))
	}
	return b
}

func clamp(v, lo, hi, def float64) float64 {
	if v == 0 {
		return def
	}
	return max(lo, min(hi, v))
}

package tts

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func needTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"espeak-ng", "sox"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
}

// soxCheck writes the audio to a file and returns its duration (sox --i
// -D) and RMS amplitude (sox … -n stat).
func soxCheck(t *testing.T, a Audio) (float64, float64) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "clip.wav")
	if err := os.WriteFile(f, a.Data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("sox", "--i", "-D", f).Output()
	if err != nil {
		t.Fatalf("sox --i: %v", err)
	}
	dur, _ := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	stat, err := exec.Command("sox", f, "-n", "stat").CombinedOutput()
	if err != nil {
		t.Fatalf("sox stat: %v\n%s", err, stat)
	}
	m := regexp.MustCompile(`RMS\s+amplitude:\s+([0-9.]+)`).FindSubmatch(stat)
	if m == nil {
		t.Fatalf("no RMS in sox stat:\n%s", stat)
	}
	rms, _ := strconv.ParseFloat(string(m[1]), 64)
	return dur, rms
}

func TestEspeakMakesRealAudio(t *testing.T) {
	needTools(t)
	e := &Espeak{}
	a, err := e.Speak(context.Background(), Request{Text: "Hello stream, thank you for the rose. -v de --stdout /etc/passwd", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	dur, rms := soxCheck(t, a)
	if a.Mime != "audio/wav" || dur < 1.5 || dur > 15 || rms < 0.01 {
		t.Fatalf("espeak audio: %s, %.2f s, RMS %.4f", a.Mime, dur, rms)
	}
	if d := Duration(a, ""); d.Seconds() < dur-0.05 || d.Seconds() > dur+0.05 {
		t.Errorf("Duration %v, sox says %.2f s", d, dur)
	}
	fast, err := e.Speak(context.Background(), Request{Text: "Hello stream, thank you for the rose. -v de --stdout /etc/passwd", Lang: "en", Speed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if fd, _ := soxCheck(t, fast); fd > dur*0.75 {
		t.Errorf("speed 2 took %.2f s, normal %.2f s", fd, dur)
	}
	for _, v := range []string{"--help", "en;rm", "../x", "de de"} {
		if _, err := e.Speak(context.Background(), Request{Text: "x", Voice: v}); err == nil {
			t.Errorf("voice %q accepted", v)
		}
	}
	if _, err := e.Speak(context.Background(), Request{Text: "x", Voice: "nosuchvoice"}); err == nil || !strings.Contains(err.Error(), "espeak") {
		t.Errorf("unknown voice: %v", err)
	}
	if err := (&Espeak{Path: "/nonexistent/espeak"}).Ready(); err == nil || !strings.Contains(err.Error(), "not installed") {
		t.Errorf("missing program: %v", err)
	}
}

func TestFallbackAndCircuitBreaker(t *testing.T) {
	needTools(t)
	var calls atomic.Int32
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		http.Error(w, `{"error":{"message":"model overloaded"}}`, http.StatusInternalServerError)
	}))
	defer broken.Close()
	now := time.Unix(1000, 0)
	c := NewChain(&HTTPEngine{Kind: "openai", URL: broken.URL + "/v1/audio/speech", APIKey: "k"}, &TikTok{Host: "https://x"}, &Espeak{})
	c.Now = func() time.Time { return now }
	for i := 0; i < 4; i++ {
		a, engine, err := c.Speak(context.Background(), Request{Text: "fallback works", Voice: "nova"}, "")
		if err != nil || engine != "espeak" || len(a.Data) < 1000 {
			t.Fatalf("call %d: engine %q, %v", i, engine, err)
		}
	}
	if n := calls.Load(); n != 3 {
		t.Errorf("the failing engine was called %d times, want 3 (then its breaker opens)", n)
	}
	st := c.Status()
	if st[0].Ready || !strings.Contains(st[0].Problem, "resting") || st[1].Problem != "no TikTok session id set" || !st[2].Ready {
		t.Errorf("status %+v", st)
	}
	now = now.Add(31 * time.Second)
	_, _, _ = c.Speak(context.Background(), Request{Text: "again"}, "")
	if n := calls.Load(); n != 4 {
		t.Errorf("after the rest the engine was not tried again: %d calls", n)
	}
	only := NewChain(&HTTPEngine{Kind: "openai", URL: broken.URL})
	_, _, err := only.Speak(context.Background(), Request{Text: "x"}, "")
	if !errors.Is(err, ErrAllFailed) || !strings.Contains(err.Error(), "500") || !strings.Contains(err.Error(), "model overloaded") {
		t.Errorf("clear error expected: %v", err)
	}
}

func TestTikTokAndGoogleProtocols(t *testing.T) {
	mp3 := append([]byte("ID3\x04\x00\x00\x00\x00\x00\x00"), make([]byte, 200)...)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/media/api/text/speech/invoke/":
			if r.Method != http.MethodPost || !strings.Contains(r.Header.Get("Cookie"), "sessionid=good") {
				_, _ = w.Write([]byte(`{"status_code":1,"status_msg":"Couldn't load speech. Try again."}`))
				return
			}
			if r.URL.Query().Get("text_speaker") != "de_001" || r.URL.Query().Get("req_text") != "hallo & tschüss" {
				_, _ = w.Write([]byte(`{"status_code":4}`))
				return
			}
			_, _ = w.Write([]byte(`{"status_code":0,"data":{"v_str":"` + b64(mp3) + `"}}`))
		case r.URL.Path == "/translate_tts" && r.URL.Query().Get("client") == "tw-ob":
			w.Header().Set("Content-Type", "audio/mpeg")
			_, _ = w.Write(mp3)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	a, err := (&TikTok{Host: srv.URL, SessionID: "good"}).Speak(ctx, Request{Text: "hallo & tschüss", Lang: "de"})
	if err != nil || a.Mime != "audio/mpeg" || len(a.Data) != len(mp3) {
		t.Fatalf("tiktok: %v", err)
	}
	if _, err := (&TikTok{Host: srv.URL, SessionID: "old"}).Speak(ctx, Request{Text: "x"}); err == nil || !strings.Contains(err.Error(), "session id") {
		t.Errorf("expired session: %v", err)
	}
	long := strings.Repeat("word ", 90) // 450 characters: 3 requests of ≤200
	a, err = (&Google{Base: srv.URL}).Speak(ctx, Request{Text: long})
	if err != nil || len(a.Data) != 3*len(mp3) {
		t.Fatalf("google: %v, %d bytes", err, len(a.Data))
	}
	if _, err := (&Google{Base: srv.URL + "/nope"}).Speak(ctx, Request{Text: "x"}); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("google 404: %v", err)
	}
	if _, err := chunk(strings.Repeat("x", 250), 200, func(s string) int { return len(s) }); err == nil {
		t.Error("a 250-character word must not be split silently")
	}
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

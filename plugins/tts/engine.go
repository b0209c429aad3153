package tts

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Request is one thing to say.
type Request struct {
	Text  string
	Voice string  // the engine's voice id; "" = the engine's default for Lang
	Lang  string  // ISO 639-1 guess ("en", "de", …)
	Speed float64 // 1 = normal (0.5 to 2)
	Pitch float64 // 1 = normal (0.5 to 1.5)
}

// Audio is synthesized speech.
type Audio struct {
	Data []byte
	Mime string // audio/wav or audio/mpeg
}

// Engine turns text into speech.
type Engine interface {
	Name() string
	// Ready says why the engine cannot be used (not configured), or nil.
	Ready() error
	Speak(ctx context.Context, r Request) (Audio, error)
}

// breaker rests an engine after Failures consecutive failures for Rest.
type breaker struct {
	fails     int
	openUntil time.Time
}

// Chain tries engines in order, skipping those whose breaker is open, and
// falls back to the next on failure.
type Chain struct {
	Engines  []Engine
	Failures int
	Rest     time.Duration
	Now      func() time.Time

	mu       sync.Mutex
	breakers map[string]*breaker
}

// NewChain returns a chain with a breaker of 3 failures / 30 s.
func NewChain(engines ...Engine) *Chain {
	return &Chain{Engines: engines, Failures: 3, Rest: 30 * time.Second, Now: time.Now, breakers: map[string]*breaker{}}
}

// ErrAllFailed is wrapped by Speak's error when no engine could speak.
var ErrAllFailed = errors.New("no text-to-speech engine could speak")

// Speak says r with engine preferred first (if any, else the first) and
// r.Voice only there; the others use their default voice for r.Lang. It returns
// the audio and the engine that made it.
func (c *Chain) Speak(ctx context.Context, r Request, preferred string) (Audio, string, error) {
	var errs []string
	for i, e := range c.order(preferred) {
		req := r
		if i > 0 {
			req.Voice = "" // the voice is the first engine's
		}
		if err := e.Ready(); err != nil {
			errs = append(errs, e.Name()+": "+err.Error())
			continue
		}
		if !c.allowed(e.Name()) {
			errs = append(errs, e.Name()+": resting after repeated failures")
			continue
		}
		a, err := e.Speak(ctx, req)
		c.record(e.Name(), err)
		if err == nil {
			return a, e.Name(), nil
		}
		if ctx.Err() != nil {
			return Audio{}, "", ctx.Err()
		}
		errs = append(errs, e.Name()+": "+err.Error())
	}
	if len(errs) == 0 {
		errs = append(errs, "no engine is configured")
	}
	return Audio{}, "", fmt.Errorf("%w (%s)", ErrAllFailed, strings.Join(errs, "; "))
}

func (c *Chain) order(preferred string) []Engine {
	out := make([]Engine, 0, len(c.Engines))
	for _, e := range c.Engines {
		if e.Name() == preferred {
			out = append(out, e)
		}
	}
	for _, e := range c.Engines {
		if e.Name() != preferred {
			out = append(out, e)
		}
	}
	return out
}

func (c *Chain) allowed(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	b := c.breakers[name]
	return b == nil || !c.Now().Before(b.openUntil)
}

func (c *Chain) record(name string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b := c.breakers[name]
	if b == nil {
		b = &breaker{}
		c.breakers[name] = b
	}
	if err == nil {
		b.fails = 0
		return
	}
	b.fails++
	if b.fails >= c.Failures {
		b.fails = 0
		b.openUntil = c.Now().Add(c.Rest)
	}
}

// Status lists each engine: ready, resting or why not.
func (c *Chain) Status() []EngineStatus {
	out := []EngineStatus{}
	for _, e := range c.Engines {
		s := EngineStatus{Name: e.Name(), Ready: true}
		if err := e.Ready(); err != nil {
			s.Ready, s.Problem = false, err.Error()
		} else if !c.allowed(e.Name()) {
			s.Ready, s.Problem = false, "resting after repeated failures"
		}
		out = append(out, s)
	}
	return out
}

// EngineStatus is one engine's state for the dashboard.
type EngineStatus struct {
	Name    string `json:"name"`
	Ready   bool   `json:"ready"`
	Problem string `json:"problem,omitempty"`
}

// httpFail describes a failed HTTP answer with the start of its body.
func httpFail(engine string, res *http.Response) error {
	b, _ := io.ReadAll(io.LimitReader(res.Body, 300))
	msg := strings.Join(strings.Fields(string(b)), " ")
	if msg != "" {
		msg = ": " + msg
	}
	return fmt.Errorf("%s answered %s%s", engine, res.Status, msg)
}

// readAudio reads an audio answer of at most 20 MB.
func readAudio(engine string, res *http.Response, mime string) (Audio, error) {
	if res.StatusCode != http.StatusOK {
		return Audio{}, httpFail(engine, res)
	}
	if ct := res.Header.Get("Content-Type"); strings.HasPrefix(ct, "text/") || strings.HasPrefix(ct, "application/json") {
		return Audio{}, httpFail(engine, res)
	}
	b, err := io.ReadAll(io.LimitReader(res.Body, 20<<20))
	if err != nil {
		return Audio{}, fmt.Errorf("%s: reading the audio: %w", engine, err)
	}
	if len(b) < 64 {
		return Audio{}, fmt.Errorf("%s returned no audio", engine)
	}
	return Audio{Data: b, Mime: mime}, nil
}

package tts

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// TikTok speaks with TikTok's own voices; it needs the streamer's
// sessionid cookie. Host is e.g. https://api16-normal-c-useast1a.tiktokv.com.
type TikTok struct {
	Host      string
	SessionID string
	Client    *http.Client
}

// Name is "tiktok".
func (t *TikTok) Name() string { return "tiktok" }

// Ready needs a session id and an http(s) host.
func (t *TikTok) Ready() error {
	if strings.TrimSpace(t.SessionID) == "" {
		return errors.New("no TikTok session id set")
	}
	if !isHTTP(t.Host) {
		return errors.New("the TikTok TTS host must be an http(s) URL")
	}
	return nil
}

var tiktokVoices = map[string]string{"en": "en_us_001", "de": "de_001", "fr": "fr_001", "es": "es_002",
	"pt": "br_001", "ja": "jp_001", "ko": "kr_002", "id": "id_001", "it": "it_male_m18"}

var tiktokCodes = map[int]string{
	1: "TikTok could not make speech: the session id is wrong or expired, or this host has no TTS",
	2: "TikTok: the text is too long",
	3: "TikTok could not load speech",
	4: "TikTok: this voice does not exist",
	5: "TikTok: no session id",
}

// Speak asks TikTok for each ≤300-byte chunk and joins the MP3s.
func (t *TikTok) Speak(ctx context.Context, r Request) (Audio, error) {
	voice := r.Voice
	if voice == "" {
		if voice = tiktokVoices[r.Lang]; voice == "" {
			voice = "en_us_001"
		}
	}
	chunks, err := chunk(r.Text, 300, func(s string) int { return len(s) })
	if err != nil {
		return Audio{}, fmt.Errorf("tiktok: %w", err)
	}
	var all []byte
	for _, c := range chunks {
		b, err := t.one(ctx, voice, c)
		if err != nil {
			return Audio{}, err
		}
		all = append(all, b...)
	}
	return Audio{Data: all, Mime: "audio/mpeg"}, nil
}

func (t *TikTok) one(ctx context.Context, voice, text string) ([]byte, error) {
	q := url.Values{"text_speaker": {voice}, "req_text": {text}, "speaker_map_type": {"0"}, "aid": {"1233"}}
	u := strings.TrimRight(t.Host, "/") + "/media/api/text/speech/invoke/?" + q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "com.zhiliaoapp.musically/2022600030 (Linux; U; Android 7.1.2; es_ES; SM-G988N; Build/NRD90M;tt-ok/3.12.13.1)")
	req.Header.Set("Cookie", "sessionid="+strings.TrimSpace(t.SessionID))
	res, err := client(t.Client).Do(req)
	if err != nil {
		return nil, fmt.Errorf("tiktok: %s", remoteErr(err))
	}
	defer res.Body.Close()
	var body struct {
		StatusCode int    `json:"status_code"`
		StatusMsg  string `json:"status_msg"`
		Data       struct {
			VStr string `json:"v_str"`
		} `json:"data"`
	}
	if err := json.NewDecoder(io.LimitReader(res.Body, 20<<20)).Decode(&body); err != nil {
		return nil, fmt.Errorf("tiktok answered %s without the expected JSON (the endpoint may have changed)", res.Status)
	}
	if body.StatusCode != 0 {
		msg := tiktokCodes[body.StatusCode]
		if msg == "" {
			msg = fmt.Sprintf("TikTok error %d: %s", body.StatusCode, body.StatusMsg)
		}
		return nil, errors.New(msg)
	}
	b, err := base64.StdEncoding.DecodeString(body.Data.VStr)
	if err != nil || len(b) == 0 {
		return nil, errors.New("tiktok returned no audio")
	}
	return b, nil
}

// Google speaks with Google Translate's free voice (≤200 characters per
// request; longer text is split).
type Google struct {
	Base   string // https://translate.google.com
	Client *http.Client
}

// Name is "google".
func (g *Google) Name() string { return "google" }

// Ready needs an http(s) base URL.
func (g *Google) Ready() error {
	if !isHTTP(g.Base) {
		return errors.New("the Google Translate address must be an http(s) URL")
	}
	return nil
}

// Speak fetches each chunk and joins the MP3s.
func (g *Google) Speak(ctx context.Context, r Request) (Audio, error) {
	lang := r.Voice
	if lang == "" {
		lang = r.Lang
	}
	if lang == "" {
		lang = "en"
	}
	chunks, err := chunk(r.Text, 200, utf8.RuneCountInString)
	if err != nil {
		return Audio{}, fmt.Errorf("google: %w", err)
	}
	var all []byte
	for i, c := range chunks {
		q := url.Values{"ie": {"UTF-8"}, "q": {c}, "tl": {lang}, "total": {fmt.Sprint(len(chunks))}, "idx": {fmt.Sprint(i)},
			"textlen": {fmt.Sprint(utf8.RuneCountInString(c))}, "client": {"tw-ob"}, "prev": {"input"}, "ttsspeed": {"1"}}
		if r.Speed > 0 && r.Speed < 0.8 {
			q.Set("ttsspeed", "0.24")
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(g.Base, "/")+"/translate_tts?"+q.Encode(), nil)
		if err != nil {
			return Audio{}, err
		}
		req.Header.Set("User-Agent", "Mozilla/5.0")
		res, err := client(g.Client).Do(req)
		if err != nil {
			return Audio{}, fmt.Errorf("google: %s", remoteErr(err))
		}
		a, err := readAudio("google", res, "audio/mpeg")
		res.Body.Close()
		if err != nil {
			return Audio{}, err
		}
		all = append(all, a.Data...)
	}
	return Audio{Data: all, Mime: "audio/mpeg"}, nil
}

// HTTPEngine is an engine the user configures: an OpenAI-compatible
// /v1/audio/speech endpoint or ElevenLabs' text-to-speech API.
type HTTPEngine struct {
	Kind   string // openai | elevenlabs
	URL    string // the endpoint (openai) or …/v1/text-to-speech (elevenlabs)
	APIKey string
	Model  string
	Voice  string
	Client *http.Client
}

// Name is "http".
func (h *HTTPEngine) Name() string { return "http" }

// Ready needs a URL (and a key for ElevenLabs).
func (h *HTTPEngine) Ready() error {
	if !isHTTP(h.URL) {
		return errors.New("no HTTP engine URL set")
	}
	if h.Kind == "elevenlabs" && h.APIKey == "" {
		return errors.New("ElevenLabs needs an API key")
	}
	return nil
}

// Speak posts the text and reads the audio answer.
func (h *HTTPEngine) Speak(ctx context.Context, r Request) (Audio, error) {
	voice := r.Voice
	if voice == "" {
		voice = h.Voice
	}
	var u string
	var body any
	if h.Kind == "elevenlabs" {
		if voice == "" {
			return Audio{}, errors.New("http: ElevenLabs needs a voice id")
		}
		u = strings.TrimRight(h.URL, "/") + "/" + url.PathEscape(voice)
		body = map[string]any{"text": r.Text, "model_id": h.Model}
	} else {
		if voice == "" {
			voice = "alloy"
		}
		u = h.URL
		body = map[string]any{"model": h.Model, "input": r.Text, "voice": voice, "speed": clamp(r.Speed, 0.25, 4, 1), "response_format": "mp3"}
	}
	raw, _ := json.Marshal(body)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(raw))
	if err != nil {
		return Audio{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "audio/mpeg")
	if h.APIKey != "" {
		if h.Kind == "elevenlabs" {
			req.Header.Set("xi-api-key", h.APIKey)
		} else {
			req.Header.Set("Authorization", "Bearer "+h.APIKey)
		}
	}
	res, err := client(h.Client).Do(req)
	if err != nil {
		return Audio{}, fmt.Errorf("http engine: %s", remoteErr(err))
	}
	defer res.Body.Close()
	a, err := readAudio("the HTTP engine", res, "audio/mpeg")
	if err == nil && sniffWAV(a.Data) {
		a.Mime = "audio/wav"
	}
	return a, err
}

func sniffWAV(b []byte) bool {
	return len(b) > 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WAVE"
}

// chunk splits text into parts of at most limit (by size), at punctuation
// or spaces; a single word longer than limit is an error.
func chunk(text string, limit int, size func(string) int) ([]string, error) {
	var out []string
	for size(text) > limit {
		cut := -1
		for i := range text {
			if size(text[:i]) > limit {
				break
			}
			if strings.ContainsRune(" .,!?;:", rune(text[i])) {
				cut = i
			}
		}
		if cut <= 0 {
			return nil, fmt.Errorf("a word is longer than %d characters", limit)
		}
		out = append(out, strings.TrimSpace(text[:cut+1]))
		text = strings.TrimSpace(text[cut+1:])
	}
	if text != "" {
		out = append(out, text)
	}
	return out, nil
}

func client(c *http.Client) *http.Client {
	if c == nil {
		return http.DefaultClient
	}
	return c
}

func isHTTP(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func remoteErr(err error) string {
	var te interface{ Timeout() bool }
	if errors.As(err, &te) && te.Timeout() {
		return "the server did not answer in time"
	}
	return err.Error()
}

package soundboard

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/plugin"
)

// Sound is one entry of the library; its audio is a file in the plugin's
// data directory, served at /api/plugins/soundboard/files/<id>.
type Sound struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Mime      string    `json:"mime"`
	Size      int64     `json:"size"`
	Volume    float64   `json:"volume"`
	Source    string    `json:"source"` // upload | download
	SourceURL string    `json:"sourceUrl,omitempty"`
	Added     time.Time `json:"added"`
}

// Errors of the library, with their HTTP meaning.
var (
	ErrNotAudio    = httpapi.NewError(httpapi.ErrUnprocessable, "not an audio file (MP3, WAV, OGG, FLAC or M4A)")
	ErrFileTooBig  = httpapi.NewError(httpapi.ErrTooLarge, "the sound file is larger than the per-file limit")
	ErrLibraryFull = httpapi.NewError(httpapi.ErrTooLarge, "the sound library is full (total size limit); delete sounds or raise the limit")
	ErrNoSound     = httpapi.NewError(httpapi.ErrNotFound, "no such sound in the library")
)

var idRe = regexp.MustCompile(`^[a-f0-9]{16}$`)

// Library stores sounds: metadata in the plugin's KV ("sound:<id>"),
// audio under <data dir>/sounds.
type Library struct {
	dir     string
	kv      plugin.KV
	client  *http.Client
	mu      sync.Mutex
	perFile int64
	total   int64
}

// NewLibrary opens the library in dir with the given limits (bytes).
func NewLibrary(dir string, kv plugin.KV, perFile, total int64, timeout time.Duration) (*Library, error) {
	dir = filepath.Join(dir, "sounds")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &Library{dir: dir, kv: kv, perFile: perFile, total: total, client: &http.Client{Timeout: timeout}}, nil
}

// List returns every sound, newest first.
func (l *Library) List() ([]Sound, error) {
	keys, err := l.kv.Keys()
	if err != nil {
		return nil, err
	}
	out := []Sound{}
	for _, k := range keys {
		if id, ok := strings.CutPrefix(k, "sound:"); ok {
			if s, err := l.Get(id); err == nil {
				out = append(out, s)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Added.After(out[j].Added) })
	return out, nil
}

// Get returns one sound.
func (l *Library) Get(id string) (Sound, error) {
	var s Sound
	if !idRe.MatchString(id) {
		return s, ErrNoSound
	}
	raw, ok, err := l.kv.Get("sound:" + id)
	if err != nil {
		return s, err
	}
	if !ok {
		return s, ErrNoSound
	}
	return s, json.Unmarshal(raw, &s)
}

// Path is the file of sound id.
func (l *Library) Path(id string) string { return filepath.Join(l.dir, id) }

// Add streams r into the library as name: at most the per-file limit,
// audio only (by content, not by the name), within the total limit.
func (l *Library) Add(name string, r io.Reader, source, sourceURL string) (Sound, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 120 {
		return Sound{}, httpapi.NewError(httpapi.ErrInvalid, "a sound needs a name of 1 to 120 characters")
	}
	head := make([]byte, 16)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Sound{}, err
	}
	mime := sniffAudio(head[:n])
	if mime == "" {
		return Sound{}, ErrNotAudio
	}
	s := Sound{ID: newID(), Name: name, Mime: mime, Volume: 1, Source: source, SourceURL: sourceURL, Added: time.Now().UTC()}
	tmp, err := os.CreateTemp(l.dir, "upload-*")
	if err != nil {
		return Sound{}, err
	}
	defer os.Remove(tmp.Name())
	size, err := io.Copy(tmp, io.LimitReader(io.MultiReader(bytes.NewReader(head[:n]), r), l.perFile+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Sound{}, fmt.Errorf("saving the sound: %w", err)
	}
	if size > l.perFile {
		return Sound{}, ErrFileTooBig
	}
	s.Size = size
	return s, l.commit(s, tmp.Name())
}

func (l *Library) commit(s Sound, tmp string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	list, err := l.List()
	if err != nil {
		return err
	}
	used := s.Size
	for _, o := range list {
		used += o.Size
	}
	if used > l.total {
		return ErrLibraryFull
	}
	if err := os.Rename(tmp, l.Path(s.ID)); err != nil {
		return err
	}
	raw, _ := json.Marshal(s)
	return l.kv.Put("sound:"+s.ID, raw)
}

// Download fetches an http(s) URL into the library, with the client's
// timeout and the size limits.
func (l *Library) Download(ctx context.Context, name, rawURL string) (Sound, error) {
	if !isHTTP(rawURL) {
		return Sound{}, httpapi.NewError(httpapi.ErrInvalid, "the sound URL must be http(s)")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return Sound{}, httpapi.NewError(httpapi.ErrInvalid, "bad sound URL: "+err.Error())
	}
	req.Header.Set("User-Agent", userAgent)
	res, err := l.client.Do(req)
	if err != nil {
		return Sound{}, httpapi.NewError(httpapi.ErrUnavailable, "downloading the sound failed: "+remoteErr(err))
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return Sound{}, httpapi.NewError(httpapi.ErrUnavailable, fmt.Sprintf("downloading the sound failed: the server answered %s", res.Status))
	}
	if res.ContentLength > l.perFile {
		return Sound{}, ErrFileTooBig
	}
	s, err := l.Add(name, res.Body, "download", rawURL)
	if err != nil && remoteErr(err) == timedOut {
		return s, httpapi.NewError(httpapi.ErrUnavailable, "downloading the sound failed: "+timedOut)
	}
	return s, err
}

// Update changes a sound's name and volume.
func (l *Library) Update(id, name string, volume float64) (Sound, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s, err := l.Get(id)
	if err != nil {
		return s, err
	}
	if volume < 0 || volume > 1 {
		return s, httpapi.NewError(httpapi.ErrInvalid, "volume must be between 0 and 1")
	}
	if name = strings.TrimSpace(name); name != "" {
		s.Name = name
	}
	s.Volume = volume
	raw, _ := json.Marshal(s)
	return s, l.kv.Put("sound:"+s.ID, raw)
}

// Delete removes a sound and its file.
func (l *Library) Delete(id string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, err := l.Get(id); err != nil {
		return err
	}
	if err := os.Remove(l.Path(id)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return l.kv.Delete("sound:" + id)
}

// sniffAudio names the audio type of a file by its first bytes, or "".
func sniffAudio(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("ID3")), len(b) > 1 && b[0] == 0xFF && b[1]&0xE0 == 0xE0:
		return "audio/mpeg"
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WAVE":
		return "audio/wav"
	case bytes.HasPrefix(b, []byte("OggS")):
		return "audio/ogg"
	case bytes.HasPrefix(b, []byte("fLaC")):
		return "audio/flac"
	case len(b) >= 12 && string(b[4:8]) == "ftyp":
		return "audio/mp4"
	}
	return ""
}

func newID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func isHTTP(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

const timedOut = "the server did not answer in time"

// remoteErr says why a remote request failed in words.
func remoteErr(err error) string {
	var te interface{ Timeout() bool }
	if errors.As(err, &te) && te.Timeout() {
		return timedOut
	}
	return err.Error()
}

package connector

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/tiktok/capture"
	"github.com/ltth/ltth/backend/tiktok/source"
)

// errNoCapture is the one answer for every refused replay path: a name
// with a separator or "..", a file outside the captures folder, a missing
// file, a device, fifo or symlink all read the same, so the replay route
// is no oracle for what exists on the machine.
var errNoCapture = source.Errorf(source.CodeUnavailable,
	"No such capture. Choose a file from the captures folder (GET /api/captures) or upload one (POST /api/captures).")

// validateFirstLines is how many leading records an upload must have valid.
const validateFirstLines = 5

// CaptureInfo is one file in <data-dir>/captures.
type CaptureInfo struct {
	Name     string `json:"name"`
	Size     int64  `json:"size"`
	Modified int64  `json:"modified"` // unix ms
}

// capturesDir is <data-dir>/captures ("" without a data dir).
func (c *Connector) capturesDir() string {
	if c.deps.DataDir == "" {
		return ""
	}
	return filepath.Join(c.deps.DataDir, "captures")
}

// captureName reduces what a client sent to a plain file name in the
// captures folder: a bare name, or the full path of a file directly in it
// (the recording path the status shows). Anything else is refused.
func (c *Connector) captureName(p string) (string, bool) {
	dir := c.capturesDir()
	if dir == "" || p == "" || strings.ContainsRune(p, 0) {
		return "", false
	}
	if filepath.IsAbs(p) {
		if filepath.Clean(filepath.Dir(p)) != filepath.Clean(dir) {
			return "", false
		}
		p = filepath.Base(p)
	}
	if strings.ContainsAny(p, `/\:`) || p == "." || p == ".." || strings.HasPrefix(p, ".") {
		return "", false
	}
	return p, true
}

// openCapture opens a regular file directly in the captures folder. A
// symlink, device, fifo or directory is refused before it is opened (so an
// endless device can never be replayed), and the opened file must be the
// one checked.
func (c *Connector) openCapture(p string) (*os.File, string, error) {
	name, ok := c.captureName(p)
	if !ok {
		return nil, "", errNoCapture
	}
	path := filepath.Join(c.capturesDir(), name)
	st, err := os.Lstat(path)
	if err != nil || !st.Mode().IsRegular() {
		return nil, "", errNoCapture
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", errNoCapture
	}
	if fst, err := f.Stat(); err != nil || !os.SameFile(st, fst) {
		f.Close()
		return nil, "", errNoCapture
	}
	return f, name, nil
}

// Captures lists the capture files, newest first.
func (c *Connector) Captures() ([]CaptureInfo, error) {
	dir := c.capturesDir()
	out := []CaptureInfo{}
	if dir == "" {
		return out, nil
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, errors.New("the captures folder cannot be read")
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		out = append(out, CaptureInfo{Name: e.Name(), Size: info.Size(), Modified: info.ModTime().UnixMilli()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Modified > out[j].Modified })
	return out, nil
}

// SaveCapture streams an uploaded capture into the captures folder under a
// safe, unused name derived from name. The first lines must be capture
// records ({"t": ms, "frame": base64}); a bad upload leaves nothing behind.
func (c *Connector) SaveCapture(name string, r io.Reader) (CaptureInfo, error) {
	dir := c.capturesDir()
	if dir == "" {
		return CaptureInfo{}, errors.New("uploading captures needs a data directory")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return CaptureInfo{}, errors.New("the captures folder cannot be created")
	}
	tmp, err := os.CreateTemp(dir, ".upload-*")
	if err != nil {
		return CaptureInfo{}, errors.New("the captures folder is not writable")
	}
	defer os.Remove(tmp.Name()) // after the rename this is a no-op
	n, err := io.Copy(tmp, r)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return CaptureInfo{}, fmt.Errorf("upload failed: %w", err)
	}
	if err := checkCapture(tmp.Name()); err != nil {
		return CaptureInfo{}, err
	}
	final, err := c.renameUnused(tmp.Name(), safeCaptureName(name))
	if err != nil {
		return CaptureInfo{}, err
	}
	return CaptureInfo{Name: final, Size: n, Modified: c.now().UnixMilli()}, nil
}

// checkCapture reads the first records of an uploaded file strictly.
func checkCapture(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return errors.New("the upload cannot be read back")
	}
	defer f.Close()
	r := capture.NewReader(bufio.NewReader(f), capture.ReaderOptions{})
	for i := 0; i < validateFirstLines; i++ {
		_, err := r.Next()
		if errors.Is(err, io.EOF) {
			if i == 0 {
				return errors.New("not a capture: the file has no records")
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("not a capture (JSON lines of {\"t\": ms, \"frame\": base64}): %v", err)
		}
	}
	return nil
}

// safeCaptureName keeps letters, digits, '-', '_' and '.' of a client's
// file name and makes it end in .jsonl.
func safeCaptureName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	s := strings.TrimLeft(strings.TrimSuffix(b.String(), ".jsonl"), "._")
	if len(s) > 80 {
		s = s[:80]
	}
	if s == "" {
		s = "upload-" + time.Now().Format("20060102-150405")
	}
	return s + ".jsonl"
}

// renameUnused gives tmp its final name, adding -2, -3, … rather than
// replacing an existing capture.
func (c *Connector) renameUnused(tmp, name string) (string, error) {
	dir := c.capturesDir()
	base := strings.TrimSuffix(name, ".jsonl")
	for i := 1; i < 1000; i++ {
		cand := name
		if i > 1 {
			cand = fmt.Sprintf("%s-%d.jsonl", base, i)
		}
		path := filepath.Join(dir, cand)
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600) // reserve the name
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err == nil {
			f.Close()
			err = os.Rename(tmp, path)
		}
		if err != nil {
			os.Remove(path)
			return "", errors.New("the capture could not be saved")
		}
		return cand, nil
	}
	return "", errors.New("too many captures with this name")
}

// StopReplay stops the running replay, if any, and waits for it to end.
// It reports whether one was running.
func (c *Connector) StopReplay(ctx context.Context) bool {
	c.mu.Lock()
	cancel, done := c.replay, c.replayEnd
	c.mu.Unlock()
	if cancel == nil {
		return false
	}
	cancel()
	select {
	case <-done:
	case <-ctx.Done():
	}
	return true
}

package update

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ltth/ltth/backend/httpapi"
)

// Errors of Download and Install.
var (
	ErrNothingToDownload = httpapi.NewError(httpapi.ErrConflict, "no newer release is known: check for updates first")
	ErrBusy              = httpapi.NewError(httpapi.ErrConflict, "a download is already running")
	ErrNotReady          = httpapi.NewError(httpapi.ErrConflict, "no verified update is downloaded")
	ErrChecksum          = errors.New("checksum mismatch: the download was refused and nothing was changed")
)

const maxAssetBytes = 1 << 30

// Download fetches this platform's release file with progress on the bus,
// verifies its SHA-256 against the release's checksums file and keeps it
// in the updates folder. On any failure the partial file is removed and
// nothing else changes.
func (u *Updater) Download(ctx context.Context) error {
	u.mu.Lock()
	rel, name := u.release, u.st.Asset
	switch {
	case u.busy:
		u.mu.Unlock()
		return ErrBusy
	case rel == nil:
		u.mu.Unlock()
		return ErrNothingToDownload
	}
	u.busy = true
	u.st.State, u.st.Error, u.st.Progress, u.st.Downloaded, u.st.Total = StateDownloading, "", 0, 0, 0
	u.mu.Unlock()
	u.publish()
	path, err := u.fetchVerified(ctx, *rel, name)
	u.mu.Lock()
	u.busy = false
	u.mu.Unlock()
	if err != nil {
		u.o.Log.Warn().Err(err).Str("asset", name).Msg("update download failed")
		u.setError("download failed: " + err.Error())
		return err
	}
	u.mu.Lock()
	u.staged = path
	u.st.State, u.st.Progress = StateReady, 1
	u.mu.Unlock()
	u.publish()
	return nil
}

func (u *Updater) fetchVerified(ctx context.Context, rel Release, name string) (string, error) {
	asset, ok := rel.Assets[name]
	if !ok {
		return "", fmt.Errorf("release %s has no file %s", rel.Tag, name)
	}
	sums, ok := rel.Assets[ChecksumsAsset]
	if !ok {
		return "", fmt.Errorf("release %s publishes no %s file: refusing an unverifiable download", rel.Tag, ChecksumsAsset)
	}
	b, err := get(ctx, u.o.Client, sums.URL, 1<<20)
	if err != nil {
		return "", err
	}
	table, err := parseChecksums(b)
	if err != nil {
		return "", err
	}
	want, ok := table[name]
	if !ok {
		return "", fmt.Errorf("%s does not list %s", ChecksumsAsset, name)
	}
	if err := os.MkdirAll(u.updatesDir(), 0o755); err != nil {
		return "", err
	}
	final := filepath.Join(u.updatesDir(), name)
	part := final + ".part"
	got, err := u.fetchTo(ctx, asset, part)
	if err == nil && got != want {
		err = fmt.Errorf("%w (%s: expected %s, got %s)", ErrChecksum, name, want, got)
	}
	if err == nil {
		err = os.Rename(part, final)
	}
	if err != nil {
		os.Remove(part)
		return "", err
	}
	return final, nil
}

// fetchTo streams asset into path and returns its SHA-256 (hex).
func (u *Updater) fetchTo(ctx context.Context, asset Asset, path string) (string, error) {
	resp, err := open(ctx, u.o.Client, asset.URL)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	total := resp.ContentLength
	if total <= 0 {
		total = asset.Size
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	pw := &progressWriter{u: u, total: total}
	_, err = io.Copy(io.MultiWriter(f, h, pw), io.LimitReader(resp.Body, maxAssetBytes))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	pw.report(true)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// progressWriter publishes download progress at most every 200 ms.
type progressWriter struct {
	u     *Updater
	total int64
	n     int64
	last  time.Time
}

func (p *progressWriter) Write(b []byte) (int, error) {
	p.n += int64(len(b))
	p.report(false)
	return len(b), nil
}

func (p *progressWriter) report(force bool) {
	if !force && time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.u.mu.Lock()
	p.u.st.Downloaded, p.u.st.Total = p.n, p.total
	if p.total > 0 {
		p.u.st.Progress = min(float64(p.n)/float64(p.total), 1)
	}
	p.u.mu.Unlock()
	p.u.publish()
}

// fileSHA256 hashes a file.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

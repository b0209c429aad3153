package update

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// pending is the staged Windows installer that runs on the next start.
type pending struct {
	Version string `json:"version"`
	File    string `json:"file"`
	SHA256  string `json:"sha256"`
}

func pendingPath(dataDir string) string { return filepath.Join(dataDir, "updates", "pending.json") }

func readPending(dataDir string) (pending, error) {
	var p pending
	b, err := os.ReadFile(pendingPath(dataDir))
	if err != nil {
		return p, err
	}
	return p, json.Unmarshal(b, &p)
}

// Install applies the verified download: on Windows it stages the installer
// to run silently on the next start; elsewhere it replaces the binary
// atomically (the new one runs from the next start).
func (u *Updater) Install() error {
	u.mu.Lock()
	staged, version := u.staged, u.st.Latest
	u.mu.Unlock()
	if staged == "" || u.Status().State == StateDownloading {
		return ErrNotReady
	}
	sum, err := fileSHA256(staged)
	if err != nil {
		return err
	}
	if u.o.GOOS == "windows" {
		b, _ := json.Marshal(pending{Version: version, File: staged, SHA256: sum})
		if err := os.WriteFile(pendingPath(u.o.DataDir), b, 0o644); err != nil {
			return err
		}
		u.setState(StatePending)
		return nil
	}
	if err := u.replaceBinary(staged); err != nil {
		u.setError(err.Error())
		return err
	}
	u.setState(StateInstalled)
	return nil
}

func (u *Updater) setState(s string) {
	u.mu.Lock()
	u.st.State, u.st.Error = s, ""
	u.mu.Unlock()
	u.publish()
}

// replaceBinary takes the "ltth" file out of the release tarball and
// renames it over the running executable (atomic on the same filesystem).
func (u *Updater) replaceBinary(tarball string) error {
	exe := u.o.Executable
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return err
		}
		if exe, err = filepath.EvalSymlinks(exe); err != nil {
			return err
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(exe), ".ltth-update-*")
	if err != nil {
		return fmt.Errorf("%s is not writable (installed from the .deb package?): install the new .deb from %s instead", filepath.Dir(exe), u.Status().ReleaseURL)
	}
	defer os.Remove(tmp.Name())
	err = extractBinary(tarball, tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o755)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), exe)
	}
	return err
}

func extractBinary(tarball string, dst io.Writer) error {
	f, err := os.Open(tarball)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("update archive: %w", err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return errors.New("update archive holds no ltth binary")
		}
		if err != nil {
			return fmt.Errorf("update archive: %w", err)
		}
		if h.Typeflag == tar.TypeReg && filepath.Base(h.Name) == "ltth" {
			_, err := io.Copy(dst, io.LimitReader(tr, maxAssetBytes))
			return err
		}
	}
}

// ApplyPending runs a staged Windows installer (silently, restarting LTTH
// when done) after checking its SHA-256 again. It returns true when the
// installer was started and the caller should exit. A missing, changed or
// unreadable staged file is dropped and LTTH starts normally.
func ApplyPending(dataDir string) (bool, error) {
	p, err := readPending(dataDir)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	os.Remove(pendingPath(dataDir))
	if err != nil {
		return false, fmt.Errorf("staged update: %w", err)
	}
	sum, err := fileSHA256(p.File)
	if err != nil || sum != p.SHA256 {
		os.Remove(p.File)
		return false, fmt.Errorf("staged update %s changed or vanished since it was verified: not installed", p.File)
	}
	if err := launchInstaller(p.File); err != nil {
		return false, fmt.Errorf("starting the installer: %w", err)
	}
	return true, nil
}

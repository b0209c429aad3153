package store

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// stage builds a profile in a hidden directory under profiles/ (fill
// receives the database path there) and then moves the directory into place
// as name, so a profile appears whole or not at all and an existing profile
// is never overwritten.
func (m *Manager) stage(name string, fill func(dbPath string) error) error {
	dir, err := os.MkdirTemp(m.profiles, stagingMatch)
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir) // no-op once renamed
	path := filepath.Join(dir, dbFileName)
	if err := fill(path); err != nil {
		return err
	}
	if err := syncFile(path); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.vacant(name); err != nil {
		return err
	}
	if err := os.Rename(dir, filepath.Join(m.profiles, name)); err != nil {
		return fmt.Errorf("profile %q: %w", name, err)
	}
	syncDir(m.profiles)
	return nil
}

// Rename renames a profile (and the active-profile pointer with it). A
// profile whose database is open is refused; names differing only in case
// are allowed.
func (m *Manager) Rename(oldName, newName string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	real, err := m.existing(oldName)
	if err != nil {
		return err
	}
	if err := ValidateName(newName); err != nil {
		return err
	}
	if other, ok, err := m.resolve(newName); err != nil {
		return err
	} else if ok && other != real {
		return profileErr(ErrProfileExists, other)
	}
	if m.inUse(real) {
		return fmt.Errorf("cannot rename: %w", profileErr(ErrProfileInUse, real))
	}
	if err := os.Rename(filepath.Join(m.profiles, real), filepath.Join(m.profiles, newName)); err != nil {
		return fmt.Errorf("rename profile %q: %w", real, err)
	}
	if strings.EqualFold(real, m.active) {
		if err := writeFileAtomic(filepath.Join(m.dataDir, activeFile), []byte(newName+"\n")); err != nil {
			return fmt.Errorf("renamed, but updating the active profile failed: %w", err)
		}
		m.active = newName
	}
	return nil
}

// Duplicate copies profile src (a consistent snapshot, even while it is
// open and being written) to a new profile dst.
func (m *Manager) Duplicate(src, dst string) error {
	m.mu.Lock()
	real, err := m.existing(src)
	if err == nil {
		err = m.vacant(dst)
	}
	m.mu.Unlock()
	if err != nil {
		return err
	}
	return m.stage(dst, func(path string) error {
		if err := m.snapshot(m.dbPath(real), path); err != nil {
			return err
		}
		sdb, _, err := m.migs.openMigrated(context.Background(), path, quickCheck)
		if err != nil {
			return err
		}
		return sdb.Close()
	})
}

// snapshot writes a self-contained copy of the database at src (WAL content
// included) to dst with VACUUM INTO, through a read-only connection.
func (m *Manager) snapshot(src, dst string) error {
	ctx := context.Background()
	if fresh, err := m.migs.inspect(ctx, src, quickCheck); err != nil {
		return err
	} else if fresh {
		return &CorruptError{Path: src, Detail: "database file is missing or empty"}
	}
	ro := openRO(src)
	defer ro.Close()
	if _, err := ro.ExecContext(ctx, `VACUUM INTO ?`, dst); err != nil {
		return classify(src, fmt.Errorf("snapshot %s: %w", src, err))
	}
	return nil
}

// Export writes the profile as one self-contained SQLite file to w,
// without secrets (see ExportWith).
func (m *Manager) Export(name string, w io.Writer) error {
	return m.ExportWith(name, w, ExportOptions{})
}

// ExportWith writes the profile as one self-contained SQLite file to w.
// Unless opts.IncludeSecrets, the copy is scrubbed first (see scrubSecrets).
func (m *Manager) ExportWith(name string, w io.Writer, opts ExportOptions) error {
	m.mu.Lock()
	real, err := m.existing(name)
	m.mu.Unlock()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp(m.profiles, stagingMatch+"export-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, dbFileName)
	if err := m.snapshot(m.dbPath(real), tmp); err != nil {
		return err
	}
	if err := scrubExport(tmp, opts.IncludeSecrets); err != nil {
		return fmt.Errorf("export profile %q: %w", real, err)
	}
	f, err := os.Open(tmp)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return fmt.Errorf("export profile %q: %w", real, err)
	}
	return nil
}

func copyToFile(path string, r io.Reader) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeFileAtomic replaces path with data via a synced temp file + rename.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after rename
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// syncDir makes a rename durable where the OS supports syncing directories
// (best effort: Windows does not).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

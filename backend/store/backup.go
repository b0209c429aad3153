package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"
)

const (
	backupsDir = "backups"
	// KeepBackups is how many daily backups a profile keeps.
	KeepBackups = 7
	backupDay   = "2006-01-02"
)

var backupName = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}\.db$`)

// BackupInfo describes one automatic backup of a profile.
type BackupInfo struct {
	Name      string    `json:"name"` // YYYY-MM-DD.db
	SizeBytes int64     `json:"sizeBytes"`
	CreatedAt time.Time `json:"createdAt"`
}

func (m *Manager) backupDir(name string) string {
	return filepath.Join(m.profiles, name, backupsDir)
}

// listBackups returns a profile's backups, newest first.
func (m *Manager) listBackups(real string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(m.backupDir(real))
	if errors.Is(err, os.ErrNotExist) {
		return []BackupInfo{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := []BackupInfo{}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !backupName.MatchString(e.Name()) || !info.Mode().IsRegular() {
			continue
		}
		out = append(out, BackupInfo{Name: e.Name(), SizeBytes: info.Size(), CreatedAt: info.ModTime()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name > out[j].Name })
	return out, nil
}

// Backups lists the automatic backups of a profile, newest first. It
// works when the profile's database itself cannot be opened.
func (m *Manager) Backups(name string) ([]BackupInfo, error) {
	m.mu.Lock()
	real, err := m.existing(name)
	m.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return m.listBackups(real)
}

// dailyBackup writes backups/<today>.db from an open, checked database
// when the newest backup is more than a day old, then keeps the newest
// KeepBackups. Caller holds m.mu.
func (m *Manager) dailyBackup(real string, db *sql.DB) error {
	now := m.now()
	list, err := m.listBackups(real)
	if err != nil {
		return err
	}
	if len(list) > 0 && now.Sub(list[0].CreatedAt) < 24*time.Hour {
		return nil
	}
	dir := m.backupDir(real)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	name := now.Format(backupDay) + ".db"
	tmp := filepath.Join(dir, ".tmp-"+name)
	_ = os.Remove(tmp)
	if _, err := db.ExecContext(context.Background(), `VACUUM INTO ?`, tmp); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("backup of profile %q: %w", real, err)
	}
	_ = os.Chtimes(tmp, now, now)
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		return err
	}
	return m.pruneBackups(real)
}

func (m *Manager) pruneBackups(real string) error {
	list, err := m.listBackups(real)
	if err != nil {
		return err
	}
	for i := KeepBackups; i < len(list); i++ {
		if err := os.Remove(filepath.Join(m.backupDir(real), list[i].Name)); err != nil {
			return err
		}
	}
	return nil
}

// Restore replaces a profile's database with one of its backups. The
// backup is checked first; the current database (with its WAL) is moved
// aside as database.db.damaged-<time>, never deleted. The profile must not
// be open (close it first; core does for the active one).
func (m *Manager) Restore(name, backup string) (keptAs string, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	real, err := m.existing(name)
	if err != nil {
		return "", err
	}
	if !backupName.MatchString(backup) {
		return "", fmt.Errorf("%w: backup name must look like YYYY-MM-DD.db", ErrInvalid)
	}
	if m.inUse(real) {
		return "", fmt.Errorf("cannot restore: %w", profileErr(ErrProfileInUse, real))
	}
	src := filepath.Join(m.backupDir(real), backup)
	if _, err := os.Stat(src); err != nil {
		return "", fmt.Errorf("backup %s of profile %q: %w", backup, real, ErrNotFound)
	}
	if _, err := m.migs.inspect(context.Background(), src, fullCheck); err != nil {
		return "", fmt.Errorf("backup %s is not usable: %w", backup, err)
	}
	dst := m.dbPath(real)
	staged := dst + ".restore-tmp"
	_ = os.Remove(staged) // left by an interrupted restore
	if err := copyFile(src, staged); err != nil {
		return "", err
	}
	keptAs, err = m.setAside(dst)
	if err != nil {
		os.Remove(staged)
		return "", err
	}
	if err := os.Rename(staged, dst); err != nil {
		return keptAs, err
	}
	syncDir(filepath.Dir(dst))
	return keptAs, nil
}

// setAside renames the database and its WAL/SHM to *.damaged-<time>.
func (m *Manager) setAside(path string) (string, error) {
	suffix := ".damaged-" + m.now().Format("20060102-150405")
	kept := ""
	for _, ext := range []string{"", "-wal", "-shm"} {
		if _, err := os.Stat(path + ext); err != nil {
			continue
		}
		if err := os.Rename(path+ext, path+suffix+ext); err != nil {
			return kept, fmt.Errorf("set aside %s: %w", filepath.Base(path+ext), err)
		}
		if ext == "" {
			kept = filepath.Base(path + suffix)
		}
	}
	return kept, nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return copyToFile(dst, io.Reader(in))
}

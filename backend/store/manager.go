// Package store keeps LTTH's data in one SQLite database per profile:
// Manager handles profiles (create, rename, duplicate, delete, switch,
// export, import), DB holds the repositories, and Journal writes the event
// stream in batches.
//
// Files are never modified before they are known to be sound: a database
// that is not SQLite, fails its integrity check, or was written by a newer
// schema is reported (ErrCorrupt, ErrNewerSchema) and left untouched.
package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

const (
	profilesDir  = "profiles"
	dbFileName   = "database.db"
	activeFile   = ".active_profile"
	stagingMatch = ".tmp-"
)

// ProfileInfo describes one profile for the dashboard.
type ProfileInfo struct {
	Name       string    `json:"name"`
	Active     bool      `json:"active"`
	SizeBytes  int64     `json:"sizeBytes"` // database + WAL
	ModifiedAt time.Time `json:"modifiedAt"`
}

// Manager owns <data-dir>/profiles/<name>/database.db and
// <data-dir>/.active_profile. It is safe for concurrent use.
type Manager struct {
	dataDir  string
	profiles string
	migs     migrations
	now      func() time.Time // the clock of daily backups (tests move it)

	mu     sync.Mutex
	active string
	open   map[string]int // lower-case profile name -> open *DB handles
}

// OpenManager prepares dataDir (creating it and profiles/ if needed), reads
// the active profile ("default" when unset or unreadable) and removes
// leftovers of interrupted imports/duplicates.
func OpenManager(dataDir string) (*Manager, error) {
	migs, err := loadMigrations(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	m := &Manager{dataDir: dataDir, profiles: filepath.Join(dataDir, profilesDir),
		migs: migs, now: time.Now, open: map[string]int{}}
	if err := os.MkdirAll(m.profiles, 0o700); err != nil {
		return nil, fmt.Errorf("create profiles directory: %w", err)
	}
	m.active = m.readActive()
	m.removeStaging()
	return m, nil
}

// SchemaVersion is the newest schema version this binary knows.
func (m *Manager) SchemaVersion() int { return m.migs.latest() }

// DataDir is the directory given to OpenManager.
func (m *Manager) DataDir() string { return m.dataDir }

func (m *Manager) readActive() string {
	b, err := os.ReadFile(filepath.Join(m.dataDir, activeFile))
	name := strings.TrimSpace(string(b))
	if err != nil || ValidateName(name) != nil {
		return DefaultProfile
	}
	return name
}

// removeStaging deletes staging directories left by an interrupted import,
// duplicate or delete. Recent ones are kept: they may belong to another
// process working on the same data directory right now.
func (m *Manager) removeStaging() {
	entries, _ := os.ReadDir(m.profiles)
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !strings.HasPrefix(e.Name(), stagingMatch) || time.Since(info.ModTime()) < time.Hour {
			continue
		}
		_ = os.RemoveAll(filepath.Join(m.profiles, e.Name()))
	}
}

// Active returns the active profile's name.
func (m *Manager) Active() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.active
}

// dbPath is the database file of a profile.
func (m *Manager) dbPath(name string) string {
	return filepath.Join(m.profiles, name, dbFileName)
}

// resolve finds the on-disk name of a profile, matching case-insensitively
// (names differing only in case are the same profile on Windows and macOS).
func (m *Manager) resolve(name string) (string, bool, error) {
	entries, err := os.ReadDir(m.profiles)
	if err != nil {
		return "", false, err
	}
	found := ""
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if e.Name() == name {
			return name, true, nil
		}
		if found == "" && strings.EqualFold(e.Name(), name) {
			found = e.Name()
		}
	}
	return found, found != "", nil
}

// existing validates name and resolves it to an existing profile.
func (m *Manager) existing(name string) (string, error) {
	if err := ValidateName(name); err != nil {
		return "", err
	}
	real, ok, err := m.resolve(name)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", profileErr(ErrProfileNotFound, name)
	}
	return real, nil
}

// vacant validates name and checks that no profile has it.
func (m *Manager) vacant(name string) error {
	if err := ValidateName(name); err != nil {
		return err
	}
	real, ok, err := m.resolve(name)
	if err != nil {
		return err
	}
	if ok {
		return profileErr(ErrProfileExists, real)
	}
	return nil
}

// List returns the profiles, sorted by name.
func (m *Manager) List() ([]ProfileInfo, error) {
	m.mu.Lock()
	active := m.active
	m.mu.Unlock()
	entries, err := os.ReadDir(m.profiles)
	if err != nil {
		return nil, err
	}
	out := []ProfileInfo{}
	for _, e := range entries {
		if !e.IsDir() || ValidateName(e.Name()) != nil {
			continue
		}
		info := ProfileInfo{Name: e.Name(), Active: strings.EqualFold(e.Name(), active)}
		for _, suffix := range []string{"", "-wal"} {
			if st, err := os.Stat(m.dbPath(e.Name()) + suffix); err == nil {
				info.SizeBytes += st.Size()
				if st.ModTime().After(info.ModifiedAt) {
					info.ModifiedAt = st.ModTime()
				}
			}
		}
		out = append(out, info)
	}
	return out, nil
}

// Open opens a profile's database, creating the profile if it does not
// exist, after checking the file (ErrCorrupt, ErrNewerSchema) and applying
// pending migrations. Several handles to one profile may be open at once.
func (m *Manager) Open(name string) (*DB, error) {
	if err := ValidateName(name); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	real, ok, err := m.resolve(name)
	if err != nil {
		return nil, err
	}
	if !ok {
		real = name
		if err := os.MkdirAll(filepath.Join(m.profiles, name), 0o700); err != nil {
			return nil, fmt.Errorf("create profile %q: %w", name, err)
		}
	}
	path := m.dbPath(real)
	sdb, v, err := m.migs.openMigrated(context.Background(), path, quickCheck)
	if err != nil {
		return nil, m.withBackups(real, err)
	}
	backupErr := m.dailyBackup(real, sdb)
	key := strings.ToLower(real)
	m.open[key]++
	db := newDB(sdb, real, path, v, func() { m.release(key) })
	db.backupErr = backupErr
	return db, nil
}

// withBackups adds the profile's backups to a CorruptError, so the caller
// can offer to restore one.
func (m *Manager) withBackups(real string, err error) error {
	var ce *CorruptError
	if !errors.As(err, &ce) {
		return err
	}
	if list, lerr := m.listBackups(real); lerr == nil {
		for _, b := range list {
			ce.Backups = append(ce.Backups, b.Name)
		}
	}
	return err
}

func (m *Manager) release(key string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.open[key]--; m.open[key] <= 0 {
		delete(m.open, key)
	}
}

func (m *Manager) inUse(name string) bool { return m.open[strings.ToLower(name)] > 0 }

// Create makes a new, empty, migrated profile.
func (m *Manager) Create(name string) error {
	m.mu.Lock()
	err := m.vacant(name)
	m.mu.Unlock()
	if err != nil {
		return err
	}
	return m.stage(name, func(path string) error {
		sdb, _, err := m.migs.openMigrated(context.Background(), path, quickCheck)
		if err != nil {
			return err
		}
		return sdb.Close()
	})
}

// Delete removes a profile. The active profile and profiles whose database
// is open are refused.
func (m *Manager) Delete(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	real, err := m.existing(name)
	if err != nil {
		return err
	}
	if strings.EqualFold(real, m.active) {
		return fmt.Errorf("cannot delete %w: switch to another profile first", profileErr(ErrActiveProfile, real))
	}
	if m.inUse(real) {
		return fmt.Errorf("cannot delete: %w", profileErr(ErrProfileInUse, real))
	}
	// Move it aside first so an interrupted delete never leaves half a profile.
	trash, err := os.MkdirTemp(m.profiles, stagingMatch+"del-")
	if err != nil {
		return err
	}
	if err := os.Rename(filepath.Join(m.profiles, real), filepath.Join(trash, real)); err != nil {
		os.Remove(trash)
		return fmt.Errorf("delete profile %q: %w", real, err)
	}
	return os.RemoveAll(trash)
}

// SetActive makes an existing profile the active one (persisted in
// .active_profile). Callers reopen their databases on the new profile.
func (m *Manager) SetActive(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	real, err := m.existing(name)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(m.dataDir, activeFile), []byte(real+"\n")); err != nil {
		return fmt.Errorf("set active profile: %w", err)
	}
	m.active = real
	return nil
}

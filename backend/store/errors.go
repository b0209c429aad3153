package store

import (
	"errors"
	"fmt"
)

// Sentinel errors; match them with errors.Is. Errors about a database file
// (CorruptError, SchemaError) also carry details reachable with errors.As.
var (
	// ErrCorrupt: the file is not a SQLite database or fails its integrity
	// check. The file is left untouched.
	ErrCorrupt = errors.New("database file is corrupt")
	// ErrNewerSchema: the database was written by a newer LTTH whose schema
	// this binary does not know. The file is left untouched.
	ErrNewerSchema = errors.New("database schema is newer than this version of LTTH supports")
	// ErrInvalidName: a profile name breaks the naming rules (see ValidateName).
	ErrInvalidName = errors.New("invalid profile name")
	// ErrProfileExists: the target profile name is already taken.
	ErrProfileExists = errors.New("profile already exists")
	// ErrProfileNotFound: no profile has this name.
	ErrProfileNotFound = errors.New("profile not found")
	// ErrActiveProfile: the operation is refused on the active profile.
	ErrActiveProfile = errors.New("profile is the active profile")
	// ErrProfileInUse: the profile's database is open in this process.
	ErrProfileInUse = errors.New("profile is in use")
	// ErrNotFound: a repository record (flow, goal, variable...) does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: a repository argument is invalid (empty id, malformed JSON...).
	ErrInvalid = errors.New("invalid argument")
	// ErrClosed: the journal or database has been closed.
	ErrClosed = errors.New("closed")
)

// CorruptError reports a database file that is not usable. It matches ErrCorrupt.
type CorruptError struct {
	Path    string
	Detail  string   // what was wrong: bad header, integrity_check output...
	Backups []string // the profile's automatic backups, newest first (recovery)
}

func (e *CorruptError) Error() string {
	s := fmt.Sprintf("%s: %v: %s (the file was left unchanged)", e.Path, ErrCorrupt, e.Detail)
	if len(e.Backups) > 0 {
		s += fmt.Sprintf("; %d automatic backup(s) can be restored, newest %s", len(e.Backups), e.Backups[0])
	}
	return s
}

// Is makes errors.Is(err, ErrCorrupt) true.
func (e *CorruptError) Is(target error) bool { return target == ErrCorrupt }

// SchemaError reports a database written by a newer schema. It matches ErrNewerSchema.
type SchemaError struct {
	Path    string
	Version int // the database's schema version
	Known   int // the newest version this binary knows
	Detail  string
}

func (e *SchemaError) Error() string {
	s := fmt.Sprintf("%s: %v: database version %d, this binary knows up to %d",
		e.Path, ErrNewerSchema, e.Version, e.Known)
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s + "; update LTTH to open it (the file was left unchanged)"
}

// Is makes errors.Is(err, ErrNewerSchema) true.
func (e *SchemaError) Is(target error) bool { return target == ErrNewerSchema }

func profileErr(err error, name string) error {
	return fmt.Errorf("profile %q: %w", name, err)
}

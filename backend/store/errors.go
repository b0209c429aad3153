package store

import (
	"errors"
	"fmt"

	"github.com/ltth/ltth/backend/httpapi"
)

// Sentinel errors; match them with errors.Is. Errors about a database file
// (CorruptError, SchemaError) also carry details reachable with errors.As.
// Each is a kind of the shared httpapi vocabulary, so a REST handler
// answers it with httpapi.WriteError and the right status (404, 409, 422...).
var (
	// ErrCorrupt: the file is not a SQLite database or fails its integrity
	// check. The file is left untouched.
	ErrCorrupt = httpapi.NewError(httpapi.ErrUnprocessable, "database file is corrupt")
	// ErrNewerSchema: the database was written by a newer LTTH whose schema
	// this binary does not know. The file is left untouched.
	ErrNewerSchema = httpapi.NewError(httpapi.ErrUnprocessable, "database schema is newer than this version of LTTH supports")
	// ErrInvalidName: a profile name breaks the naming rules (see ValidateName).
	ErrInvalidName = httpapi.NewError(httpapi.ErrUnprocessable, "invalid profile name")
	// ErrProfileExists: the target profile name is already taken.
	ErrProfileExists = httpapi.NewError(httpapi.ErrConflict, "profile already exists")
	// ErrProfileNotFound: no profile has this name.
	ErrProfileNotFound = httpapi.NewError(httpapi.ErrNotFound, "profile not found")
	// ErrActiveProfile: the operation is refused on the active profile.
	ErrActiveProfile = httpapi.NewError(httpapi.ErrConflict, "profile is the active profile")
	// ErrProfileInUse: the profile's database is open in this process.
	ErrProfileInUse = httpapi.NewError(httpapi.ErrConflict, "profile is in use")
	// ErrNotFound: a repository record (flow, goal, variable...) does not exist.
	ErrNotFound = httpapi.NewError(httpapi.ErrNotFound, "not found")
	// ErrInvalid: a repository argument is invalid (empty id, malformed JSON...).
	ErrInvalid = httpapi.NewError(httpapi.ErrInvalid, "invalid argument")
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

// Is makes errors.Is(err, ErrCorrupt) true (and so its httpapi kind).
func (e *CorruptError) Is(target error) bool { return errors.Is(ErrCorrupt, target) }

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

// Is makes errors.Is(err, ErrNewerSchema) true (and so its httpapi kind).
func (e *SchemaError) Is(target error) bool { return errors.Is(ErrNewerSchema, target) }

func profileErr(err error, name string) error {
	return fmt.Errorf("profile %q: %w", name, err)
}

package service

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/store"
)

// Profiles: the profile files, the journal's recent events, and the trust
// and recovery of profiles (review of an import's quarantined items, the
// daily backups and their restore). List and Switch are in capabilities.go.
func init() {
	declare(map[string]string{
		"Profiles.Create":       "POST /api/profiles",
		"Profiles.Import":       "POST /api/profiles/import",
		"Profiles.Rename":       "POST /api/profiles/{name}/rename",
		"Profiles.Duplicate":    "POST /api/profiles/{name}/duplicate",
		"Profiles.Delete":       "DELETE /api/profiles/{name}",
		"Profiles.Export":       "GET /api/profiles/{name}/export",
		"Profiles.RecentEvents": "GET /api/events/recent",
		"Profiles.Review":       "GET /api/profiles/{name}/review",
		"Profiles.ApplyReview":  "POST /api/profiles/{name}/review",
		"Profiles.Backups":      "GET /api/profiles/{name}/backups",
		"Profiles.Restore":      "POST /api/profiles/{name}/restore",
	}, nil)
}

// ProfileBackend is what the profile methods need from the composition
// root beyond Backend (core/profiles.go, core/trust.go).
type ProfileBackend interface {
	ProfileExists(name string) error
	CreateProfile(name string) error
	RenameProfile(ctx context.Context, oldName, newName string) error
	DuplicateProfile(ctx context.Context, src, dst string) error
	DeleteProfile(name string) error
	ImportProfile(name string, r io.Reader) error
	ExportProfile(name string, w io.Writer, includeSecrets bool) error
	RecentEvents(limit int) ([]domain.Event, error)
	ReviewProfile(name string) ([]store.ReviewItem, error)
	ApplyProfileReview(ctx context.Context, name string, accept, reject []int64) error
	ProfileBackups(name string) ([]store.BackupInfo, error)
	RestoreProfile(ctx context.Context, name, backup string) (string, error)
}

// OK is the answer of a change that has nothing else to say.
type OK struct {
	OK bool `json:"ok"`
}

// ProfileRequest names a profile.
type ProfileRequest struct {
	Name string `json:"name"`
}

// RenameRequest gives profile Name the name NewName (rename), or copies it
// to a new profile NewName (duplicate).
type RenameRequest struct {
	Name    string `json:"name"`
	NewName string `json:"newName"`
}

// ExportRequest asks for a copy of profile Name; the secrets (API key,
// session id, passwords, webhook headers) only when IncludeSecrets.
type ExportRequest struct {
	Name           string `json:"name"`
	IncludeSecrets bool   `json:"includeSecrets"`
}

// ExportResult names the file an export was written as.
type ExportResult struct {
	File string `json:"file"`
}

// RecentRequest asks for the newest Limit journaled events (1..5000; any
// other value is 200).
type RecentRequest struct {
	Limit int `json:"limit"`
}

// ReviewRequest accepts and rejects review items of profile Name.
type ReviewRequest struct {
	Name   string  `json:"name"`
	Accept []int64 `json:"accept"`
	Reject []int64 `json:"reject"`
}

// RestoreRequest replaces profile Name's database with its backup Backup.
type RestoreRequest struct {
	Name   string `json:"name"`
	Backup string `json:"backup"`
}

// RestoreResult is the backup restored and the name the replaced database
// file was kept aside under.
type RestoreResult struct {
	OK       bool   `json:"ok"`
	Restored string `json:"restored"`
	KeptAs   string `json:"keptAs"`
}

func done(err error) (OK, error) {
	if err != nil {
		return OK{}, wrap(err, nil)
	}
	return OK{OK: true}, nil
}

// Create creates an empty profile.
func (s *Profiles) Create(_ context.Context, req ProfileRequest) (OK, error) {
	return done(s.b.CreateProfile(req.Name))
}

// Rename renames a profile; renaming the open one keeps it open.
func (s *Profiles) Rename(ctx context.Context, req RenameRequest) (OK, error) {
	return done(s.b.RenameProfile(ctx, req.Name, req.NewName))
}

// Duplicate copies a profile (all its data) to a new profile.
func (s *Profiles) Duplicate(ctx context.Context, req RenameRequest) (OK, error) {
	return done(s.b.DuplicateProfile(ctx, req.Name, req.NewName))
}

// Delete deletes a profile that is not open.
func (s *Profiles) Delete(_ context.Context, req ProfileRequest) (OK, error) {
	return done(s.b.DeleteProfile(req.Name))
}

// Import creates profile req.Name from an exported profile file read from
// file. The transport brings the file: the request body over REST, the
// file picked in a native Open dialog on the desktop.
func (s *Profiles) Import(_ context.Context, req ProfileRequest, file io.Reader) (OK, error) {
	return done(s.b.ImportProfile(req.Name, file))
}

// Export writes a copy of profile req.Name to the writer open answers for
// the file name it is given (the response over REST, a file the streamer
// picked in a native Save dialog on the desktop). An error before open is
// called (no such profile) leaves nothing written.
func (s *Profiles) Export(_ context.Context, req ExportRequest, open func(file string) (io.Writer, error)) (ExportResult, error) {
	if err := s.b.ProfileExists(req.Name); err != nil {
		return ExportResult{}, wrap(err, nil)
	}
	file := fmt.Sprintf("ltth-%s-%s.db", req.Name, time.Now().Format("20060102-150405"))
	w, err := open(file)
	if err != nil {
		return ExportResult{}, wrap(err, nil)
	}
	if err := s.b.ExportProfile(req.Name, w, req.IncludeSecrets); err != nil {
		return ExportResult{}, wrap(err, nil)
	}
	return ExportResult{File: file}, nil
}

// RecentEvents answers the newest journaled events of the open profile.
func (s *Profiles) RecentEvents(_ context.Context, req RecentRequest) ([]domain.Event, error) {
	limit := req.Limit
	if limit <= 0 || limit > 5000 {
		limit = 200
	}
	evs, err := s.b.RecentEvents(limit)
	return evs, wrap(err, httpapi.ErrUnavailable)
}

// Review lists the imported items of a profile waiting for review.
func (s *Profiles) Review(_ context.Context, req ProfileRequest) ([]store.ReviewItem, error) {
	items, err := s.b.ReviewProfile(req.Name)
	return items, wrap(err, nil)
}

// ApplyReview accepts and rejects review items and answers what is still
// waiting.
func (s *Profiles) ApplyReview(ctx context.Context, req ReviewRequest) ([]store.ReviewItem, error) {
	if err := s.b.ApplyProfileReview(ctx, req.Name, req.Accept, req.Reject); err != nil {
		return nil, wrap(err, nil)
	}
	return s.Review(ctx, ProfileRequest{Name: req.Name})
}

// Backups lists a profile's automatic daily backups.
func (s *Profiles) Backups(_ context.Context, req ProfileRequest) ([]store.BackupInfo, error) {
	list, err := s.b.ProfileBackups(req.Name)
	return list, wrap(err, nil)
}

// Restore replaces a profile's database with one of its backups; the
// replaced file is kept aside.
func (s *Profiles) Restore(ctx context.Context, req RestoreRequest) (RestoreResult, error) {
	kept, err := s.b.RestoreProfile(ctx, req.Name, req.Backup)
	if err != nil {
		return RestoreResult{}, wrap(err, nil)
	}
	return RestoreResult{OK: true, Restored: req.Backup, KeptAs: kept}, nil
}

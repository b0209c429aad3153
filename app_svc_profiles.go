package main

import (
	"context"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/store"
)

// The rest of ProfilesService (List and Switch are in app_services.go);
// Import and Export, which move files, are in app_svc_profilefiles.go.

// Create creates an empty profile; see service.Profiles.Create.
func (s *ProfilesService) Create(req service.ProfileRequest) (service.OK, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.OK, error) {
		return v.Profiles.Create(ctx, req)
	})
}

// Rename renames a profile; see service.Profiles.Rename.
func (s *ProfilesService) Rename(req service.RenameRequest) (service.OK, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.OK, error) {
		return v.Profiles.Rename(ctx, req)
	})
}

// Duplicate copies a profile; see service.Profiles.Duplicate.
func (s *ProfilesService) Duplicate(req service.RenameRequest) (service.OK, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.OK, error) {
		return v.Profiles.Duplicate(ctx, req)
	})
}

// Delete deletes a profile; see service.Profiles.Delete.
func (s *ProfilesService) Delete(req service.ProfileRequest) (service.OK, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.OK, error) {
		return v.Profiles.Delete(ctx, req)
	})
}

// RecentEvents answers the newest journaled events; see
// service.Profiles.RecentEvents.
func (s *ProfilesService) RecentEvents(req service.RecentRequest) ([]domain.Event, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]domain.Event, error) {
		return v.Profiles.RecentEvents(ctx, req)
	})
}

// Review lists the items waiting for review; see service.Profiles.Review.
func (s *ProfilesService) Review(req service.ProfileRequest) ([]store.ReviewItem, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]store.ReviewItem, error) {
		return v.Profiles.Review(ctx, req)
	})
}

// ApplyReview accepts and rejects review items; see
// service.Profiles.ApplyReview.
func (s *ProfilesService) ApplyReview(req service.ReviewRequest) ([]store.ReviewItem, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]store.ReviewItem, error) {
		return v.Profiles.ApplyReview(ctx, req)
	})
}

// Backups lists a profile's daily backups; see service.Profiles.Backups.
func (s *ProfilesService) Backups(req service.ProfileRequest) ([]store.BackupInfo, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]store.BackupInfo, error) {
		return v.Profiles.Backups(ctx, req)
	})
}

// Restore restores a backup; see service.Profiles.Restore.
func (s *ProfilesService) Restore(req service.RestoreRequest) (service.RestoreResult, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.RestoreResult, error) {
		return v.Profiles.Restore(ctx, req)
	})
}

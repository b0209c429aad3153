package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/history"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// HistoryService is history.Service bound to the window.
type HistoryService struct{ app *App }

// Streams lists streams, newest first; see history.Service.Streams.
func (s *HistoryService) Streams(req history.StreamsRequest) ([]history.Stream, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]history.Stream, error) {
		return v.History.Streams(ctx, req)
	})
}

// Stream answers one stream; see history.Service.Stream.
func (s *HistoryService) Stream(req history.StreamRequest) (history.Detail, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (history.Detail, error) {
		return v.History.Stream(ctx, req)
	})
}

// Compare answers two streams side by side; see history.Service.Compare.
func (s *HistoryService) Compare(req history.CompareRequest) (history.Comparison, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (history.Comparison, error) {
		return v.History.Compare(ctx, req)
	})
}

// Events searches the event journal; see history.Service.Events.
func (s *HistoryService) Events(q history.EventQuery) (history.EventPage, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (history.EventPage, error) {
		return v.History.Events(ctx, q)
	})
}

// Viewers lists the viewers seen; see history.Service.Viewers.
func (s *HistoryService) Viewers(req history.ViewersRequest) ([]history.Viewer, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]history.Viewer, error) {
		return v.History.Viewers(ctx, req)
	})
}

// Viewer answers one viewer; see history.Service.Viewer.
func (s *HistoryService) Viewer(req history.ViewerRequest) (history.ViewerDetail, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (history.ViewerDetail, error) {
		return v.History.Viewer(ctx, req)
	})
}

// SetNotes sets the notes on a viewer; see history.Service.SetNotes.
func (s *HistoryService) SetNotes(req history.NotesRequest) (history.ViewerDetail, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (history.ViewerDetail, error) {
		return v.History.SetNotes(ctx, req)
	})
}

// AddPoints adds or takes loyalty points; see history.Service.AddPoints.
func (s *HistoryService) AddPoints(req history.PointsRequest) (history.ViewerDetail, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (history.ViewerDetail, error) {
		return v.History.AddPoints(ctx, req)
	})
}

// Rules answers the loyalty point rules; see history.Service.Rules.
func (s *HistoryService) Rules() (history.Rules, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (history.Rules, error) {
		return v.History.Rules(ctx)
	})
}

// SetRules changes the loyalty point rules; see history.Service.SetRules.
func (s *HistoryService) SetRules(r history.Rules) (history.Rules, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (history.Rules, error) {
		return v.History.SetRules(ctx, r)
	})
}

// Export saves a stream's export (history.Service.Export) where the
// streamer picks in the native Save dialog, without a round trip through
// the listener. It answers the file's path, "" when the streamer cancelled.
func (s *HistoryService) Export(req history.ExportRequest) (string, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (string, error) {
		e, err := v.History.Export(ctx, req)
		if err != nil {
			return "", err
		}
		dest, err := runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{Title: "Save export", DefaultFilename: e.Name})
		if err != nil || dest == "" {
			return "", err
		}
		return dest, saveExport(e, dest)
	})
}

// saveExport writes e to dest atomically (a temporary file next to it,
// renamed once complete).
func saveExport(e history.Export, dest string) error {
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".ltth-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := e.Save(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", filepath.Base(dest), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Base(dest), err)
	}
	return os.Rename(tmp.Name(), dest)
}

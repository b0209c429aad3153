package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/httpapi"
)

// The desktop moves profile files through native dialogs, never through
// the window: ChooseImport picks a file in an Open dialog and Import reads
// it straight into service.Profiles.Import; Export asks for the place in a
// Save dialog and service.Profiles.Export writes there. REST keeps the
// request body (import) and the download (export).

// ImportChoice is a profile file the streamer picked: Choice names it to
// Import, File is its base name (both "" when the dialog was cancelled).
type ImportChoice struct {
	Choice string `json:"choice"`
	File   string `json:"file"`
}

// ImportFileRequest imports the picked file Choice as profile Name.
type ImportFileRequest struct {
	Name   string `json:"name"`
	Choice string `json:"choice"`
}

// SavedExport is where a bound export was saved (Path "" when the
// streamer cancelled the Save dialog) and the file name it was offered as.
type SavedExport struct {
	Path string `json:"path"`
	File string `json:"file"`
}

// picked is the file of the last ChooseImport: the window names it by an
// opaque id, so it can only import what the streamer picked.
var picked struct {
	sync.Mutex
	id, path string
}

var errCancelled = errors.New("cancelled")

// ChooseImport lets the streamer pick an exported profile in a native Open
// dialog (desktop only: a browser uploads the file with Import over REST).
func (s *ProfilesService) ChooseImport() (ImportChoice, error) {
	path, err := runtime.OpenFileDialog(s.app.ctx, runtime.OpenDialogOptions{
		Title: "Import a profile",
		Filters: []runtime.FileFilter{
			{DisplayName: "LTTH profiles (*.db)", Pattern: "*.db"},
			{DisplayName: "All files", Pattern: "*"},
		},
	})
	if err != nil || path == "" {
		return ImportChoice{}, bindError(err)
	}
	return choose(path), nil
}

// choose remembers path as the one file Import may read.
func choose(path string) ImportChoice {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	picked.Lock()
	defer picked.Unlock()
	picked.id, picked.path = hex.EncodeToString(b), path
	return ImportChoice{Choice: picked.id, File: filepath.Base(path)}
}

func pickedPath(id string) (string, bool) {
	picked.Lock()
	defer picked.Unlock()
	return picked.path, id != "" && id == picked.id
}

// Import creates profile req.Name from the file ChooseImport picked; see
// service.Profiles.Import.
func (s *ProfilesService) Import(req ImportFileRequest) (service.OK, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (service.OK, error) {
		path, ok := pickedPath(req.Choice)
		if !ok {
			return service.OK{}, httpapi.NewError(httpapi.ErrInvalid, "pick the profile file to import again")
		}
		f, err := os.Open(path)
		if err != nil {
			return service.OK{}, httpapi.NewError(httpapi.ErrUnprocessable, fmt.Sprintf("reading %s: %v", filepath.Base(path), err))
		}
		defer f.Close()
		return v.Profiles.Import(ctx, service.ProfileRequest{Name: req.Name}, f)
	})
}

// Export saves a copy of profile req.Name where the streamer picks in a
// native Save dialog; see service.Profiles.Export.
func (s *ProfilesService) Export(req service.ExportRequest) (SavedExport, error) {
	return s.exportTo(req, func(file string) (string, error) {
		return runtime.SaveFileDialog(s.app.ctx, runtime.SaveDialogOptions{Title: "Save the profile export", DefaultFilename: file})
	})
}

// exportTo runs the export into the file pick answers for the offered
// name ("" = cancelled), written aside and renamed into place when done.
func (s *ProfilesService) exportTo(req service.ExportRequest, pick func(file string) (string, error)) (SavedExport, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (SavedExport, error) {
		var dest string
		var tmp *os.File
		res, err := v.Profiles.Export(ctx, req, func(file string) (io.Writer, error) {
			d, err := pick(file)
			if err != nil {
				return nil, err
			}
			if d == "" {
				return nil, errCancelled
			}
			dest = d
			tmp, err = os.CreateTemp(filepath.Dir(d), ".ltth-export-*")
			return tmp, err
		})
		if tmp != nil {
			defer os.Remove(tmp.Name())
			if cerr := tmp.Close(); err == nil && cerr != nil {
				err = cerr
			}
		}
		if errors.Is(err, errCancelled) {
			return SavedExport{}, nil
		}
		if err != nil {
			return SavedExport{}, err
		}
		if err := os.Rename(tmp.Name(), dest); err != nil {
			return SavedExport{}, err
		}
		return SavedExport{Path: dest, File: res.File}, nil
	})
}

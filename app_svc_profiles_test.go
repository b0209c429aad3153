package main

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/core/service"
)

// The profile methods answer the same on both transports and fail with the
// same codes; an export saved through the binding (the Save dialog's pick
// stood in by a path) is a profile the binding imports again.
func TestProfilesBoundMatchREST(t *testing.T) {
	a := startedApp(t)
	p := &ProfilesService{a}
	ok, err := p.Create(service.ProfileRequest{Name: "Bound"})
	code, body := apiCall(t, a, http.MethodPost, "/api/profiles", `{"name":"Rest"}`)
	sameAnswer(t, "Profiles.Create", ok, err, code, body)
	_, err = p.Create(service.ProfileRequest{Name: "Bound"})
	code, body = apiCall(t, a, http.MethodPost, "/api/profiles", `{"name":"Rest"}`)
	sameErrorCode(t, "Profiles.Create twice", err, code, body, "conflict", http.StatusConflict)

	if _, err := p.Duplicate(service.RenameRequest{Name: "Bound", NewName: "Copy"}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Rename(service.RenameRequest{Name: "Copy", NewName: "Renamed"}); err != nil {
		t.Fatal(err)
	}
	_, err = p.Rename(service.RenameRequest{Name: "Nobody", NewName: "X"})
	code, body = apiCall(t, a, http.MethodPost, "/api/profiles/Nobody/rename", `{"newName":"X"}`)
	sameErrorCode(t, "Profiles.Rename nobody", err, code, body, "not_found", http.StatusNotFound)
	if _, err := p.Delete(service.ProfileRequest{Name: "Renamed"}); err != nil {
		t.Fatal(err)
	}
	list, err := p.List()
	code, body = apiCall(t, a, http.MethodGet, "/api/profiles", "")
	sameAnswer(t, "Profiles.List", list, err, code, body)
	if len(list) != 3 {
		t.Fatalf("profiles after create, duplicate, rename, delete: %+v", list)
	}

	review, err := p.Review(service.ProfileRequest{Name: "Bound"})
	code, body = apiCall(t, a, http.MethodGet, "/api/profiles/Bound/review", "")
	sameAnswer(t, "Profiles.Review", review, err, code, body)
	backups, err := p.Backups(service.ProfileRequest{Name: "Bound"})
	code, body = apiCall(t, a, http.MethodGet, "/api/profiles/Bound/backups", "")
	sameAnswer(t, "Profiles.Backups", backups, err, code, body)
	_, err = p.Restore(service.RestoreRequest{Name: "Bound", Backup: "../x"})
	code, body = apiCall(t, a, http.MethodPost, "/api/profiles/Bound/restore", `{"backup":"../x"}`)
	sameErrorCode(t, "Profiles.Restore ../x", err, code, body, "invalid", http.StatusBadRequest)
	evs, err := p.RecentEvents(service.RecentRequest{Limit: 10})
	code, body = apiCall(t, a, http.MethodGet, "/api/events/recent?limit=10", "")
	sameAnswer(t, "Profiles.RecentEvents", evs, err, code, body)

	dest := filepath.Join(t.TempDir(), "bound.db")
	saved, err := p.exportTo(service.ExportRequest{Name: "Bound"}, func(file string) (string, error) {
		if !strings.HasPrefix(file, "ltth-Bound-") {
			t.Errorf("offered file name %q", file)
		}
		return dest, nil
	})
	if err != nil || saved.Path != dest {
		t.Fatalf("bound export: %+v %v", saved, err)
	}
	code, body = apiCall(t, a, http.MethodGet, "/api/profiles/Bound/export", "")
	if head, _ := os.ReadFile(dest); code != http.StatusOK || !bytes.HasPrefix(head, []byte("SQLite format 3")) || !bytes.HasPrefix(body, []byte("SQLite format 3")) {
		t.Fatalf("exports: bound %q…, REST %d", head[:min(16, len(head))], code)
	}
	if saved, err := p.exportTo(service.ExportRequest{Name: "Bound"}, func(string) (string, error) { return "", nil }); err != nil || saved.Path != "" {
		t.Fatalf("cancelled export: %+v %v", saved, err)
	}
	_, err = p.exportTo(service.ExportRequest{Name: "Nobody"}, func(string) (string, error) { return dest, nil })
	code, body = apiCall(t, a, http.MethodGet, "/api/profiles/Nobody/export", "")
	sameErrorCode(t, "Profiles.Export nobody", err, code, body, "not_found", http.StatusNotFound)

	_, err = p.Import(ImportFileRequest{Name: "Again", Choice: "guessed"})
	code, body = apiCall(t, a, http.MethodPost, "/api/profiles/import?name=Again", "not a database")
	if code/100 == 2 || err == nil {
		t.Fatalf("import of a guessed choice / a non-database: bound %v, REST %d %s", err, code, body)
	}
	choice := choose(dest)
	if choice.File != "bound.db" {
		t.Fatalf("choice: %+v", choice)
	}
	if _, err := p.Import(ImportFileRequest{Name: "Again", Choice: choice.Choice}); err != nil {
		t.Fatalf("bound import of the bound export: %v", err)
	}
	if list, _ := p.List(); len(list) != 4 {
		t.Fatalf("profiles after the import: %+v", list)
	}
}

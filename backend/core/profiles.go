package core

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/store"
)

// ProfileExists answers a not-found error unless profile name exists.
func (c *Core) ProfileExists(name string) error {
	list, err := c.profiles.List()
	if err != nil {
		return err
	}
	for _, p := range list {
		if p.Name == name {
			return nil
		}
	}
	return fmt.Errorf("%w: %q", store.ErrProfileNotFound, name)
}

func (c *Core) profileExists(name string) error { return c.ProfileExists(name) }

// Profiles lists the profiles.
func (c *Core) Profiles() ([]store.ProfileInfo, error) { return c.profiles.List() }

// ActiveProfile is the open profile's name.
func (c *Core) ActiveProfile() string { return c.profiles.Active() }

// CreateProfile creates an empty profile.
func (c *Core) CreateProfile(name string) error { return c.profiles.Create(name) }

// DuplicateProfile copies src (all its data) to a new profile dst.
func (c *Core) DuplicateProfile(ctx context.Context, src, dst string) error {
	if src != c.profiles.Active() {
		return c.profiles.Duplicate(src, dst)
	}
	// Flush the journal and close the database so the copy is complete.
	return c.withScopeClosed(ctx, func() error { return c.profiles.Duplicate(src, dst) })
}

// RenameProfile renames a profile; renaming the active one keeps it active.
func (c *Core) RenameProfile(ctx context.Context, oldName, newName string) error {
	if oldName != c.profiles.Active() {
		return c.profiles.Rename(oldName, newName)
	}
	return c.withScopeClosed(ctx, func() error {
		if err := c.profiles.Rename(oldName, newName); err != nil {
			return err
		}
		return c.profiles.SetActive(newName)
	})
}

// ImportProfile creates profile name from an exported profile file.
func (c *Core) ImportProfile(name string, r io.Reader) error { return c.profiles.Import(name, r) }

// ExportProfile writes a copy of profile name to w (the secrets only when
// includeSecrets).
func (c *Core) ExportProfile(name string, w io.Writer, includeSecrets bool) error {
	return c.profiles.ExportWith(name, w, store.ExportOptions{IncludeSecrets: includeSecrets})
}

// DeleteProfile deletes a profile that is not active.
func (c *Core) DeleteProfile(name string) error { return c.profiles.Delete(name) }

// RecentEvents returns the newest journaled events of the open profile.
func (c *Core) RecentEvents(limit int) ([]domain.Event, error) {
	c.mu.Lock()
	s := c.scope
	c.mu.Unlock()
	if s == nil {
		return nil, fmt.Errorf("no profile is open")
	}
	return s.db.RecentEvents(limit)
}

func (c *Core) coreRoutes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/profiles", Handler: http.HandlerFunc(c.handleListProfiles)},
		{Pattern: "POST /api/profiles", Handler: http.HandlerFunc(c.handleCreateProfile)},
		{Pattern: "POST /api/profiles/import", Handler: http.HandlerFunc(c.handleImportProfile), MaxBody: httpapi.MaxUploadBytes},
		{Pattern: "POST /api/profiles/{name}/rename", Handler: http.HandlerFunc(c.handleRenameProfile)},
		{Pattern: "POST /api/profiles/{name}/duplicate", Handler: http.HandlerFunc(c.handleDuplicateProfile)},
		{Pattern: "POST /api/profiles/{name}/activate", Handler: http.HandlerFunc(c.handleActivateProfile)},
		{Pattern: "DELETE /api/profiles/{name}", Handler: http.HandlerFunc(c.handleDeleteProfile)},
		{Pattern: "GET /api/profiles/{name}/export", Handler: http.HandlerFunc(c.handleExportProfile)},
		{Pattern: "GET /api/events/recent", Handler: http.HandlerFunc(c.handleRecentEvents)},
	}
}

func (c *Core) handleListProfiles(w http.ResponseWriter, r *http.Request) {
	list, err := c.Services().Profiles.List(r.Context())
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, list)
}

type nameBody struct {
	Name    string `json:"name"`
	NewName string `json:"newName"`
}

func readName(w http.ResponseWriter, r *http.Request) (nameBody, bool) {
	var b nameBody
	if err := httpapi.DecodeStrict(r, &b); err != nil {
		httpapi.WriteError(w, err)
		return b, false
	}
	return b, true
}

func (c *Core) handleCreateProfile(w http.ResponseWriter, r *http.Request) {
	b, ok := readName(w, r)
	if !ok {
		return
	}
	v, err := c.Services().Profiles.Create(r.Context(), service.ProfileRequest{Name: b.Name})
	httpapi.Reply(w, http.StatusCreated, v, err)
}

func (c *Core) handleRenameProfile(w http.ResponseWriter, r *http.Request) {
	b, ok := readName(w, r)
	if !ok {
		return
	}
	v, err := c.Services().Profiles.Rename(r.Context(), service.RenameRequest{Name: r.PathValue("name"), NewName: b.NewName})
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (c *Core) handleDuplicateProfile(w http.ResponseWriter, r *http.Request) {
	b, ok := readName(w, r)
	if !ok {
		return
	}
	v, err := c.Services().Profiles.Duplicate(r.Context(), service.RenameRequest{Name: r.PathValue("name"), NewName: b.NewName})
	httpapi.Reply(w, http.StatusCreated, v, err)
}

func (c *Core) handleActivateProfile(w http.ResponseWriter, r *http.Request) {
	_, err := c.Services().Profiles.Switch(r.Context(), service.SwitchRequest{Name: r.PathValue("name")})
	httpapi.Reply(w, http.StatusOK, service.OK{OK: true}, err)
}

func (c *Core) handleDeleteProfile(w http.ResponseWriter, r *http.Request) {
	v, err := c.Services().Profiles.Delete(r.Context(), service.ProfileRequest{Name: r.PathValue("name")})
	httpapi.Reply(w, http.StatusOK, v, err)
}

// handleExportProfile streams the export as a download; an export with
// secrets needs the API token.
func (c *Core) handleExportProfile(w http.ResponseWriter, r *http.Request) {
	req := service.ExportRequest{Name: r.PathValue("name"), IncludeSecrets: r.URL.Query().Get("includeSecrets") == "1"}
	if req.IncludeSecrets && !c.authorized(r) {
		if err := c.ProfileExists(req.Name); err != nil {
			httpapi.WriteError(w, err)
			return
		}
		httpapi.WriteErrorText(w, http.StatusUnauthorized, "unauthorized: an export with secrets needs the API token")
		return
	}
	started := false
	_, err := c.Services().Profiles.Export(r.Context(), req, func(file string) (io.Writer, error) {
		started = true
		w.Header().Set("Content-Type", "application/vnd.sqlite3")
		w.Header().Set("Content-Disposition", `attachment; filename="`+file+`"`)
		return w, nil
	})
	switch {
	case err != nil && started:
		c.log.Error().Err(err).Str("profile", req.Name).Msg("export failed")
	case err != nil:
		httpapi.WriteError(w, err)
	}
}

func (c *Core) handleImportProfile(w http.ResponseWriter, r *http.Request) {
	req := service.ProfileRequest{Name: r.URL.Query().Get("name")}
	v, err := c.Services().Profiles.Import(r.Context(), req, r.Body)
	httpapi.Reply(w, http.StatusCreated, v, err)
}

func (c *Core) handleRecentEvents(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	evs, err := c.Services().Profiles.RecentEvents(r.Context(), service.RecentRequest{Limit: limit})
	httpapi.Reply(w, http.StatusOK, evs, err)
}

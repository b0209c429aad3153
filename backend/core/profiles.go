package core

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/store"
)

func (c *Core) profileExists(name string) error {
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
	respond(w, http.StatusCreated, c.profiles.Create(b.Name))
}

func (c *Core) handleRenameProfile(w http.ResponseWriter, r *http.Request) {
	b, ok := readName(w, r)
	if !ok {
		return
	}
	respond(w, http.StatusOK, c.RenameProfile(r.Context(), r.PathValue("name"), b.NewName))
}

func (c *Core) handleDuplicateProfile(w http.ResponseWriter, r *http.Request) {
	b, ok := readName(w, r)
	if !ok {
		return
	}
	respond(w, http.StatusCreated, c.DuplicateProfile(r.Context(), r.PathValue("name"), b.NewName))
}

func (c *Core) handleActivateProfile(w http.ResponseWriter, r *http.Request) {
	_, err := c.Services().Profiles.Switch(r.Context(), service.SwitchRequest{Name: r.PathValue("name")})
	respond(w, http.StatusOK, err)
}

func (c *Core) handleDeleteProfile(w http.ResponseWriter, r *http.Request) {
	respond(w, http.StatusOK, c.DeleteProfile(r.PathValue("name")))
}

func (c *Core) handleExportProfile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if err := c.profileExists(name); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	opts := store.ExportOptions{IncludeSecrets: r.URL.Query().Get("includeSecrets") == "1"}
	if opts.IncludeSecrets && !c.authorized(r) {
		httpapi.WriteErrorText(w, http.StatusUnauthorized, "unauthorized: an export with secrets needs the API token")
		return
	}
	file := fmt.Sprintf("ltth-%s-%s.db", name, time.Now().Format("20060102-150405"))
	w.Header().Set("Content-Type", "application/vnd.sqlite3")
	w.Header().Set("Content-Disposition", `attachment; filename="`+file+`"`)
	if err := c.profiles.ExportWith(name, w, opts); err != nil {
		c.log.Error().Err(err).Str("profile", name).Msg("export failed")
	}
}

func (c *Core) handleImportProfile(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	respond(w, http.StatusCreated, c.profiles.Import(name, r.Body))
}

func (c *Core) handleRecentEvents(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 5000 {
		limit = 200
	}
	evs, err := c.RecentEvents(limit)
	if err != nil {
		httpapi.WriteErrorText(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, evs)
}

func respond(w http.ResponseWriter, okStatus int, err error) {
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, okStatus, map[string]bool{"ok": true})
}

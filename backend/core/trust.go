package core

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/store"
)

// trustRoutes are the routes of imported-profile review and backups.
func (c *Core) trustRoutes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/profiles/{name}/review", Handler: c.needToken(c.handleListReview)},
		{Pattern: "POST /api/profiles/{name}/review", Handler: c.needToken(c.handleApplyReview)},
		{Pattern: "GET /api/profiles/{name}/backups", Handler: c.needToken(c.handleListBackups)},
		{Pattern: "POST /api/profiles/{name}/restore", Handler: c.needToken(c.handleRestore)},
	}
}

// authorized reports whether r carries the API token (reads of profile
// data and secrets need it, not only writes).
func (c *Core) authorized(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && got != "" && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(c.Token())) == 1
}

func (c *Core) needToken(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !c.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="ltth"`)
			httpapi.WriteErrorText(w, http.StatusUnauthorized, "unauthorized: this route needs the API token (Authorization: Bearer <token>)")
			return
		}
		h(w, r)
	})
}

// reportBackup logs a failed daily backup of a profile just opened (the
// profile works; the user should know it is not being backed up).
func (c *Core) reportBackup(db *store.DB) {
	if err := db.BackupError(); err != nil {
		c.log.Error().Err(err).Str("profile", db.Name()).Msg("daily backup failed")
	}
}

// onProfile runs fn on profile name; when it is the active one, with its
// scope closed and reopened after, so modules see the change.
func (c *Core) onProfile(ctx context.Context, name string, fn func() error) error {
	if !strings.EqualFold(name, c.profiles.Active()) {
		return fn()
	}
	return c.withScopeClosed(ctx, fn)
}

// ReviewProfile lists the imported items of a profile waiting for review.
func (c *Core) ReviewProfile(name string) ([]store.ReviewItem, error) {
	return c.profiles.PendingReview(name)
}

// ApplyProfileReview accepts and rejects review items of a profile.
func (c *Core) ApplyProfileReview(ctx context.Context, name string, accept, reject []int64) error {
	return c.onProfile(ctx, name, func() error { return c.profiles.ApplyReview(name, accept, reject) })
}

// ProfileBackups lists a profile's automatic daily backups.
func (c *Core) ProfileBackups(name string) ([]store.BackupInfo, error) {
	return c.profiles.Backups(name)
}

// RestoreProfile replaces a profile's database with one of its backups;
// the replaced file is kept aside under the returned name.
func (c *Core) RestoreProfile(ctx context.Context, name, backup string) (string, error) {
	var kept string
	err := c.onProfile(ctx, name, func() (err error) {
		kept, err = c.profiles.Restore(name, backup)
		return err
	})
	return kept, err
}

func (c *Core) handleListReview(w http.ResponseWriter, r *http.Request) {
	items, err := c.Services().Profiles.Review(r.Context(), service.ProfileRequest{Name: r.PathValue("name")})
	httpapi.Reply(w, http.StatusOK, items, err)
}

func (c *Core) handleApplyReview(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Accept []int64 `json:"accept"`
		Reject []int64 `json:"reject"`
	}
	if err := decodeStrict(r, &body); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	req := service.ReviewRequest{Name: r.PathValue("name"), Accept: body.Accept, Reject: body.Reject}
	items, err := c.Services().Profiles.ApplyReview(r.Context(), req)
	httpapi.Reply(w, http.StatusOK, items, err)
}

func (c *Core) handleListBackups(w http.ResponseWriter, r *http.Request) {
	list, err := c.Services().Profiles.Backups(r.Context(), service.ProfileRequest{Name: r.PathValue("name")})
	httpapi.Reply(w, http.StatusOK, list, err)
}

func (c *Core) handleRestore(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Backup string `json:"backup"`
	}
	if err := decodeStrict(r, &body); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	v, err := c.Services().Profiles.Restore(r.Context(), service.RestoreRequest{Name: r.PathValue("name"), Backup: body.Backup})
	httpapi.Reply(w, http.StatusOK, v, err)
}

// decodeStrict reads one JSON object and nothing after it.
func decodeStrict(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: invalid JSON body: %v", httpapi.ErrInvalid, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: invalid JSON body: data after the object", httpapi.ErrInvalid)
	}
	return nil
}

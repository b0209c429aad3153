package update

import (
	"context"
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// Routes are the update API. Settings live under /api/update so the
// Settings page can show them ({enabled, feedUrl}).
func (u *Updater) Routes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/update", Summary: "Update settings: {enabled, feedUrl}", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			httpapi.WriteJSON(w, http.StatusOK, u.Settings())
		})},
		{Pattern: "PUT /api/update", Summary: "Save update settings {enabled, feedUrl}", Handler: http.HandlerFunc(u.putSettings)},
		{Pattern: "GET /api/update/status", Summary: "Update state: current and latest version, download progress", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			httpapi.WriteJSON(w, http.StatusOK, u.Status())
		})},
		{Pattern: "POST /api/update/check", Summary: "Check the release feed now", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			httpapi.WriteJSON(w, http.StatusOK, u.Check(r.Context()))
		})},
		{Pattern: "POST /api/update/download", Summary: "Download and verify the newer release (progress on the updateStatus message)", Handler: http.HandlerFunc(u.postDownload)},
		{Pattern: "POST /api/update/install", Summary: "Install the verified download (Windows: on the next start; Linux: replaces the binary)", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if err := u.Install(); err != nil {
				httpapi.WriteError(w, err)
				return
			}
			httpapi.WriteJSON(w, http.StatusOK, u.Status())
		})},
	}
}

func (u *Updater) putSettings(w http.ResponseWriter, r *http.Request) {
	var s Settings
	if err := httpapi.DecodeStrict(r, &s); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	if err := u.SetSettings(s); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, u.Settings())
}

// postDownload starts the download in the background and answers at once.
func (u *Updater) postDownload(w http.ResponseWriter, r *http.Request) {
	u.mu.Lock()
	err := error(nil)
	switch {
	case u.busy:
		err = ErrBusy
	case u.release == nil:
		err = ErrNothingToDownload
	}
	ctx := u.runCtx
	u.mu.Unlock()
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	if ctx == nil {
		ctx = context.Background()
	}
	u.wg.Add(1)
	go func() {
		defer u.wg.Done()
		_ = u.Download(ctx)
	}()
	httpapi.WriteJSON(w, http.StatusAccepted, u.Status())
}

package connector

import (
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
)

func (c *Connector) handleStopReplay(w http.ResponseWriter, r *http.Request) {
	res, err := c.Service().StopReplay(r.Context())
	httpapi.Reply(w, http.StatusOK, res, err)
}

func (c *Connector) handleListCaptures(w http.ResponseWriter, r *http.Request) {
	list, err := c.Service().Captures(r.Context())
	httpapi.Reply(w, http.StatusOK, list, err)
}

// handleUploadCapture stores the raw request body (a capture file, up to
// httpapi.MaxUploadBytes, streamed to disk) as ?name=….
func (c *Connector) handleUploadCapture(w http.ResponseWriter, r *http.Request) {
	info, err := c.Service().SaveCapture(r.Context(), SaveCaptureRequest{Name: r.URL.Query().Get("name"), Data: r.Body})
	httpapi.Reply(w, http.StatusCreated, info, err)
}

func (c *Connector) handleConfirmBrowserPath(w http.ResponseWriter, r *http.Request) {
	var req ConfirmRequest
	if err := readJSON(r, &req, false); err != nil {
		httpapi.WriteError(w, kinded(err, httpapi.ErrInvalid))
		return
	}
	res, err := c.Service().ConfirmBrowserPath(r.Context(), req)
	httpapi.Reply(w, http.StatusOK, res, err)
}

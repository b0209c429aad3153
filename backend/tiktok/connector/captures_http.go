package connector

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/ltth/ltth/backend/httpapi"
)

func (c *Connector) handleStopReplay(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	httpapi.WriteJSON(w, http.StatusOK, map[string]bool{"stopped": c.StopReplay(ctx)})
}

func (c *Connector) handleListCaptures(w http.ResponseWriter, _ *http.Request) {
	list, err := c.Captures()
	if err != nil {
		writeSourceError(w, http.StatusInternalServerError, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, list)
}

// handleUploadCapture stores the raw request body (a capture file, up to
// httpapi.MaxUploadBytes, streamed to disk) as ?name=….
func (c *Connector) handleUploadCapture(w http.ResponseWriter, r *http.Request) {
	info, err := c.SaveCapture(r.URL.Query().Get("name"), r.Body)
	if err != nil {
		status := http.StatusBadRequest
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			status = http.StatusRequestEntityTooLarge
			err = fmt.Errorf("the capture is larger than the %d MiB upload limit", httpapi.MaxUploadBytes>>20)
		}
		writeSourceError(w, status, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusCreated, info)
}

package osc

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
)

type httpHandler = http.HandlerFunc

func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return invalid("body: %v", err)
	}
	return nil
}

// handlePut applies a partial settings object over the current ones.
func (m *Module) handlePut(w http.ResponseWriter, r *http.Request) {
	s := m.Settings()
	if err := decode(r, &s); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	if err := m.SetSettings(s); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"settings": m.Settings(), "status": m.Status()})
}

func (m *Module) handleSend(w http.ResponseWriter, r *http.Request) {
	var s Send
	if err := decode(r, &s); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	if err := m.Send(s); err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"ok": true})
}

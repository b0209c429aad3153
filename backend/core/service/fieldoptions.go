package service

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
)

// FieldOptions answers the live choice lists of flow fields
// (action.FieldSpec.OptionsURL: OBS scenes, alert screens, a plugin's
// parameters…). In a browser the dashboard GETs the URL itself; the desktop
// asks this service, which answers the same route in process.
type FieldOptions struct{ b Backend }

// FieldOptionsRequest names the field's options URL, with its {field}
// placeholders already filled in.
type FieldOptionsRequest struct {
	URL string `json:"url"`
}

// FieldOption is one choice of a field.
type FieldOption struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// Get answers the choices at req.URL (a GET /api/ route answering
// [{"value","label"}]).
func (s *FieldOptions) Get(ctx context.Context, req FieldOptionsRequest) ([]FieldOption, error) {
	status, body := s.b.GetInternal(ctx, req.URL)
	if status != http.StatusOK {
		var e httpapi.ErrorBody
		_ = json.Unmarshal(body, &e)
		return nil, wrap(fmt.Errorf("%w: options %s: %s", kindOfStatus(status), req.URL, e.Error), nil)
	}
	var out []FieldOption
	if err := json.Unmarshal(body, &out); err != nil {
		return nil, wrap(fmt.Errorf("%w: options %s are not a list of {value, label}", httpapi.ErrUnprocessable, req.URL), nil)
	}
	return out, nil
}

// kindOfStatus is the vocabulary error of an HTTP status.
func kindOfStatus(status int) error {
	for _, k := range []error{httpapi.ErrNotFound, httpapi.ErrInvalid, httpapi.ErrConflict,
		httpapi.ErrUnprocessable, httpapi.ErrTooLarge, httpapi.ErrUnavailable} {
		if httpapi.Status(k) == status {
			return k
		}
	}
	return httpapi.ErrUnavailable
}

func init() {
	declare(nil, map[string]string{
		"FieldOptions.Get": "its REST side is the field's own optionsUrl (any GET route answering [{value, label}]), which the browser dashboard fetches directly; the binding answers the same route in process",
	})
}

package vdoninja

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/ltth/ltth/backend/httpapi"
)

func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)
}

// routes: GET /status; POST /guests/{slot}/{op} with op mute {"muted"},
// solo {"solo"} or volume {"volume"}; POST /layout {"layout"}.
func (p *Plugin) routes() {
	p.h.Handle("GET /status", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		httpapi.WriteJSON(w, http.StatusOK, p.State())
	}))
	p.h.Handle("POST /guests/{slot}/{op}", http.HandlerFunc(p.postGuest))
	p.h.Handle("POST /layout", http.HandlerFunc(p.postLayout))
}

type guestBody struct {
	Muted  *bool `json:"muted"`
	Solo   *bool `json:"solo"`
	Volume *int  `json:"volume"`
	Layout *int  `json:"layout"`
}

func (p *Plugin) postGuest(w http.ResponseWriter, r *http.Request) {
	slot, err := strconv.Atoi(r.PathValue("slot"))
	if err != nil {
		httpapi.WriteError(w, invalidf("guest slot %q is not a number", r.PathValue("slot")))
		return
	}
	var b guestBody
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		httpapi.WriteError(w, invalidf("body: %v", err))
		return
	}
	switch op := r.PathValue("op"); {
	case op == "mute" && b.Muted != nil:
		err = p.control(func(c *Controls) ([]Command, error) { return c.Mute(slot, *b.Muted) })
	case op == "solo" && b.Solo != nil:
		err = p.control(func(c *Controls) ([]Command, error) { return c.Solo(slot, *b.Solo) })
	case op == "volume" && b.Volume != nil:
		err = p.control(func(c *Controls) ([]Command, error) { return c.Volume(slot, *b.Volume) })
	case op == "mute" || op == "solo" || op == "volume":
		err = invalidf(`%s needs {"%s": ...}`, op, map[string]string{"mute": "muted", "solo": "solo", "volume": "volume"}[op])
	default:
		httpapi.WriteErrorText(w, http.StatusNotFound, "unknown guest control "+strconv.Quote(op)+" (mute, solo, volume)")
		return
	}
	p.reply(w, err)
}

func (p *Plugin) postLayout(w http.ResponseWriter, r *http.Request) {
	var b guestBody
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil || b.Layout == nil {
		httpapi.WriteError(w, invalidf(`body must be {"layout": <number>}`))
		return
	}
	p.reply(w, p.control(func(c *Controls) ([]Command, error) { return c.SetLayout(*b.Layout) }))
}

func (p *Plugin) reply(w http.ResponseWriter, err error) {
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, p.State())
}

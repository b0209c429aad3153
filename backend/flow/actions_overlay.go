package flow

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

const catOverlay = "Overlay"

// TypeAlertRequest is the bus message type alert.show publishes.
const TypeAlertRequest = "alertRequest"

// AlertData is the payload of the "alertRequest" message the alert.show
// action publishes; the alert module queues it on its screen like any other
// alert and publishes the "alert" state message (architecture.md). HTML is
// set only when the action's text is an HTML template; inserted values are
// escaped in it.
type AlertData struct {
	ID         string        `json:"id"`
	Screen     string        `json:"screen"`
	EventType  string        `json:"eventType"`
	Text       string        `json:"text"`
	HTML       string        `json:"html,omitempty"`
	ImageURL   string        `json:"imageUrl"`
	SoundURL   string        `json:"soundUrl"`
	VideoURL   string        `json:"videoUrl"`
	DurationMs int           `json:"durationMs"`
	Animation  string        `json:"animation"`
	Event      *domain.Event `json:"event,omitempty"`
	FlowID     string        `json:"flowId"`
}

// OverlayData is the payload of the "overlay" state message.
type OverlayData struct {
	Kind       string `json:"kind"` // text, image, video, clear
	Text       string `json:"text,omitempty"`
	HTML       string `json:"html,omitempty"`
	URL        string `json:"url,omitempty"`
	DurationMs int    `json:"durationMs"`
	Position   string `json:"position,omitempty"`
	FlowID     string `json:"flowId"`
}

// GoalCommand is the payload of the "goalCommand" message the goal module
// consumes.
type GoalCommand struct {
	GoalID string `json:"goalId"`
	Op     string `json:"op"` // add, set, reset
	Amount int64  `json:"amount"`
}

func newAlertID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "fa" + hex.EncodeToString(b[:])
}

func urlField(name, label string) action.FieldSpec {
	return action.FieldSpec{Name: name, Label: label, Kind: action.FieldTemplate}
}

func durationField(def int) action.FieldSpec {
	return action.FieldSpec{Name: "durationMs", Label: "Duration (ms)", Kind: action.FieldNumber, Default: def}
}

func htmlField() action.FieldSpec {
	return action.FieldSpec{Name: "html", Label: "Text is HTML", Kind: action.FieldBool, Default: false,
		Help: "keep markup you typed; inserted values are always escaped"}
}

// mediaURL renders a URL template: a lone placeholder ({giftPictureUrl}) is
// inserted as is, otherwise inserted values are query-escaped. Only
// http(s) and site-relative URLs are allowed.
func mediaURL(run *action.Run, name string) (string, error) {
	t := run.Config().Template(name)
	src := strings.TrimSpace(t.Source())
	s := ""
	if len(t.Refs()) == 1 && strings.HasPrefix(src, "{") && strings.HasSuffix(src, "}") {
		s = strings.TrimSpace(t.RenderText(&run.Scope)) // a lone placeholder: a whole URL
	} else {
		s = strings.TrimSpace(t.RenderURL(&run.Scope))
	}
	if s == "" {
		return "", nil
	}
	return s, checkMediaURL(s)
}

func checkMediaURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("invalid URL %q", s)
	}
	switch u.Scheme {
	case "http", "https":
		return nil
	case "":
		if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
			return nil
		}
	}
	return fmt.Errorf("URL %q: only http, https or /local paths", s)
}

func alertAction() action.Action {
	return action.Action{
		Info: action.Info{Type: "alert.show", Name: "Show alert", Category: catOverlay,
			Fields: []action.FieldSpec{
				{Name: "text", Label: "Text", Kind: action.FieldTemplate, Default: "{nickname}"}, htmlField(),
				urlField("imageUrl", "Image URL"), urlField("soundUrl", "Sound URL"), urlField("videoUrl", "Video URL"),
				durationField(5000),
				{Name: "screen", Label: "Screen", Kind: action.FieldText, Default: "main"},
				{Name: "animation", Label: "Animation", Kind: action.FieldText}}},
		DryRunSafe: true,
		Execute:    execAlert,
	}
}

func execAlert(_ context.Context, run *action.Run) error {
	c := run.Config()
	a := AlertData{ID: newAlertID(), Screen: c.String("screen"), EventType: "flow", Text: run.Text("text"),
		DurationMs: int(c.Int("durationMs")), Animation: c.String("animation"), Event: run.Event, FlowID: run.FlowID}
	if run.Event != nil {
		a.EventType = string(run.Event.Type)
	}
	if c.Bool("html") {
		a.HTML = run.HTML("text")
	}
	var err error
	for _, u := range []struct {
		name string
		dst  *string
	}{{"imageUrl", &a.ImageURL}, {"soundUrl", &a.SoundURL}, {"videoUrl", &a.VideoURL}} {
		if *u.dst, err = mediaURL(run, u.name); err != nil {
			return err
		}
	}
	run.Notef("alert on screen %q: %q", a.Screen, a.Text)
	run.Publish(domain.Message{Type: TypeAlertRequest, Data: a})
	return nil
}

func positionField() action.FieldSpec {
	var opts []action.Option
	for _, p := range []string{"center", "top", "bottom", "left", "right", "top-left", "top-right", "bottom-left", "bottom-right"} {
		opts = append(opts, action.Option{Value: p, Label: p})
	}
	return action.FieldSpec{Name: "position", Label: "Position", Kind: action.FieldSelect, Options: opts, Default: "center"}
}

// overlayAction shows text, an image or a video on the main overlay.
func overlayAction(kind, name string) action.Action {
	fields := []action.FieldSpec{}
	switch kind {
	case "text":
		fields = append(fields, action.FieldSpec{Name: "text", Label: "Text", Kind: action.FieldTemplate, Required: true}, htmlField())
	case "image", "video":
		u := urlField("url", "URL")
		u.Required = true
		fields = append(fields, u)
	}
	if kind != "clear" {
		fields = append(fields, durationField(5000), positionField())
	}
	return action.Action{
		Info:       action.Info{Type: "overlay." + kind, Name: name, Category: catOverlay, Fields: fields},
		DryRunSafe: true,
		Execute: func(_ context.Context, run *action.Run) error {
			c := run.Config()
			d := OverlayData{Kind: kind, DurationMs: int(c.Int("durationMs")), Position: c.String("position"), FlowID: run.FlowID}
			switch kind {
			case "text":
				d.Text = run.Text("text")
				if c.Bool("html") {
					d.HTML = run.HTML("text")
				}
			case "image", "video":
				u, err := mediaURL(run, "url")
				if err != nil {
					return err
				}
				d.URL = u
			}
			run.Notef("overlay %s %q", kind, d.Text+d.URL)
			run.Publish(domain.Message{Type: "overlay", Data: d})
			return nil
		},
	}
}

// goalAction sends a goalCommand to the goal module.
func goalAction() action.Action {
	ops := []action.Option{{Value: "add", Label: "Add"}, {Value: "set", Label: "Set to"}, {Value: "reset", Label: "Reset"}}
	return action.Action{
		Info: action.Info{Type: "goal.update", Name: "Update goal", Category: "Goals",
			Fields: []action.FieldSpec{{Name: "goalId", Label: "Goal", Kind: action.FieldText, Required: true},
				{Name: "op", Label: "Operation", Kind: action.FieldSelect, Options: ops, Default: "add"},
				{Name: "amount", Label: "Amount", Kind: action.FieldTemplate, Default: "1", Help: "a number or e.g. {coins}"}}},
		DryRunSafe: true,
		Execute: func(_ context.Context, run *action.Run) error {
			c := run.Config()
			cmd := GoalCommand{GoalID: c.String("goalId"), Op: c.String("op")}
			if cmd.Op != "reset" {
				s := strings.TrimSpace(run.Text("amount"))
				f, err := strconv.ParseFloat(s, 64)
				if err != nil {
					return fmt.Errorf("amount %q is not a number", s)
				}
				cmd.Amount = int64(f)
			}
			run.Notef("goal %s: %s %d", cmd.GoalID, cmd.Op, cmd.Amount)
			run.Publish(domain.Message{Type: "goalCommand", Data: cmd})
			return nil
		},
	}
}

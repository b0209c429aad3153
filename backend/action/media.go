package action

import (
	"fmt"
	"net/url"
	"strings"
)

// CategoryOverlay is the picker category of blocks that show something on
// an overlay (alert.show, overlay.*, plugin overlays).
const CategoryOverlay = "Overlay"

// URLField is a template field holding a media URL (see MediaURL).
func URLField(name, label string) FieldSpec {
	return FieldSpec{Name: name, Label: label, Kind: FieldTemplate}
}

// DurationField is the "durationMs" number field with a default.
func DurationField(def int) FieldSpec {
	return FieldSpec{Name: "durationMs", Label: "Duration (ms)", Kind: FieldNumber, Default: def}
}

// HTMLField is the "html" switch of a text template: when set, the text's
// own markup is kept and inserted values are escaped (Run.HTML).
func HTMLField() FieldSpec {
	return FieldSpec{Name: "html", Label: "Text is HTML", Kind: FieldBool, Default: false,
		Help: "keep markup you typed; inserted values are always escaped"}
}

// MediaURL renders the URL template field name: a lone placeholder
// ({giftPictureUrl}) is inserted as is, otherwise inserted values are
// query-escaped. Only http(s) and site-relative URLs are allowed.
func MediaURL(run *Run, name string) (string, error) {
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
	return s, CheckMediaURL(s)
}

// CheckMediaURL accepts http(s) URLs and site-relative paths ("/sounds/x").
func CheckMediaURL(s string) error {
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

package source

import (
	"net/url"
	"regexp"
	"strings"
)

// ParseTarget turns what a streamer types into a Target: "@handle",
// "handle", "https://www.tiktok.com/@handle/live", "tiktok.com/@handle" or a
// numeric room id ("room:7300000000000000000" or a bare number of 15+ digits).
func ParseTarget(input string) (Target, error) {
	s := strings.TrimSpace(input)
	if s == "" {
		return Target{}, Errorf(CodeInvalidTarget, "Enter a TikTok username (for example @name) or a LIVE link.")
	}
	if id, ok := strings.CutPrefix(strings.ToLower(s), "room:"); ok {
		id = strings.TrimSpace(id)
		if !isDigits(id) {
			return Target{}, Errorf(CodeInvalidTarget, "%q is not a valid room id.", input)
		}
		return Target{RoomID: id}, nil
	}
	if isDigits(s) && len(s) >= 15 {
		return Target{RoomID: s}, nil
	}
	handle := handleFrom(s)
	if !validHandle(handle) {
		return Target{}, Errorf(CodeInvalidTarget, "%q is not a TikTok username or LIVE link.", input)
	}
	return Target{UniqueID: handle}, nil
}

// handleFrom strips URL parts, "/live" and the leading "@".
func handleFrom(s string) string {
	if strings.Contains(s, "/") {
		raw := s
		if !strings.Contains(raw, "://") {
			raw = "https://" + raw
		}
		if u, err := url.Parse(raw); err == nil {
			s = u.Path
		}
		for _, part := range strings.Split(s, "/") {
			if strings.HasPrefix(part, "@") {
				s = part
				break
			}
		}
	}
	s = strings.TrimSuffix(strings.TrimSpace(s), "/live")
	s = strings.TrimPrefix(s, "@")
	return strings.ToLower(s)
}

func validHandle(h string) bool {
	return handleRe().MatchString(h)
}

// handleRe matches TikTok usernames: letters, digits, "_" and ".", 2-24 chars.
func handleRe() *regexp.Regexp {
	return regexp.MustCompile(`^[a-z0-9_.]{2,24}$`)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String is the display form: "@handle", or "room 123".
func (t Target) String() string {
	if t.UniqueID != "" {
		return "@" + t.UniqueID
	}
	if t.RoomID != "" {
		return "room " + t.RoomID
	}
	return ""
}

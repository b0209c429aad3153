package alert

import (
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/domain"
)

// maxPlaceholder bounds the length of a placeholder name.
const maxPlaceholder = 32

// Render expands {placeholder}s in tmpl with fields of e in one pass and
// returns plain text: inserted values are never expanded again and nothing
// is HTML-escaped (overlays insert the text as a text node). Unknown
// placeholders stay as written.
//
// Both {name} and {{name}} work. Placeholders: nickname, username (nickname, else @handle), uniqueId,
// userId, avatarUrl, giftName, giftId, repeatCount, coins, diamondCount,
// giftPictureUrl, likeCount, totalLikeCount, subMonth, comment, question,
// emoteId, emoteUrl, viewerCount; snake_case aliases of the original app
// (gift_name, repeat_count, unique_id, like_count, total_like_count,
// sub_month, diamond_count).
func Render(tmpl string, e *domain.Event) string {
	var b strings.Builder
	b.Grow(len(tmpl) + 32)
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		tmpl = tmpl[i:]
		v, n := placeholder(tmpl, e)
		if n == 0 {
			b.WriteByte('{')
			tmpl = tmpl[1:]
			continue
		}
		b.WriteString(v)
		tmpl = tmpl[n:]
	}
}

// placeholder expands the {name} or {{name}} at the start of s, returning
// the value and how many bytes it used (0: not a known placeholder).
func placeholder(s string, e *domain.Event) (string, int) {
	open, closing := "{", "}"
	if strings.HasPrefix(s, "{{") {
		open, closing = "{{", "}}"
	}
	j := strings.Index(s, closing)
	if j < len(open) || j > maxPlaceholder+len(open) {
		return "", 0
	}
	name := s[len(open):j]
	if strings.ContainsAny(name, "{}") {
		return "", 0
	}
	v, ok := field(name, e)
	if !ok {
		return "", 0
	}
	return v, j + len(closing)
}

func field(name string, e *domain.Event) (string, bool) {
	if v, ok := userField(name, e); ok {
		return v, true
	}
	n := func(v int64) (string, bool) { return strconv.FormatInt(v, 10), true }
	switch name {
	case "giftName", "gift_name":
		return e.GiftName, true
	case "giftId":
		return n(e.GiftID)
	case "repeatCount", "repeat_count":
		return n(e.RepeatCount)
	case "coins":
		return n(e.Coins)
	case "diamondCount", "diamond_count":
		return n(e.DiamondCount)
	case "giftPictureUrl":
		return e.GiftPictureURL, true
	case "likeCount", "like_count":
		return n(e.LikeCount)
	case "totalLikeCount", "total_like_count":
		return n(e.TotalLikeCount)
	case "subMonth", "sub_month":
		return n(e.SubMonth)
	case "viewerCount":
		return n(e.ViewerCount)
	case "comment":
		return e.Comment, true
	case "question":
		return e.Question, true
	case "emoteId":
		return e.EmoteID, true
	case "emoteUrl":
		return e.EmoteURL, true
	}
	return "", false
}

func userField(name string, e *domain.Event) (string, bool) {
	switch name {
	case "nickname":
		return e.Nickname, true
	case "username":
		if e.Nickname != "" {
			return e.Nickname, true
		}
		return e.UniqueID, true
	case "uniqueId", "unique_id":
		return e.UniqueID, true
	case "userId":
		return e.UserID, true
	case "avatarUrl":
		return e.AvatarURL, true
	}
	return "", false
}

// mediaURL renders a media URL field and drops the result unless it is a
// safe http(s) URL or local path (event data never becomes javascript: or
// data: URLs in an overlay).
func mediaURL(tmpl string, e *domain.Event) string {
	u := Render(tmpl, e)
	if !validMediaURL(u, false) {
		return ""
	}
	return u
}

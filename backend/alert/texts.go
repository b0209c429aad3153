package alert

import "github.com/ltth/ltth/backend/domain"

// defaultTexts are the default alert texts in languages other than English
// (DefaultConfig holds the English ones). A type missing here keeps English.
var defaultTexts = map[string]map[domain.EventType]string{
	"de": {
		domain.EventGift:      "{nickname} hat {repeatCount}x {giftName} geschickt",
		domain.EventFollow:    "{nickname} folgt dir jetzt!",
		domain.EventSubscribe: "{nickname} hat abonniert! (Monat {subMonth})",
		domain.EventShare:     "{nickname} hat den Stream geteilt!",
		domain.EventLike:      "{nickname} hat {likeCount} Likes geschickt",
		domain.EventChat:      "{nickname}: {comment}",
		domain.EventJoin:      "{nickname} ist da",
		domain.EventEmote:     "{nickname} hat ein Emote geschickt",
		domain.EventQuestion:  "{nickname} fragt: {question}",
	},
}

// DefaultConfigIn is DefaultConfig with the text in language lang ("en",
// "de"; unknown languages use English).
func DefaultConfigIn(t domain.EventType, lang string) Config {
	c := DefaultConfig(t)
	if txt, ok := defaultTexts[lang][t]; ok {
		c.Text = txt
	}
	return c
}

package tts

import (
	"strings"
	"unicode"
)

// stopwords are frequent short words per language, for GuessLang.
var stopwords = map[string][]string{
	"en": {"the", "and", "is", "you", "are", "this", "what", "that", "hello", "thanks", "love", "with", "have", "it's", "i'm"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "ich", "du", "wie", "was", "danke", "hallo", "mit", "ein", "eine", "auch"},
	"es": {"el", "la", "que", "los", "las", "por", "hola", "gracias", "es", "muy", "como", "pero", "una", "para"},
	"fr": {"le", "la", "les", "est", "et", "je", "tu", "vous", "bonjour", "merci", "pas", "une", "avec", "c'est"},
	"pt": {"o", "os", "que", "não", "obrigado", "olá", "você", "muito", "uma", "com", "para", "é"},
	"it": {"il", "che", "non", "sono", "ciao", "grazie", "perché", "una", "con", "molto"},
	"nl": {"de", "het", "een", "en", "niet", "ik", "je", "bedankt", "hoi", "dank", "wat"},
}

// GuessLang guesses the language of text (ISO 639-1), or def: by script
// for non-Latin text, else by counting frequent words.
func GuessLang(text, def string) string {
	counts := map[string]int{}
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			counts["ru"]++
		case unicode.Is(unicode.Hangul, r):
			counts["ko"]++
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			counts["ja"] += 2
		case unicode.Is(unicode.Han, r):
			counts["zh"]++
		case unicode.Is(unicode.Arabic, r):
			counts["ar"]++
		case unicode.Is(unicode.Greek, r):
			counts["el"]++
		}
	}
	if best, n := top(counts); n >= 2 {
		return best
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	counts = map[string]int{}
	for _, w := range words {
		for lang, list := range stopwords {
			for _, s := range list {
				if w == s {
					counts[lang]++
				}
			}
		}
	}
	if best, n := top(counts); n >= 1 {
		return best
	}
	if def == "" {
		return "en"
	}
	return def
}

func top(counts map[string]int) (string, int) {
	best, n := "", 0
	for _, lang := range []string{"ru", "ko", "ja", "zh", "ar", "el", "en", "de", "es", "fr", "pt", "it", "nl"} {
		if counts[lang] > n {
			best, n = lang, counts[lang]
		}
	}
	return best, n
}

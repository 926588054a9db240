package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dossier-project/dossier/internal/model"
)

// normWord is a token reduced to its matching form.
type normWord struct {
	text  string
	lower bool // the token had letters and none upper case
	upper bool // the token had letters and none lower case
	done  bool // set by lazyWords once text and lower are
}

// normalizeToken reduces a token to the form dictionary phrases are stored
// in: lower case, straight apostrophes, no dots, no possessive "'s", no
// surrounding punctuation, no diacritics.
func normalizeToken(tok string) normWord {
	// Fast path: plain lower-case ASCII words need no work.
	plain, letters := tok != "", false
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		switch {
		case c >= 'a' && c <= 'z':
			letters = true
		case c >= '0' && c <= '9', c == '-':
		default:
			plain = false
		}
		if !plain {
			break
		}
	}
	if plain {
		return normWord{text: tok, lower: letters}
	}
	tok = strings.TrimFunc(tok, func(r rune) bool {
		switch r {
		case '"', '“', '”', '(', ')', '[', ']', ',', ';', ':', '!', '?', '«', '»':
			return true
		}
		return false
	})
	ascii := true
	for i := 0; i < len(tok); i++ {
		if tok[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		tok = strings.Map(func(r rune) rune {
			switch r {
			case '’', '‘', 'ʼ', '`', '´':
				return '\''
			case '‐', '‑', '‒', '–':
				return '-'
			}
			return r
		}, tok)
		tok = foldDiacritics(tok)
	}
	// Possessives: "AU's", "Kenyans'".
	if len(tok) > 2 && (strings.HasSuffix(tok, "'s") || strings.HasSuffix(tok, "'S")) {
		tok = tok[:len(tok)-2]
	} else if len(tok) > 1 && strings.HasSuffix(tok, "'") {
		tok = tok[:len(tok)-1]
	}
	hasLetter, hasUpper, hasLower := false, false, false
	var b strings.Builder
	b.Grow(len(tok))
	for _, r := range tok {
		if r == '.' {
			continue
		}
		if unicode.IsLetter(r) {
			hasLetter = true
			if unicode.IsUpper(r) {
				hasUpper = true
			} else {
				hasLower = true
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return normWord{text: b.String(), lower: hasLetter && !hasUpper, upper: hasLetter && !hasLower}
}

// foldDiacritics removes combining marks: "Wörner" → "Worner".
func foldDiacritics(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// splitPhrase splits a dictionary phrase into words: on spaces and on the
// underscores the PETRARCH formats use to join words.
func splitPhrase(phrase string) []string {
	return strings.FieldsFunc(phrase, func(r rune) bool { return r == '_' || unicode.IsSpace(r) })
}

// How a word of a phrase must be written in the text (phraseWords).
const (
	anyCase    uint8 = iota
	notLower         // not all lower case: "US" is not "us"
	allCapital       // all capitals: "WHO" is not "Who" at a question's start
)

// phraseWords returns the normalised words of a phrase and, per word,
// how the token must be written: an acronym must not match an
// all-lower-case token ("US" must not match "us", "WHO" not "who"), and
// one of two or three letters must match only one in capitals ("Who
// wants …?" names no World Health Organization; British style writes
// only longer ones in title case: "Nato", "Opec").
//
// A phrase written with a leading "=" ("=the Alliance") is case-sensitive
// in its capitalised words: "Alliance" must not match "alliance"; so is
// the name of a country or a capital, or a demonym (proper): "Malé"
// is not "male", "Polish" not "polish", "Turkey" not "turkey".
//
// A phrase of the PETRARCH/TABARI formats (words joined by underscores,
// all in capitals: "UNITED_NATIONS_") says nothing of how its words are
// written: a word of two to four letters must not match an all-lower-case
// token, as PETRARCH's own short acronyms ("UN_") need, and any other
// matches in any case.
func phraseWords(phrase string, proper bool) ([]string, []uint8) {
	exact := proper || strings.HasPrefix(phrase, "=")
	capitals := strings.Contains(phrase, "_") && strings.ToUpper(phrase) == phrase
	raw := splitPhrase(strings.TrimPrefix(phrase, "="))
	words := make([]string, 0, len(raw))
	strict := make([]uint8, 0, len(raw))
	for _, r := range raw {
		n := normalizeToken(r)
		if n.text == "" {
			continue
		}
		words = append(words, n.text)
		first, _ := utf8.DecodeRuneInString(r)
		switch {
		case capitals:
			if k := utf8.RuneCountInString(n.text); isAcronym(r) && k <= 4 {
				strict = append(strict, notLower)
			} else {
				strict = append(strict, anyCase)
			}
		case isAcronym(r) && utf8.RuneCountInString(n.text) <= 3:
			strict = append(strict, allCapital)
		case isAcronym(r) || exact && unicode.IsUpper(first):
			strict = append(strict, notLower)
		default:
			strict = append(strict, anyCase)
		}
	}
	return words, strict
}

// isAcronym reports whether w (dots ignored) is two to four upper-case
// letters. (Not longer: PETRARCH's agents are written in capitals,
// "POLICE", and must match "police"; a longer acronym that is an English
// word is written with "=" in our files: "=SHAPE".)
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 4
}

// normName normalises a name or phrase for lookups by name.
func normName(s string) string {
	// Fast path: one plain lower-case ASCII word is its own form (the
	// word lookups of every sentence ask this).
	plain := s != ""
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
	}
	if plain {
		return s
	}
	return normPhrase(s)
}

// normPhrase is normName without its fast path.
func normPhrase(s string) string {
	raw := splitPhrase(s)
	out := make([]string, 0, len(raw))
	for _, r := range raw {
		if n := normalizeToken(r); n.text != "" {
			out = append(out, n.text)
		}
	}
	return strings.Join(out, " ")
}

// titleCase turns an upper-case PETRARCH name into a readable one:
// "TENDAI_AMARA_MOKOENA_" → "Tendai Amara Mokoena". Words that are
// already mixed case are kept.
func titleCase(s string) string {
	words := splitPhrase(s)
	for i, w := range words {
		words[i] = model.TitleCaseName(w)
	}
	return strings.Join(words, " ")
}

// newEntry builds an entry for phrase, or nil when the phrase has no words.
func newEntry(phrase string, kind EntryKind, name string, codes []DatedCode, agent, source string) *Entry {
	words, strict := phraseWords(phrase, kind == Country || kind == Capital || kind == Demonym)
	if len(words) == 0 {
		return nil
	}
	return &Entry{
		Phrase: strings.Join(splitPhrase(strings.TrimPrefix(phrase, "=")), " "),
		Kind:   kind,
		Name:   name,
		Codes:  codes,
		Agent:  agent,
		Source: source,
		words:  words,
		strict: strict,
	}
}

// phraseVariants returns the phrase and, when it has hyphens, the phrase
// with hyphens as spaces ("Secretary-General" → "Secretary General").
func phraseVariants(phrase string) []string {
	if !strings.Contains(phrase, "-") {
		return []string{phrase}
	}
	return []string{phrase, strings.ReplaceAll(phrase, "-", " ")}
}

// plural returns the regular English plural of the last word of a phrase.
func plural(phrase string) string {
	i := strings.LastIndexAny(phrase, " _")
	head, last := phrase[:i+1], phrase[i+1:]
	lw := strings.ToLower(last)
	switch {
	case lw == "":
		return phrase
	case strings.HasSuffix(lw, "man"):
		return head + last[:len(last)-3] + matchCase(last, "men")
	case strings.HasSuffix(lw, "y") && len(lw) > 1 && !strings.ContainsRune("aeiou", rune(lw[len(lw)-2])):
		return head + last[:len(last)-1] + matchCase(last, "ies")
	case strings.HasSuffix(lw, "s"), strings.HasSuffix(lw, "x"), strings.HasSuffix(lw, "z"),
		strings.HasSuffix(lw, "ch"), strings.HasSuffix(lw, "sh"):
		return head + last + matchCase(last, "es")
	default:
		return head + last + matchCase(last, "s")
	}
}

func matchCase(model, suffix string) string {
	if strings.ToUpper(model) == model && strings.ToLower(model) != model {
		return strings.ToUpper(suffix)
	}
	return suffix
}

package checks

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/internal/text"
)

// A matter is one entry of a body's `decides` list, read once: the words
// that name the kind of matter ("contracts", "budget amendments") and an
// optional amount threshold ("contracts above 500,000 euros").
type matter struct {
	entry string   // as written in the procedure
	words []string // the stems of the words naming the matter
	cond  *threshold
}

// threshold is a condition on the amount of a matter: above (or up to)
// an amount in a currency.
type threshold struct {
	above    bool // above the amount; else up to it
	amount   float64
	currency string // the currency's code in the vocabulary ("EUR")
	text     string // "above 500,000 euros"
}

// holds reports whether amount in currency meets the condition; ok is
// false when the currencies differ, so nothing can be said.
func (t *threshold) holds(amount float64, currency string) (holds, ok bool) {
	if currency != t.currency {
		return false, false
	}
	if t.above {
		return amount > t.amount, true
	}
	return amount <= t.amount, true
}

// parseMatter reads a `decides` entry: the words before a condition word
// name the matter; after an "above" or "up to" word comes an amount. A
// condition word with no amount after it is a word of the matter.
func (v *Vocabulary) parseMatter(entry string) (matter, error) {
	m := matter{entry: entry}
	name := entry
	for _, c := range []struct {
		words []string
		above bool
	}{{v.Above, true}, {v.UpTo, false}} {
		st, en, ok := text.FindPhrase(entry, c.words)
		if !ok {
			continue
		}
		amt, cur, _, _, found := v.amountIn(entry[en:])
		if !found {
			continue // "control over spending": a word of the matter
		}
		m.cond = &threshold{above: c.above, amount: amt, currency: cur, text: strings.TrimSpace(entry[st:])}
		name = entry[:st]
		break
	}
	for _, w := range words(name) {
		m.words = append(m.words, stem(w))
	}
	if len(m.words) == 0 {
		return m, fmt.Errorf("%q names no matter", entry)
	}
	return m, nil
}

// in reports whether s speaks of the matter: every word naming it
// stands in s, in any inflection ("contracts" matches "its contract",
// "budget amendments" matches "amended the budget").
func (m *matter) in(stems map[string]bool) bool {
	for _, w := range m.words {
		if !stems[w] {
			return false
		}
	}
	return true
}

// stemsOf returns the stems of the words of s.
func stemsOf(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words(s) {
		out[stem(w)] = true
	}
	return out
}

// words splits s into lower-case words; hyphenated words are also split
// ("road-resurfacing" gives "road", "resurfacing" and the whole).
func words(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	}) {
		f = strings.Trim(f, "-'")
		f = strings.TrimSuffix(f, "'s")
		if f == "" {
			continue
		}
		out = append(out, f)
		if strings.Contains(f, "-") {
			out = append(out, strings.Split(f, "-")...)
		}
	}
	return out
}

// stem strips English inflections and the noun suffix "-ment", so that
// the forms of one word meet: contracts, contract; amendments, amended,
// amend; deployed, deployment; taxes, tax; policies, policy.
func stem(w string) string {
	w = strings.ToLower(w)
	cut := func(suffix string, min int) bool {
		if strings.HasSuffix(w, suffix) && len(w)-len(suffix) >= min {
			w = w[:len(w)-len(suffix)]
			return true
		}
		return false
	}
	switch {
	case cut("ies", 3):
		w += "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		cut("es", 3)
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case cut("s", 3):
	}
	switch {
	case cut("ments", 4), cut("ment", 4):
	case cut("ing", 4), cut("ed", 4):
	}
	if len(w) > 4 {
		w = strings.TrimSuffix(w, "e")
	}
	return w
}

// amountIn finds the first amount of money in s: a number, perhaps with
// a scale ("3 million", "1.2bn"), and a currency word or sign before or
// after it ("500,000 euros", "€3m", "3 million euro"). It returns the
// amount, the currency's code and the byte range of the amount in s.
func (v *Vocabulary) amountIn(s string) (amount float64, currency string, start, end int, ok bool) {
	ws := tokensWithOffsets(s)
	for i, w := range ws {
		n, isNum := parseNumber(w.s)
		scale := 1.0
		// "€3m": a sign glued to the number, a scale glued after it.
		var cur string
		if !isNum {
			for code, forms := range v.Currencies {
				for _, f := range forms {
					if len(f) < len(w.s) && strings.HasPrefix(w.s, f) {
						if x, ok := parseNumber(w.s[len(f):]); ok {
							n, isNum, cur = x, true, code
						} else if x, sc, ok := v.scaled(w.s[len(f):]); ok {
							n, isNum, cur, scale = x, true, code, sc
						}
					}
				}
			}
			if !isNum {
				if x, sc, ok := v.scaled(w.s); ok {
					n, isNum, scale = x, true, sc
				}
			}
		}
		if !isNum {
			continue
		}
		j := i + 1
		if j < len(ws) {
			if sc, ok := v.Scales[strings.ToLower(ws[j].s)]; ok && scale == 1 {
				scale = sc
				j++
			}
		}
		endAt := ws[j-1].end
		if cur == "" {
			// The currency after the number ("3 million euro") or before it
			// ("EUR 3 million").
			if j < len(ws) {
				if c := v.currencyOf(ws[j].s); c != "" {
					cur, endAt = c, ws[j].end
				}
			}
			if cur == "" && i > 0 {
				if c := v.currencyOf(ws[i-1].s); c != "" {
					cur = c
					w.start = ws[i-1].start
				}
			}
		}
		if cur == "" {
			continue
		}
		return n * scale, cur, w.start, endAt, true
	}
	return 0, "", 0, 0, false
}

// scaled reads a number with a scale glued to it: "3m", "1.2bn".
func (v *Vocabulary) scaled(s string) (float64, float64, bool) {
	for sc, f := range v.Scales {
		if len(sc) < len(s) && strings.HasSuffix(strings.ToLower(s), sc) {
			if x, ok := parseNumber(s[:len(s)-len(sc)]); ok {
				return x, f, true
			}
		}
	}
	return 0, 0, false
}

func (v *Vocabulary) currencyOf(w string) string {
	for code, forms := range v.Currencies {
		for _, f := range forms {
			if strings.EqualFold(w, f) {
				return code
			}
		}
	}
	return ""
}

// parseNumber reads "500,000", "3", "1.2".
func parseNumber(s string) (float64, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	x, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return x, err == nil
}

type offsetWord struct {
	s          string
	start, end int
}

// tokensWithOffsets splits s at spaces and hyphens, dropping the
// punctuation around each piece ("(3", "euro)", "euros,").
func tokensWithOffsets(s string) []offsetWord {
	var out []offsetWord
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		l := len(w)
		w = strings.TrimLeft(w, "([\"'“‘")
		st := start + (l - len(w))
		w = strings.TrimRight(w, ".,;:)]\"'”’!?")
		if w != "" {
			out = append(out, offsetWord{w, st, st + len(w)})
		}
		start = -1
	}
	for i, r := range s {
		if unicode.IsSpace(r) || r == '-' || r == '–' {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return out
}

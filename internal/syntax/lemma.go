package syntax

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// lemmaRule turns a word into its lemma: drop Strip bytes from the end of
// the word (lower-cased unless KeepCase) and add Add.
type lemmaRule struct {
	KeepCase bool
	Strip    uint8
	Add      string
}

// lemmatizer picks a lemma rule for a word and its Penn tag: the rule of
// the (word, tag) pair when the training data gave it one the suffix rules
// would not, else the rule of the longest suffix seen with that tag.
type lemmatizer struct {
	rules []lemmaRule
	exc   *u64map // f2(lemmaExc, word, tag) → rule
	suf   *u64map // f2(lemmaSuf+k, suffix, tag) → rule
	// wn is WordNet's table of lemmas (the tagger's), and need, by Penn
	// tag, the kind of WordNet lemma a word of that tag inflects (a verb
	// for VBD, an adjective for JJR; 0 for tags not checked). Set at
	// load; not stored in the model.
	wn   *u64map
	need []uint64
}

const (
	lemmaExc    = 0x1e44a
	lemmaSuf    = 0x1e44b00
	maxLemmaSuf = 6
)

// lemmaForm is the word as the lemmatizer reads it: lower case (unless
// keep), apostrophes straightened.
func lemmaForm(form string, keep bool, buf []byte) []byte {
	buf = buf[:0]
	for _, r := range form {
		switch {
		case r == '’' || r == '‘':
			buf = append(buf, '\'')
		case !keep && r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			buf = append(buf, byte(r+'a'-'A'))
		case !keep && r >= utf8.RuneSelf:
			buf = utf8.AppendRune(buf, toLower(r))
		default:
			buf = utf8.AppendRune(buf, r)
		}
	}
	return buf
}

func toLower(r rune) rune { return []rune(strings.ToLower(string(r)))[0] }

// apply returns the rule applied to form, or the lower-cased form when the
// rule does not fit it.
func (r lemmaRule) apply(form string, buf []byte) string {
	buf = lemmaForm(form, r.KeepCase, buf)
	cut := len(buf) - int(r.Strip)
	if cut < 0 || !utf8.Valid(buf[:cut]) {
		return asForm(lemmaForm(form, false, buf), form)
	}
	if r.Add == "" {
		return asForm(buf[:cut], form)
	}
	return string(buf[:cut]) + r.Add
}

// asForm returns b as a string: form itself when they are equal (most
// lemmas are their word), so that it costs no allocation.
func asForm(b []byte, form string) string {
	if string(b) == form {
		return form
	}
	return string(b)
}

// ruleFor derives the rule that turns form into lemma.
func ruleFor(form, lemma string) lemmaRule {
	for _, keep := range []bool{false, true} {
		src := string(lemmaForm(form, keep, nil))
		lcp := 0
		for lcp < len(src) && lcp < len(lemma) && src[lcp] == lemma[lcp] {
			lcp++
		}
		for lcp > 0 && lcp < len(src) && !utf8.RuneStart(src[lcp]) {
			lcp--
		}
		if lcp > 0 || src == "" || keep {
			if len(src)-lcp > 255 {
				return lemmaRule{}
			}
			return lemmaRule{KeepCase: keep, Strip: uint8(len(src) - lcp), Add: lemma[lcp:]}
		}
	}
	return lemmaRule{}
}

// lemma returns the lemma of form tagged xpos.
func (l *lemmatizer) lemma(form string, xpos uint8, buf []byte) string {
	buf = lemmaForm(form, false, buf)
	if r, ok := l.exc.get(f2(lemmaExc, hashBytes(buf), uint64(xpos))); ok && int(r) < len(l.rules) {
		return l.rules[r].apply(form, buf)
	}
	if r, ok := l.suffixRule(buf, xpos); ok {
		lem := l.rules[r].apply(form, buf)
		if need := l.needOf(xpos); need != 0 && !l.wnIs(lem, need) {
			// A word the treebank never saw, whose suffix rule gives no
			// word WordNet knows: the inflection WordNet's lemmas
			// explain ("extradited" is "extradite", not "extradit").
			if alt, ok := l.morphy(lemmaForm(form, false, buf), need); ok {
				return alt
			}
		}
		return lem
	}
	return asForm(buf, form)
}

// needOf returns the kind of WordNet lemma a word tagged xpos inflects,
// or 0.
func (l *lemmatizer) needOf(xpos uint8) uint64 {
	if l.wn == nil || int(xpos) >= len(l.need) {
		return 0
	}
	return l.need[xpos]
}

// wnIs reports whether w is a WordNet lemma of kind need.
func (l *lemmatizer) wnIs(w string, need uint64) bool {
	v, _ := l.wn.get(hashString(w))
	return v&need != 0
}

// morphy returns the first lemma of kind need that an inflection of the
// lower-case word low explains, a doubled consonant undone after "-ed",
// "-ing", "-er" and "-est" ("banned", "bigger"), or false.
func (l *lemmatizer) morphy(low []byte, need uint64) (string, bool) {
	w := string(low)
	for _, in := range wnInflections {
		if in.need != need || len(w) <= len(in.suf)+1 || !strings.HasSuffix(w, in.suf) {
			continue
		}
		stem := w[:len(w)-len(in.suf)]
		if c := stem + in.add; l.wnIs(c, need) {
			return c, true
		}
		if in.doubles() && len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] {
			if c := stem[:len(stem)-1]; l.wnIs(c, need) {
				return c, true
			}
		}
	}
	return "", false
}

func (l *lemmatizer) suffixRule(low []byte, xpos uint8) (uint64, bool) {
	for k := min(maxLemmaSuf, utf8.RuneCount(low)); k >= 0; k-- {
		i := len(low)
		for j := 0; j < k; j++ {
			_, sz := utf8.DecodeLastRune(low[:i])
			i -= sz
		}
		if r, ok := l.suf.get(f2(lemmaSuf+uint64(k), hashBytes(low[i:]), uint64(xpos))); ok && int(r) < len(l.rules) {
			return r, true
		}
	}
	return 0, false
}

// trainLemmatizer learns the rules from the training words.
func trainLemmatizer(sents []Sentence, xposID map[string]uint8) *lemmatizer {
	l := &lemmatizer{}
	ruleID := map[lemmaRule]uint64{}
	id := func(r lemmaRule) uint64 {
		if i, ok := ruleID[r]; ok {
			return i
		}
		ruleID[r] = uint64(len(l.rules))
		l.rules = append(l.rules, r)
		return ruleID[r]
	}
	type key struct {
		word string
		xpos uint8
	}
	id(lemmaRule{}) // the rule that keeps the word is rule 0
	pairs := map[key]map[uint64]int{}
	sufCount := map[uint64]map[uint64]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Lemma == "" || w.Lemma == "_" {
				continue
			}
			x := xposID[w.XPOS]
			low := string(lemmaForm(w.Form, false, nil))
			r := id(ruleFor(w.Form, w.Lemma))
			k := key{low, x}
			if pairs[k] == nil {
				pairs[k] = map[uint64]int{}
			}
			pairs[k][r]++
			n := utf8.RuneCountInString(low)
			for sk := 0; sk <= min(maxLemmaSuf, n); sk++ {
				i := len(low)
				for j := 0; j < sk; j++ {
					_, sz := utf8.DecodeLastRuneInString(low[:i])
					i -= sz
				}
				fk := f2(lemmaSuf+uint64(sk), hashString(low[i:]), uint64(x))
				if sufCount[fk] == nil {
					sufCount[fk] = map[uint64]int{}
				}
				sufCount[fk][r]++
			}
		}
	}
	best := func(m map[uint64]int) (uint64, int, int) {
		var b uint64
		bc, total := -1, 0
		for r, c := range m {
			total += c
			if c > bc || c == bc && r < b {
				b, bc = r, c
			}
		}
		return b, bc, total
	}
	suf := map[uint64]uint64{}
	for fk, m := range sufCount {
		r, c, total := best(m)
		// A suffix rule must be reliable: most of its words agree.
		if total >= 2 && float64(c) >= 0.75*float64(total) {
			suf[fk] = r
		}
	}
	l.suf = newU64Map(suf)
	exc := map[uint64]uint64{}
	for k, m := range pairs {
		r, _, _ := best(m)
		if got, ok := l.suffixRule([]byte(k.word), k.xpos); ok && got == r {
			continue
		}
		if r == id(lemmaRule{}) {
			if _, ok := l.suffixRule([]byte(k.word), k.xpos); !ok {
				continue // the default does it
			}
		}
		exc[f2(lemmaExc, hashString(k.word), uint64(k.xpos))] = r
	}
	l.exc = newU64Map(exc)
	return l
}

// Lemmas appends to buf every lemma Lemma may give the word form with a
// Penn tag that tag accepts (every tag when tag is nil; "" stands for the
// tags the model does not know), each once: a caller that must know what
// lemma a word could have, without tagging it, reads them.
func (m *Model) Lemmas(form string, tag func(xpos string) bool, buf []string) []string {
	n := len(buf)
	var b [64]byte
	for x := 0; x <= len(m.xpos); x++ {
		id, name := uint8(x), ""
		if x == len(m.xpos) {
			id = 255 // the tag Lemma gives a Penn tag the model does not know
		} else {
			name = m.xpos[x]
		}
		if tag != nil && !tag(name) {
			continue
		}
		l := m.lem.lemma(form, id, b[:0])
		if !slices.Contains(buf[n:], l) {
			buf = append(buf, l)
		}
	}
	return buf
}

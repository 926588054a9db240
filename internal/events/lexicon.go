package events

import (
	"strings"

	"github.com/dossier-project/dossier/internal/text"
)

// entry is a trigger: a pattern and the words of its phrase after the
// first ("call on" → rest ["on"]).
type entry struct {
	p    *Pattern
	rest []string
}

// lexicon is the compiled, read-only form of a Patterns set.
type lexicon struct {
	verbs   map[string][]entry // by verb lemma
	nouns   map[string][]entry // by the noun phrase's first word (singular and plural)
	codes   map[string]CodeInfo
	irr     map[string]string
	words   map[string]map[string]bool // grammar list → words
	grammar map[string][]string        // grammar lists in order
	byID    map[string]*Pattern
	acts    *actLexicon // the acts of the record (acts.go)
	// split holds the words of the rules' phrases and of the grammar's
	// entries, split once (fields)
	split map[string][]string
}

// fields returns the words of a phrase of the patterns or the grammar:
// strings.Fields(ph), split when the patterns were compiled.
func (lx *lexicon) fields(ph string) []string {
	if f, ok := lx.split[ph]; ok {
		return f
	}
	return strings.Fields(ph)
}

func (p *Patterns) compile() *lexicon {
	lx := &lexicon{
		verbs:   map[string][]entry{},
		nouns:   map[string][]entry{},
		codes:   p.resolveCodes(),
		irr:     p.irregular,
		words:   map[string]map[string]bool{},
		byID:    map[string]*Pattern{},
		grammar: p.grammar,
		split:   map[string][]string{},
	}
	splitOnce := func(ph string) {
		if _, ok := lx.split[ph]; !ok {
			lx.split[ph] = strings.Fields(ph)
		}
	}
	for k, ws := range p.grammar {
		m := make(map[string]bool, len(ws))
		for _, w := range ws {
			m[w] = true
			if k != abstractNouns { // (15,000 single words no rule splits)
				splitOnce(w)
			}
		}
		lx.words[k] = m
	}
	for _, pt := range p.list {
		lx.byID[pt.ID] = pt
		for _, r := range pt.Rules {
			for _, ph := range r.After {
				splitOnce(ph)
			}
			for _, ph := range r.Before {
				splitOnce(ph)
			}
		}
		for _, v := range pt.Verbs {
			f := strings.Fields(v)
			if len(f) == 0 {
				continue
			}
			lx.verbs[f[0]] = append(lx.verbs[f[0]], entry{pt, f[1:]})
		}
		for _, n := range pt.Nouns {
			f := strings.Fields(n)
			if len(f) == 0 {
				continue
			}
			lx.nouns[f[0]] = append(lx.nouns[f[0]], entry{pt, f[1:]})
		}
	}
	lx.acts = compileActs(p.acts, lx)
	return lx
}

func (lx *lexicon) is(list, w string) bool { return lx.words[list][w] }

// countryCode reports whether an actor code is a country's: three
// letters that are none of the role codes (the grammar's actor_roles:
// REB, MIL, GOV, CVL, …).
func (lx *lexicon) countryCode(c string) bool {
	return len(c) == 3 && !lx.is("actor_roles", strings.ToLower(c))
}

// lemmas returns the candidate base forms of a lower-case verb form, most
// likely first: the form itself, its irregular base, then the forms left
// by stripping regular endings. Only candidates that are verbs of some
// pattern matter, so over-generation is harmless.
func (lx *lexicon) lemmas(w string, buf []string) []string {
	buf = append(buf[:0], w)
	if b, ok := lx.irr[w]; ok {
		buf = append(buf, b)
	}
	return text.RegularBases(w, buf)
}

// wordMatches reports whether a phrase word matches a token's lower-case
// text, allowing regular inflections of the token ("sanction" matches
// "sanctions", "agree" matches "agreed").
func (lx *lexicon) wordMatches(pw, tok string) bool {
	if pw == tok {
		return true
	}
	if strings.IndexByte(tok, '-') > 0 && strings.IndexByte(pw, '-') < 0 {
		// "peace-keeping" is "peacekeeping"
		return lx.wordMatches(pw, strings.ReplaceAll(tok, "-", ""))
	}
	if !strings.HasPrefix(tok, pw[:min(len(pw), 2)]) {
		if b, ok := lx.irr[tok]; ok {
			return b == pw
		}
		return false
	}
	var buf [6]string
	for _, l := range lx.lemmas(tok, buf[:0]) {
		if l == pw {
			return true
		}
	}
	return false
}

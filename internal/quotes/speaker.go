package quotes

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// mention is a named person found in the text by a title or an honorific
// ("Prime Minister Jane Doe", "the Chairperson of the Commission, Mr.
// John Roe", "Ms Doe").
type mention struct {
	pos  int
	para int
	role string // role as a bag of words, "" when only an honorific
	name string
}

// said is a resolved speaker of an earlier quote, for pronouns.
type said struct {
	pos    int
	para   int
	name   string
	anon   bool
	person bool
}

// mentions finds the persons named with a title or honorific in the text.
func (st *state) mentions() []mention {
	lx := st.x.lx
	var out []mention
	for pi, p := range st.paras {
		ts := tokenize(st.text, p.s, p.e)
		for i := 0; i < len(ts); i++ {
			if !ts[i].word || !ts[i].cap {
				continue
			}
			j, role := st.matchRole(ts, i)
			if j == i {
				if !lx.honorifics[ts[i].lower] {
					continue
				}
			} else {
				// "of <Country>, Mr. X" / "of <Department> X"
				if j < len(ts) && ts[j].lower == "of" {
					k := j + 1
					for k < len(ts) && k < j+5 && ts[k].word && ts[k].cap {
						k++
					}
					if k < len(ts) && ts[k].lower == "," {
						j = k + 1
					} else if j+1 < len(ts) && ts[j+1].cap {
						j += 2
					}
				}
			}
			if j < len(ts) && ts[j].word && lx.honorifics[ts[j].lower] {
				j++
				if j < len(ts) && ts[j].lower == "." {
					j++
				}
			} else if j == i && lx.honorifics[ts[i].lower] {
				j = i + 1
				if j < len(ts) && ts[j].lower == "." {
					j++
				}
			}
			name := st.nameRun(ts, j)
			if name != "" {
				out = append(out, mention{pos: ts[i].start, para: pi, role: role, name: name})
			}
		}
	}
	return out
}

// matchRole matches the longest role at ts[i:], returning the index after
// it and the role's bag of words; (i, "") when none.
func (st *state) matchRole(ts []token, i int) (int, string) {
	for _, r := range st.x.lx.roles {
		k, n := i, 0
		for k < len(ts) && n < len(r) {
			if ts[k].lower == "-" {
				k++
				continue
			}
			if !ts[k].word || ts[k].lower != r[n] {
				break
			}
			k++
			n++
		}
		if n == len(r) {
			return k, roleBag(r)
		}
	}
	return i, ""
}

// roleBag is a role's words without "of"/"the", sorted: "Secretary
// General" and "General Secretary" have the same bag.
func roleBag(words []string) string {
	var ws []string
	for _, w := range words {
		if w != "of" && w != "the" {
			ws = append(ws, w)
		}
	}
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

// nameRun returns up to four capitalised words from ts[j] ("Jane Doe",
// "Jean-Pierre Doe"), or "".
func (st *state) nameRun(ts []token, j int) string {
	lx := st.x.lx
	var parts []string
	for k := j; k < len(ts) && len(parts) < 4; k++ {
		t := ts[k]
		if t.lower == "-" && len(parts) > 0 && k+1 < len(ts) && ts[k+1].word {
			parts[len(parts)-1] += "-" + st.text[ts[k+1].start:ts[k+1].end]
			k++
			continue
		}
		if !lx.nameWord(t) || lx.honorifics[t.lower] {
			break
		}
		if r, _ := st.matchRole(ts, k); r != k {
			break
		}
		w := st.text[t.start:t.end]
		if strings.ContainsAny(w, "'’") {
			break // a possessive is not part of a name ("Doe’s office")
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}

// resolveAll turns the candidates into quotes, resolving their speakers
// in text order so that a pronoun can refer to an earlier speaker.
func (st *state) resolveAll(resolve Resolver) []model.Quote {
	ms := st.mentions()
	var hist []said
	out := make([]model.Quote, 0, len(st.cands))
	for _, c := range st.cands {
		q := c.q
		if c.np[0] >= 0 {
			q.Sources = append(q.Sources, st.span(c.np[0], c.np[1]))
		}
		if c.app[0] >= 0 {
			q.Sources = append(q.Sources, st.span(c.app[0], c.app[1]))
		}
		pos := c.pos
		if q.Cue != nil {
			pos = q.Cue.Start
		}
		if c.np[0] >= 0 {
			sp := st.span(c.np[0], c.np[1])
			var person bool
			if resolve != nil {
				q.Speaker, q.SpeakerCode, q.Anonymous = resolve(st.doc, sp)
				person = !q.Anonymous && q.Speaker != ""
			}
			if resolve == nil || (q.Speaker == "" && !q.Anonymous) {
				// The built-in rules also serve when the resolver cannot
				// tell, e.g. a pronoun whose antecedent it left open.
				q.Speaker, q.Anonymous, person = st.builtin(sp, c.para, pos, ms, hist)
			}
			q.Anonymous = q.Anonymous || c.anonPh
			if q.Anonymous && resolve == nil {
				person = false
				if q.Speaker == "" || !st.isGroup(sp) {
					q.Speaker = st.groupName(sp)
				}
			}
			if q.Speaker != "" || q.Anonymous {
				hist = append(hist, said{pos: pos, para: c.para, name: q.Speaker, anon: q.Anonymous, person: person})
			}
		}
		out = append(out, q)
	}
	return out
}

// isGroup reports whether the speaker words are an unnamed group.
func (st *state) isGroup(sp model.Span) bool {
	ts := tokenize(st.text, sp.Start, sp.End)
	return st.anonHead(ts) >= 0
}

// groupName is an anonymous speaker's name: the phrase without its
// leading article ("US officials", "senior official").
func (st *state) groupName(sp model.Span) string {
	ts := tokenize(st.text, sp.Start, sp.End)
	for len(ts) > 0 && ts[0].word && (ts[0].lower == "a" || ts[0].lower == "an" || ts[0].lower == "the") {
		ts = ts[1:]
	}
	if len(ts) == 0 {
		return ""
	}
	if st.x.lx.isPronoun(ts[0].lower) {
		return ""
	}
	return st.text[ts[0].start:ts[len(ts)-1].end]
}

// anonHead returns the index of an anonymous-source head noun that is not
// followed by a name ("officials", but not "spokesman John Doe"), or -1.
func (st *state) anonHead(ts []token) int {
	h := -1
	for i, t := range ts {
		if t.word && st.x.lx.anonymousHeads[t.lower] {
			h = i
		}
	}
	if h < 0 {
		return -1
	}
	for k := h + 1; k < len(ts); k++ {
		if ts[k].word && ts[k].lower == "of" {
			break
		}
		if ts[k].word && ts[k].cap {
			return -1
		}
	}
	return h
}

// builtin resolves speaker words without the actors stage: a name is
// itself (a lone surname is completed from a fuller name in the
// document); a pronoun is the most recent earlier speaker within
// Thresholds.PronounParagraphs paragraphs (he/she: a named person; they,
// it: any speaker); a role phrase is the person the document names with
// that role, nearest before, else after; an unresolved role gives "".
func (st *state) builtin(sp model.Span, para, pos int, ms []mention, hist []said) (name string, anon, person bool) {
	lx := st.x.lx
	ts := tokenize(st.text, sp.Start, sp.End)
	var words []token
	for _, t := range ts {
		if t.word {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return "", false, false
	}
	win := st.x.th.PronounParagraphs
	if len(words) == 1 && lx.isPronoun(words[0].lower) {
		w := words[0].lower
		if !lx.personPronouns[w] && w != "they" && w != "it" {
			return "", false, false
		}
		for i := len(hist) - 1; i >= 0; i-- {
			h := hist[i]
			if h.pos >= pos || para-h.para > win {
				continue
			}
			if lx.personPronouns[w] && (!h.person || h.anon) {
				continue
			}
			return h.name, h.anon, h.person
		}
		if lx.personPronouns[w] {
			for i := len(ms) - 1; i >= 0; i-- {
				if m := ms[i]; m.pos < pos && para-m.para <= win {
					return m.name, false, true
				}
			}
		}
		return "", false, false
	}
	if hasPhrase(ts, lx.anonymity) || st.anonHead(ts) >= 0 {
		return st.groupName(sp), true, false
	}
	// Roles and honorifics; the name is the capitalised words after the
	// last role (skipping "of X"), or all capitalised words without one.
	roleEnd, role := -1, ""
	for i := 0; i < len(ts); i++ {
		if j, r := st.matchRole(ts, i); j > i {
			roleEnd, role = j, r
			i = j - 1
		}
	}
	nameFrom := 0
	if roleEnd >= 0 {
		nameFrom = roleEnd
		if nameFrom < len(ts) && ts[nameFrom].lower == "of" {
			nameFrom += 2
		}
	}
	var parts []string
	for k := nameFrom; k < len(ts); k++ {
		t := ts[k]
		if !lx.nameWord(t) || lx.honorifics[t.lower] {
			if len(parts) > 0 && t.word && !t.cap {
				parts = parts[:0] // "Commission of the Union" – not a name run
			}
			continue
		}
		if j, _ := st.matchRole(ts, k); j > k {
			parts = parts[:0]
			k = j - 1
			continue
		}
		parts = append(parts, st.text[t.start:t.end])
	}
	if len(parts) > 0 {
		name = strings.Join(parts, " ")
		if len(parts) == 1 {
			name = st.complete(name, ms, hist)
		}
		return name, false, true
	}
	if role != "" {
		best := -1
		for i, m := range ms {
			if m.role != role {
				continue
			}
			if m.pos < pos {
				best = i
			} else if best < 0 {
				best = i
				break
			}
		}
		if best >= 0 {
			return ms[best].name, false, true
		}
	}
	return "", false, false
}

// complete turns a lone surname into the fuller name the document uses
// for one person ("Doe" → "Jane Doe"), when that is unambiguous.
func (st *state) complete(surname string, ms []mention, hist []said) string {
	found := ""
	try := func(full string) bool {
		f := strings.Fields(full)
		if len(f) < 2 || !strings.EqualFold(f[len(f)-1], surname) {
			return true
		}
		if found != "" && found != full {
			found = "\x00"
			return false
		}
		found = full
		return true
	}
	for _, m := range ms {
		if !try(m.name) {
			return surname
		}
	}
	for _, h := range hist {
		if !h.anon && !try(h.name) {
			return surname
		}
	}
	if found == "" || found == "\x00" {
		return surname
	}
	return found
}

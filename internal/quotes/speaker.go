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
	of   string // the role's complement ("of Congress" → "congress"), or ""
	qual string // the words that qualify the role ("British"), see qualifiers
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
			of := ""
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
						of = complementKey(ts[j+1 : k])
						j = k + 1
					} else if j+1 < len(ts) && ts[j+1].cap {
						of = complementKey(ts[j+1 : j+2])
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
				out = append(out, mention{pos: ts[i].start, para: pi, role: role, of: of, qual: st.qualifiers(ts, i), name: name})
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

// qualifiers are the words right before a role at ts[i] that narrow it
// down ("British", "Russia's deputy", "Cabinet"), lower-cased and sorted.
func (st *state) qualifiers(ts []token, i int) string {
	lx := st.x.lx
	var ws []string
	for k := i - 1; k >= 0; k-- {
		t := ts[k]
		if !t.word || isDet(t.lower) || lx.honorifics[t.lower] || !lx.nameWord(t) && !lx.speakerWords[t.lower] {
			break
		}
		ws = append(ws, t.lower)
	}
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

// complementKey is the lower-cased words of a role's complement ("of
// the Security Council" → "security council"), without "the".
func complementKey(ts []token) string {
	var ws []string
	for _, t := range ts {
		if t.word && t.lower != "the" {
			ws = append(ws, t.lower)
		}
	}
	return strings.Join(ws, " ")
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
			bName, bAnon, bPerson, how := st.builtin(sp, c.para, pos, ms, hist)
			if how != byName && how != byPronoun && how != byGroup && c.app[0] >= 0 {
				// "The Chair, Jane Doe, said": the appositive names her.
				if as := st.span(c.app[0], c.app[1]); st.isName(as) {
					if n, a, pp, h := st.builtin(as, c.para, pos, ms, hist); h == byName {
						bName, bAnon, bPerson, how = n, a, pp, h
					}
				}
			}
			var person bool
			if resolve != nil {
				q.Speaker, q.SpeakerCode, q.Anonymous = resolve(st.doc, sp)
				person = !q.Anonymous && q.Speaker != ""
				if q.Speaker != "" && (st.titleNotName(q.Speaker, sp, bName, how) || how == byRole && st.namedLater(q.Speaker, sp.End)) {
					// The resolver took the title for the name ("Mayor"
					// in "Mayor Jane Doe", "Health" in "the Secretary for
					// Health"): the phrase's own name, or none, is better.
					q.Speaker, q.SpeakerCode, q.Anonymous = "", "", false
				}
			}
			if resolve == nil || (q.Speaker == "" && !q.Anonymous) {
				// The built-in rules also serve when the resolver cannot
				// tell, e.g. a pronoun whose antecedent it left open.
				q.Speaker, q.Anonymous, person = bName, bAnon, bPerson
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

// namedLater reports whether the document first names the person name
// (by surname) after offset pos: a title is never a person named only
// later ("The president of Congress said … President Jane Doe did not
// comment").
func (st *state) namedLater(name string, pos int) bool {
	f := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' })
	if len(f) == 0 {
		return false
	}
	sur := f[len(f)-1]
	first := -1
	for _, p := range st.paras {
		for _, t := range tokenize(st.text, p.s, p.e) {
			if t.word && t.lower == sur {
				first = t.start
				break
			}
		}
		if first >= 0 {
			break
		}
	}
	return first >= pos
}

// isName reports whether sp is only capitalised name words ("Jane Doe").
func (st *state) isName(sp model.Span) bool {
	n := 0
	for _, t := range tokenize(st.text, sp.Start, sp.End) {
		if t.word {
			if !st.x.lx.nameWord(t) || st.x.lx.honorifics[t.lower] {
				return false
			}
			n++
		}
	}
	return n > 0
}

// titleNotName reports whether a resolver's name for the speaker words sp
// is made of the phrase's own title words rather than its name: every
// word of it is in the phrase, but the built-in reading of the phrase
// finds another name there (how == byName, name bName) or only a title
// (how == byRole).
func (st *state) titleNotName(resolved string, sp model.Span, bName string, how int) bool {
	if how != byName && how != byRole {
		return false
	}
	in := map[string]bool{}
	for _, t := range tokenize(st.text, sp.Start, sp.End) {
		if t.word {
			in[t.lower] = true
		}
	}
	rw := strings.FieldsFunc(strings.ToLower(resolved), func(r rune) bool { return r == ' ' || r == '-' })
	for _, w := range rw {
		if !in[w] {
			return false // the resolver knows more than the phrase says
		}
	}
	if how == byRole {
		return true
	}
	bf := strings.FieldsFunc(strings.ToLower(bName), func(r rune) bool { return r == ' ' || r == '-' })
	bw := map[string]bool{}
	for _, w := range bf {
		bw[w] = true
	}
	for _, w := range rw {
		if !bw[w] {
			return true
		}
	}
	// Only part of the phrase's name ("Health" for "the Ministry of
	// Health").
	return len(rw) < len(bf)
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

// How the built-in rules found a speaker.
const (
	byNone    = iota // nothing: not a name, a role or a pronoun
	byPronoun        // a pronoun's antecedent
	byName           // the phrase holds the name ("Mayor Jane Doe")
	byRole           // a title with no name, resolved or not
	byGroup          // an unnamed group
)

// builtin resolves speaker words without the actors stage: a name is
// itself (a lone surname is completed from a fuller name in the
// document); a pronoun is the most recent earlier speaker within
// Thresholds.PronounParagraphs paragraphs (he/she: a named person; they,
// it: any speaker); a role phrase is the person the document names with
// that role (and the same complement: "the president of Congress" is not
// "President Jane Doe") before it, never a person named only later; an
// unresolved role gives "".
func (st *state) builtin(sp model.Span, para, pos int, ms []mention, hist []said) (name string, anon, person bool, how int) {
	lx := st.x.lx
	ts := tokenize(st.text, sp.Start, sp.End)
	var words []token
	for _, t := range ts {
		if t.word {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return "", false, false, byNone
	}
	win := st.x.th.PronounParagraphs
	if len(words) == 1 && lx.isPronoun(words[0].lower) {
		w := words[0].lower
		if !lx.personPronouns[w] && w != "they" && w != "it" {
			return "", false, false, byPronoun
		}
		for i := len(hist) - 1; i >= 0; i-- {
			h := hist[i]
			if h.pos >= pos || para-h.para > win {
				continue
			}
			if lx.personPronouns[w] && (!h.person || h.anon) {
				continue
			}
			return h.name, h.anon, h.person, byPronoun
		}
		if lx.personPronouns[w] {
			for i := len(ms) - 1; i >= 0; i-- {
				if m := ms[i]; m.pos < pos && para-m.para <= win {
					return m.name, false, true, byPronoun
				}
			}
		}
		return "", false, false, byPronoun
	}
	if hasPhrase(ts, lx.anonymity) || st.anonHead(ts) >= 0 {
		return st.groupName(sp), true, false, byGroup
	}
	// Roles and honorifics; the name is the capitalised words after the
	// last role and its complement ("of the Council", "for Health"), or
	// all capitalised words without one.
	roleStart, roleEnd, role, of := -1, -1, "", ""
	for i := 0; i < len(ts); i++ {
		if j, r := st.matchRole(ts, i); j > i {
			roleStart, roleEnd, role = i, j, r
			i = j - 1
		}
	}
	nameFrom := 0
	if roleEnd >= 0 {
		nameFrom = roleEnd
		if k := nameFrom; k < len(ts) && ts[k].word && (ts[k].lower == "of" || ts[k].lower == "for") {
			// The complement runs to a comma ("of the Council, Jane
			// Doe"), through a run after "the" ("of the Security
			// Council"), else is one word ("of Defence Jane Doe").
			k++
			c := k
			article := k < len(ts) && ts[k].lower == "the"
			for k < len(ts) && (lx.nameWord(ts[k]) || ts[k].word && (ts[k].lower == "the" || ts[k].lower == "of")) {
				k++
			}
			comma := k < len(ts) && ts[k].lower == ","
			if !comma && !article && k > c+1 {
				k = c + 1
			}
			of = complementKey(ts[c:k])
			nameFrom = k
		}
	}
	var parts []string
	for k := nameFrom; k < len(ts); k++ {
		t := ts[k]
		if len(parts) == 1 && t.word && t.lower == "of" {
			// "Ministry of Health", "Bank of the North": one word and
			// "of" make a body's name (a person's has two words).
			n := k + 1
			if n < len(ts) && ts[n].lower == "the" {
				n++
			}
			if n < len(ts) && lx.nameWord(ts[n]) {
				for _, w := range ts[k:n] {
					parts = append(parts, w.lower)
				}
				k = n - 1
				continue
			}
		}
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
		return name, false, true, byName
	}
	if role != "" {
		// "Russia's deputy ambassador" is not "British Ambassador Jane
		// Doe": the qualifiers must be the same.
		qual := st.qualifiers(ts, roleStart)
		best := -1
		for i, m := range ms {
			if m.pos >= pos {
				break // a person named only later is not who "the minister" was
			}
			if m.role == role && m.qual == qual && (of == "" || m.of == of) {
				best = i
			}
		}
		if best >= 0 {
			return ms[best].name, false, true, byRole
		}
		return "", false, false, byRole
	}
	return "", false, false, byNone
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

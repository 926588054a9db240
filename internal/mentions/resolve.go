package mentions

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
	"golang.org/x/text/unicode/norm"
)

// speakers adds a mention for every transcript turn label.
func (a *analysis) speakers() {
	for _, t := range a.doc.Turns {
		if t.Label.Empty() || t.Label.Check(a.doc.Text) != nil {
			continue
		}
		var sp model.Speaker
		if t.Speaker >= 0 && t.Speaker < len(a.doc.Speakers) {
			sp = a.doc.Speakers[t.Speaker]
		}
		c := &cand{kind: cPerson, span: t.Label, sent: a.sentenceOf(t.Label.Start), ti: -1, tj: -1, rule: ruleSpeaker, speaker: true}
		if sp.Questioner || t.Question {
			code := ""
			if a.v.questioner != "" {
				if ag, ok := a.dict.Agent(a.v.questioner); ok {
					code = ag
				}
			}
			if code == "" && strings.TrimSpace(sp.Name) == "" {
				continue
			}
			c.kind = cResolved
			c.actor = actorT{Code: code, Name: strings.TrimSpace(sp.Name), Person: true}
			a.add(c)
			continue
		}
		name := strings.TrimSpace(sp.Name)
		if name == "" {
			name = strings.TrimSpace(t.Label.Text)
		}
		c.name = name
		c.dictPerson = a.dictPersonAt(name)
		if c.dictPerson == nil {
			c.dictPerson = a.dictPersonAt(t.Label.Text)
		}
		// (not asked again by buildEntities, which reads the name
		// without the date: "WALLACE:" of 2016 is not the minister of
		// that surname of 2019)
		c.noDict = c.dictPerson == nil
		c.role = a.roleEntry(sp.Role)
		if org := a.orgEntry(sp.Organization); org != nil {
			a.countOrg(org)
			c.roleOrg = a.orgCode(org)
		}
		a.add(c)
	}
}

func (a *analysis) sentenceOf(off int) int {
	if a.td == nil {
		return -1
	}
	if i := a.td.SentenceAt(off); i >= 0 {
		return i
	}
	i := sort.Search(len(a.td.Sentences), func(i int) bool { return a.td.Sentences[i].Start >= off })
	if i < len(a.td.Sentences) {
		return i
	}
	return -1
}

// orgEntry looks up a whole string as an organisation ("AU").
func (a *analysis) orgEntry(s string) *actors.Entry {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	e, n := a.dict.Match(words, 0)
	if e == nil || n != len(words) || !isOrgKind(e.Kind) {
		return nil
	}
	return e
}

// roleEntry looks up a whole string as a role ("Secretary General").
func (a *analysis) roleEntry(s string) *actors.Entry {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	if e := a.dict.RoleEntry(s); e != nil {
		return e
	}
	if e, n := a.dict.Match(words, 0); e != nil && n == len(words) && e.Kind == actors.Role {
		return e
	}
	low := make([]string, len(words))
	for i, w := range words {
		low[i] = lowerWord(w)
	}
	if e, n := a.r.aliasAt(&sent{words: words, low: low}, 0); e != nil && n == len(words) {
		return e
	}
	return nil
}

// sameRole reports whether two role names name the same office.
func (a *analysis) sameRole(x, y string) bool {
	return x != "" && y != "" && strings.EqualFold(a.dict.CanonicalRole(x), a.dict.CanonicalRole(y))
}

func (a *analysis) roleKey(e *actors.Entry) string {
	return normName(a.dict.CanonicalRole(e.Name))
}

// sortedOrgs returns the organisations the document mentions, most
// mentioned first.
func (a *analysis) sortedOrgs() []string {
	out := make([]string, 0, len(a.orgs))
	for o := range a.orgs {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool {
		if a.orgs[out[i]] != a.orgs[out[j]] {
			return a.orgs[out[i]] > a.orgs[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// personCodeAt returns the tenure of the dictionary's person pe at the
// document date. In an undated document it is their most recent one,
// unless their tenures are of different countries or organisations: then
// the code is not known (an empty tenure, true), as a text of one of
// their earlier offices is coded by the latest ("Its president, Christine
// Lagarde", of the IMF in a 2016 article, was the European Central
// Bank's).
func (a *analysis) personCodeAt(pe *actors.Entry) (actors.DatedCode, bool) {
	dc, ok := pe.CodeAt(a.date)
	if !ok || !a.date.IsZero() {
		return dc, ok
	}
	root := ""
	for _, c := range pe.Codes {
		r := actorRoot(c.Code)
		if r == "" {
			continue
		}
		if root != "" && r != root {
			return actors.DatedCode{}, true
		}
		root = r
	}
	return dc, true
}

// nameCode returns the code of the dictionary's person pe named with no
// office: their tenure at the document date. In an undated document it
// is whose country they are, not which office they held when the text
// was written ("Amani Odhiambo met …" is KEN, not the KENGOV of a tenure
// that may be later); an organisation's code, or a code with no dates,
// is kept.
func (a *analysis) nameCode(pe *actors.Entry) (string, bool) {
	dc, ok := a.personCodeAt(pe)
	if ok && a.date.IsZero() && !(dc.From.IsZero() && dc.To.IsZero()) && !strings.HasPrefix(dc.Code, "IGO") {
		return actorRoot(dc.Code), true
	}
	return dc.Code, ok
}

// actorRoot returns whose a code is: an IGO's whole code ("IGOUNODEVWBK"),
// else its country ("USA" of "USAGOV"), or "" for a code of an agent
// alone.
func actorRoot(code string) string {
	switch {
	case strings.HasPrefix(code, "IGO"):
		return code
	case len(code) >= 3:
		return code[:3]
	}
	return ""
}

// personCode codes a person candidate: from its stated role when there is
// one, else from the dictionary at the document date.
func (a *analysis) personCode(c *cand) (code, rule string, ctx bool) {
	pe := c.dictPerson
	dictRule := "dict:person" + a.dateRule()
	if c.role == nil || c.former {
		if pe != nil {
			if code, ok := a.nameCode(pe); ok {
				return code, dictRule, false
			}
		}
		if c.role == nil && c.roleOrg != "" {
			return c.roleOrg, c.rule, false
		}
		return "", c.rule, false
	}
	if c.roleOrg != "" {
		return a.composeRole(c.roleOrg, c.role), c.rule, true
	}
	if pe != nil {
		dc, ok := a.personCodeAt(pe)
		if ok && dc.Code != "" && a.sameRole(dc.Role, c.role.Name) {
			return dc.Code, c.rule, true
		}
		for _, org := range a.sortedOrgs() {
			if h := a.dict.Holder(c.role.Name, org, a.date); h != nil && h.Name == pe.Name {
				return a.composeRole(org, c.role), c.rule + " (holder at " + org + ")", true
			}
		}
		best := -1
		for k, t := range pe.Codes {
			if !a.date.IsZero() && !t.To.IsZero() && t.To.Before(a.date) {
				// the role the text gives is one the person left before
				// the document's date: a title the press keeps for
				// former holders ("Secretary of State X" in a debate
				// three years after X left the office, "Secretary X"),
				// no code now. (A tenure that starts after the date
				// still counts: the text's word outranks a dictionary
				// that may not know the start.)
				continue
			}
			if a.sameRole(t.Role, c.role.Name) && (best < 0 || t.From.After(pe.Codes[best].From)) {
				best = k
			}
		}
		if best >= 0 {
			return pe.Codes[best].Code, c.rule + " (dictionary tenure of the role)", true
		}
		if ok {
			return dc.Code, dictRule + " (stated role not in dictionary)", false
		}
		return "", c.rule + " (no organisation)", false
	}
	for _, org := range a.sortedOrgs() {
		if h := a.dict.Holder(c.role.Name, org, a.date); h != nil && normName(h.Name) == normName(c.name) {
			return a.composeRole(org, c.role), c.rule + " (holder at " + org + ")", true
		}
	}
	return "", c.rule + " (no organisation)", false
}

// buildEntities codes the person candidates and groups them into the
// document's people, recording stated roles.
func (a *analysis) buildEntities() {
	sort.SliceStable(a.cands, func(i, j int) bool { return a.cands[i].span.Start < a.cands[j].span.Start })
	a.surnamesOfOthers()
	var persons []*cand
	for _, c := range a.cands {
		if c.kind != cPerson || c.dropped {
			continue
		}
		persons = append(persons, c)
		if c.dictPerson == nil && c.name != "" && !c.noDict {
			c.dictPerson = a.dict.Person(c.name)
		}
		code, rule, ctx := a.personCode(c)
		ent := a.entityFor(c.dictPerson, c.name, c.span.Start)
		if ctx && !ent.ctx {
			ent.code, ent.ctx = code, true
		} else if !ent.ctx && ent.code == "" {
			ent.code = code
		}
		c.ent, c.ctx = ent, ctx
		g := a.nameGender(c.name)
		if g == 0 && ent.name != c.name {
			// (the words before a name may hide its given name from
			// nameGender: "Democratic presidential nominee Hillary …")
			g = a.nameGender(ent.name)
		}
		ent.note(g)
		c.actor = actorT{Code: code, Name: ent.name, Person: true}
		if !c.speaker {
			c.rule = rule
		}
		if normName(stripHonorific(a.v, c.name)) == ent.full {
			ent.hasFull = true
		}
		if c.role != nil && !c.former {
			h := roleHolder{role: a.roleKey(c.role), org: c.roleOrg, ent: ent, pos: c.span.Start}
			if t := a.doc.Text[c.span.Start:c.span.End]; c.name != "" && strings.HasSuffix(t, c.name) {
				h.written = normName(t[:len(t)-len(c.name)])
			}
			a.roles = append(a.roles, h)
		}
	}
	for _, c := range persons {
		ent := c.ent
		if !c.ctx && (ent.ctx || c.actor.Code == "") && c.actor.Code != ent.code {
			c.actor.Code = ent.code
			if !c.speaker {
				c.rule = ruleName
			}
		}
		if !c.speaker && c.role == nil && ent.hasFull && normName(stripHonorific(a.v, c.name)) != ent.full {
			c.rule = ruleSurname
		}
		c.kind = cResolved
	}
}

// setOffInTurn reports whether the one-word name c stands in a
// transcript's turn set off by punctuation on both sides, as a person
// spoken to is ("Thank you, Lester.", "Lester, we need …", "— wait,
// Anderson, 600 times").
func (a *analysis) setOffInTurn(c *cand) bool {
	if len(a.doc.Turns) == 0 || c.tj != c.ti+1 || c.sent < 0 || c.sent >= len(a.sents) {
		return false
	}
	i := sort.Search(len(a.doc.Turns), func(i int) bool { return a.doc.Turns[i].Content.End > c.span.Start })
	if i == len(a.doc.Turns) || a.doc.Turns[i].Content.Start > c.span.Start {
		return false
	}
	low := a.sents[c.sent].low
	before := c.ti == 0 || isSetOff(low[c.ti-1])
	after := c.tj < len(low) && isSetOff(low[c.tj])
	return before && after
}

// isSetOff reports whether a token is punctuation that sets a word off.
func isSetOff(w string) bool {
	switch w {
	case ",", ".", "?", "!", ":", ";", "--", "—", "–", "...", "…":
		return true
	}
	return false
}

// givenNamed returns the one person the document named in full before
// pos whose given name is n, the first word of the name ("Paul" after
// "Paul Okafor"), as debaters and family members are named; none when
// two people bear it, or someone bears it as a surname, or when the list
// of given names (data/text/genders.txt) does not know it ("Kelby", a
// town, after "Kelby Brannock"; "Indiana" of an "Indiana GOP" the words
// made a person's).
func (a *analysis) givenNamed(n string, pos int) []*entity {
	if a.td == nil || a.td.Gender(n, text.GenderName) == 0 {
		return nil
	}
	var out []*entity
	for _, e := range a.ents {
		ws := strings.Fields(e.full)
		if len(ws) < 2 || e.first >= pos {
			continue
		}
		switch {
		case e.surname == n:
			return nil
		case ws[0] == n && e.surname != ws[0]:
			out = append(out, e)
		}
	}
	if len(out) != 1 {
		return nil
	}
	return out
}

// titledSurname returns the document's people of surname whom it gave,
// before pos, a role that title opens, as the text writes the role or as
// the dictionary calls it ("Secretary Okafor" after "Secretary General
// Juma Okafor"; "Secretary Clinton" after "Secretary of State Hillary
// Clinton", the dictionary's foreign minister): a title with a surname,
// which no role the dictionary knows makes a role mention, is that
// person, not someone named "Secretary Okafor". Nobody, when title opens
// no role given to someone of that surname.
func (a *analysis) titledSurname(title, surname string, pos int) []*entity {
	var out []*entity
	for _, h := range a.roles {
		if h.ent == nil || h.pos >= pos || h.ent.surname != surname || slices.Contains(out, h.ent) {
			continue
		}
		w, _, _ := strings.Cut(h.role, " ")
		ww, _, _ := strings.Cut(h.written, " ")
		if w == title || ww == title {
			out = append(out, h.ent)
		}
	}
	// a person of the dictionary the document names, by a title of one
	// of their offices ("Secretary Clinton" for a secretary of state)
	for _, e := range a.ents {
		if e.dict == nil || e.first >= pos || e.surname != surname || slices.Contains(out, e) {
			continue
		}
		for _, c := range e.dict.Codes {
			if a.dict.Titled(title, c.Role) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// dictPersonAt returns the dictionary's person of name n (Person), but a
// surname alone only at a date of one of their offices: a common surname
// is otherwise anybody's ("Wallace", a television host in 2016, was a
// British minister of 2019), and an undated document keeps no such
// reading.
func (a *analysis) dictPersonAt(n string) *actors.Entry {
	pe := a.dict.Person(n)
	if pe != nil && a.dict.BySurname(n) && !pe.HeldAt(a.date) {
		return nil
	}
	return pe
}

// entityFor returns the document's entity for a person, making it.
func (a *analysis) entityFor(pe *actors.Entry, name string, pos int) *entity {
	key := "n:" + normName(stripHonorific(a.v, name))
	display := displayName(stripHonorific(a.v, name))
	if pe != nil {
		key = "d:" + normName(pe.Name)
		display = pe.Name
	}
	if e, ok := a.byKey[key]; ok {
		return e
	}
	full := normName(display)
	ws := strings.Fields(full)
	e := &entity{name: display, dict: pe, full: full, first: pos}
	if pe != nil && a.td != nil {
		// the dictionary's full name says the gender its given name has
		// ("Barack Obama"), wherever the text names him by surname alone
		e.note(a.nameGender(pe.Name))
	}
	switch {
	case pe != nil && pe.Surname != "":
		e.surname = normName(pe.Surname) // "Ban" of "Ban Ki-moon"
	case len(ws) > 0:
		e.surname = ws[len(ws)-1]
	}
	a.byKey[key] = e
	a.ents = append(a.ents, e)
	return e
}

// surnameTokens adds as name candidates the capitalised words that are
// the surname of a person the document names in full, where no other
// candidate covers them: the tagger may read "Doe" at the start of a
// sentence as a common noun, but once Jane Doe is named it is her. It
// keeps the candidates in text order and reports whether it added any.
func (a *analysis) surnameTokens() bool {
	surnames := map[string]bool{}
	firstNames := map[string]bool{} // given names, as proper nouns only
	for _, e := range a.ents {
		ws := strings.Fields(e.name)
		if len(ws) < 2 {
			continue
		}
		sur := ws[len(ws)-1]
		if e.dict != nil && e.dict.Surname != "" {
			sur = e.dict.Surname
		}
		if utf8.RuneCountInString(sur) >= 3 {
			surnames[sur] = true
		}
		if sur != ws[0] && a.td.Gender(ws[0], text.GenderName) != 0 {
			// (a word the list of given names knows: not "Indiana" of an
			// "Indiana GOP" the words made a person)
			firstNames[ws[0]] = true
		}
	}
	if len(surnames) == 0 {
		return false
	}
	given := a.surnamesOverDemonyms(surnames)
	// The candidates are sorted by start (buildEntities); reach[i] is the
	// furthest end among the first i+1 (a demonym given up for a surname
	// reaches nowhere).
	reach := make([]int, len(a.cands))
	for i, c := range a.cands {
		if !given[c] {
			reach[i] = c.span.End
		}
		if i > 0 && reach[i-1] > reach[i] {
			reach[i] = reach[i-1]
		}
	}
	covered := func(start int) bool {
		i := sort.Search(len(a.cands), func(i int) bool { return a.cands[i].span.Start > start }) - 1
		return i >= 0 && reach[i] > start
	}
	var extra []*cand
	for _, s := range a.sents {
		for i, t := range s.toks {
			if !surnames[t.Text] && !(firstNames[t.Text] && t.Tag == "NNP") || covered(t.Start) {
				continue
			}
			extra = append(extra, &cand{kind: cName, span: a.span(t.Start, t.End), sent: s.idx, ti: i, tj: i + 1,
				name: t.Text, subject: isSubject(s, pastPoss(s, i+1))})
		}
	}
	for _, c := range extra {
		a.add(c)
	}
	if len(extra) > 0 {
		sort.SliceStable(a.cands, func(i, j int) bool { return a.cands[i].span.Start < a.cands[j].span.Start })
	}
	return len(extra) > 0
}

// surnamesOverDemonyms drops the dictionary's reading of a word as a
// demonym ("Cuban" → Cuba) where the word is the surname of a person the
// document names in full ("Mark Cuban") and stands alone as a name: no
// determiner before it ("a Cuban", "the Cuban" are people of Cuba) and no
// noun after it (the chunker already leaves "Cuban exiles" out); and so
// for the name of a country or a capital ("Jordan" of "Jim Jordan") that
// is the subject of a verb of saying. The surname is then a name of the
// document's people (surnameTokens). It returns the candidates it
// dropped.
func (a *analysis) surnamesOverDemonyms(surnames map[string]bool) map[*cand]bool {
	var given map[*cand]bool
	for _, c := range a.cands {
		if c.dropped || c.entry == nil || c.tj != c.ti+1 {
			continue
		}
		s := a.sents[c.sent]
		if !surnames[s.toks[c.ti].Text] || c.ti > 0 && s.toks[c.ti-1].UPOS == "DET" {
			continue
		}
		switch c.entry.Kind {
		case actors.Demonym:
		case actors.Country, actors.Capital:
			// "Rep. Jim Jordan (R-Ohio) … ¶ “…,” Jordan said": the
			// country's name alone as the subject of a verb of saying
			// ("Jordan is a small country" stays the country)
			if !c.subject || !a.says(c) {
				continue
			}
		default:
			continue
		}
		c.dropped = true
		if given == nil {
			given = map[*cand]bool{}
		}
		given[c] = true
	}
	return given
}

// says reports whether candidate c is, in the tree, the subject of a
// verb of saying (saying_verbs).
func (a *analysis) says(c *cand) bool {
	if a.td == nil || c.sent < 0 || c.sent >= len(a.td.Sentences) {
		return false
	}
	a.td.Parse(c.sent)
	k := a.td.Sentences[c.sent].FirstToken + c.ti
	h := a.td.Tokens[k].Head
	return a.td.RelIs(k, "nsubj") && h >= 0 && a.v.saying[strings.ToLower(a.td.Tokens[h].Lemma)]
}

// surnamesOfOthers undoes the dictionary's reading of a surname alone
// ("Tesfaye" → the one person of that surname it knows) when the document
// names someone else by a full name with that word in it ("Paul
// Tesfaye", or "Kim Jong Un" for "Kim", a name written surname first):
// the word is then a name of the document's people, resolved as
// resolveNames does.
func (a *analysis) surnamesOfOthers() {
	var others map[string]bool
	for _, c := range a.cands {
		if c.dropped || c.name == "" || c.kind != cPerson && c.kind != cName {
			continue
		}
		ws := strings.Fields(normName(stripHonorific(a.v, c.name)))
		if len(ws) < 2 || c.dictPerson != nil || a.dict.Person(c.name) != nil || a.dictSuffix(ws) != nil {
			continue
		}
		if others == nil {
			others = make(map[string]bool)
		}
		for _, w := range ws {
			if len(w) > 1 && !strings.HasSuffix(w, ".") {
				others[w] = true // (not an initial)
			}
		}
	}
	if others == nil {
		return
	}
	a.otherSurnames = others
	for _, c := range a.cands {
		if c.kind != cPerson || c.dictPerson == nil || c.speaker || c.dropped {
			continue
		}
		n := normName(stripHonorific(a.v, c.name))
		if others[n] && !strings.Contains(n, " ") && normName(c.dictPerson.Name) != n {
			c.dictPerson, c.noDict = nil, true
			if c.role == nil {
				c.kind = cName
			}
		}
	}
}

// resolveNames resolves names not in the dictionary to the document's
// people, by full name or surname.
//
// A surname that several of the document's people bear, named before it,
// is none of them (the latest is often not the one meant: "Bill
// Clinton's scandals" in an article where "Clinton" is Hillary Clinton),
// and never a person of the dictionary whom the document does not name
// ("Johnson" after "Gary Johnson" and "Jeh Johnson").
func (a *analysis) resolveNames() {
	for _, c := range a.cands {
		if c.kind != cName || c.dropped {
			continue
		}
		n := normName(stripHonorific(a.v, c.name))
		ws := strings.Fields(n)
		if len(ws) == 0 {
			c.dropped = true
			continue
		}
		var found []*entity
		for _, e := range a.ents {
			// (a name with a word before a full name the document gives
			// is that person: "Republican Donald Trump", "Democrat Ana Ruiz")
			if e.full == n || (len(ws) == 1 && e.surname == n) || (len(ws) > 1 && strings.HasSuffix(e.full, " "+n)) ||
				strings.Contains(e.full, " ") && strings.HasSuffix(n, " "+e.full) {
				found = append(found, e)
			}
		}
		var ent *entity
		given := false
		if len(found) == 0 && len(ws) == 2 {
			// "Secretary Clinton" after "Secretary of State Hillary
			// Clinton": a title and a surname
			found = a.titledSurname(ws[0], ws[1], c.span.Start)
		}
		if len(found) == 0 && len(ws) == 1 {
			// "Donald thinks …" in a debate that named Donald Trump
			found, given = a.givenNamed(ws[0], c.span.Start), true
		}
		if g := a.candGender(c); g != 0 {
			// "Mr. Clinton" in an article about Hillary Clinton is not
			// she: a form of address of the other gender rules a person
			// out
			kept := found[:0:0]
			for _, e := range found {
				if !e.conflicts(g) {
					kept = append(kept, e)
				}
			}
			found = kept
		}
		switch {
		case len(found) == 1:
			ent = found[0]
		case len(found) > 1:
			var before []*entity
			for _, e := range found {
				if e.first < c.span.Start {
					before = append(before, e)
				}
			}
			if len(before) == 1 {
				ent = before[0]
			}
		}
		if ent != nil {
			c.kind, c.ent = cResolved, ent
			ent.note(a.candGender(c))
			c.actor = actorT{Code: ent.code, Name: ent.name, Person: true}
			c.rule = ruleSurname
			switch {
			case n == ent.full:
				c.rule = ruleName
			case given:
				c.rule = ruleGivenName
				c.addressed = a.setOffInTurn(c)
			}
			continue
		}
		pe := a.dict.Person(n)
		if pe == nil && len(found) == 0 {
			// "Democrat Amani Odhiambo": a word before a name the
			// dictionary knows
			pe = a.dictSuffix(ws)
		}
		var aside *actors.Entry // the dictionary's person whose surname alone is set aside
		if pe != nil && len(ws) == 1 && (a.dictPersonAt(n) == nil || a.describedElsewhere(c, pe)) {
			// a surname alone, out of office (dictPersonAt), or described
			// as someone of another country ("Hammond, the Indiana
			// national committeeman", not the British minister)
			pe, aside = nil, pe
		}
		if pe != nil && len(found) == 0 && !a.otherSurnames[n] {
			if code, ok := a.nameCode(pe); ok {
				ent := a.entityFor(pe, pe.Name, c.span.Start)
				c.kind, c.ent = cResolved, ent
				c.actor = actorT{Code: code, Name: pe.Name, Person: true}
				c.rule = "dict:person" + a.dateRule()
				continue
			}
		}
		if person, code, ok := a.nameOfOrg(c); ok && (c.honorific || a.subjectOf(c)) {
			// "Dr. Jane Doe of the African Union Commission": a person
			// the dictionary does not know, affiliated as the text says.
			c.kind = cResolved
			c.actor = actorT{Code: code, Name: displayName(stripHonorific(a.v, person)), Person: true}
			c.rule = ruleNameOfOrg
			// the surname alone after this is them, as for any person
			// named in full ("Rep. Duncan Hunter of California" …
			// "Hunter, meanwhile, told …")
			c.ent = a.entityFor(nil, person, c.span.Start)
			c.ent.note(a.nameGender(person))
			continue
		}
		if a.personLike(c, ws) {
			c.kind = cResolved
			c.actor = actorT{Name: displayName(stripHonorific(a.v, c.name)), Person: true}
			c.rule = ruleUnknownName
			c.gender = a.candGender(c) // ("Mrs. Clinton" is no "he")
			if len(ws) >= 2 && a.allProper(c) {
				// a person the dictionary does not know, named in full:
				// the surname alone after this is them (not "Injecting
				// Clinton", a verb the capital of a sentence made a name)
				c.ent = a.entityFor(nil, c.name, c.span.Start)
				c.ent.note(a.nameGender(c.name))
				c.ent.note(a.apposGender(c))
			}
			continue
		}
		if aside != nil && len(found) == 0 && !a.namedInFullBefore(c) && a.mainSubject(c) && !a.subjectOfThing(c) {
			// the surname alone as the subject of its sentence is still
			// someone, known by it and nothing more: not the dictionary's
			// person out of office or in a document of no known date, but
			// no one else either ("Obama also addressed Trump's concerns
			// …, he added" is not Trump's); of the gender the
			// dictionary's full name says, the likelier
			c.kind = cResolved
			c.actor = actorT{Name: displayName(c.name), Person: true}
			c.rule = ruleUnknownName
			c.gender = a.nameGender(aside.Name)
			continue
		}
		c.dropped = true
		// (several of the document's people bear it: someone, but not
		// known who; a pronoun near it may be them, see antecedent)
		c.ambiguous = len(found) > 1
	}
}

// mainSubject reports whether the tree makes candidate c the subject of
// its sentence's main verb.
func (a *analysis) mainSubject(c *cand) bool {
	t := a.treeTok(c, "nsubj")
	if t < 0 {
		return false
	}
	v := a.td.Tokens[t].Head
	return v >= 0 && a.td.Tokens[v].Head < 0
}

// namedInFullBefore reports whether a name of several words before
// one-word name c ends with it ("Jeb Bush" before "Bush"), whatever
// became of that name: the surname may be theirs, which the quotes stage
// reads from the words.
func (a *analysis) namedInFullBefore(c *cand) bool {
	if a.fullNameEnds == nil {
		// the first offset of a name of several words ending in each
		// word, made once
		a.fullNameEnds = map[string]int{}
		add := func(name string, at int) {
			// each run of two capitalised words or more ("Chris Wallace"
			// of "Chris Wallace of Fox News")
			run := 0
			ws := strings.Fields(name)
			for i, w := range ws {
				if !model.StartsUpper(w) {
					run = 0
					continue
				}
				run++
				if end := i+1 == len(ws) || !model.StartsUpper(ws[i+1]); end && run >= 2 {
					if k, ok := a.fullNameEnds[w]; !ok || at < k {
						a.fullNameEnds[w] = at
					}
				}
			}
		}
		for _, x := range a.cands {
			add(x.name, x.span.Start)
		}
		if a.td != nil {
			for _, nm := range a.td.Names() {
				add(nm.Text, nm.Start)
			}
		}
	}
	at, ok := a.fullNameEnds[c.name]
	return ok && at < c.span.Start
}

// treeAgrees reports whether the tree makes candidate c a subject as
// word order did ("the Commission on Presidential Debates announced": the
// name before the verb is not its subject). A sentence whose parse was
// deferred is parsed for this (treeSubject).
func (a *analysis) treeAgrees(c *cand) bool {
	if a.td == nil || c.sent < 0 || c.sent >= len(a.sents) || c.ti < 0 {
		return true
	}
	s := a.sents[c.sent]
	if a.treeSubject(s, c.ti, c.tj) {
		return true
	}
	// the subject may be the title the name hangs on ("Vermont Sen. Bernie
	// Sanders is …", with "Sen." the subject and the name flat on it), or
	// a name it is coordinated with ("Arvo Mayor and Tiit Mayor host …")
	first := a.td.Sentences[c.sent].FirstToken
	for k := c.ti; k < c.tj && k < len(s.toks); k++ {
		h := first + k
		for a.td.RelIs(h, "flat", "compound", "conj") && a.td.Tokens[h].Head >= 0 && a.td.Tokens[a.td.Tokens[h].Head].UPOS == "PROPN" {
			h = a.td.Tokens[h].Head
		}
		if a.td.RelIs(h, "nsubj") {
			return true
		}
	}
	return false
}

// dictSuffix returns the dictionary's person whose full name or alias
// ends the name ws (normalised words) after one or more words before it
// ("democrat amani odhiambo"), or nil. The rest must be two words or more:
// a surname alone is not asked.
func (a *analysis) dictSuffix(ws []string) *actors.Entry {
	for i := 1; i+2 <= len(ws); i++ {
		if pe := a.dict.Person(strings.Join(ws[i:], " ")); pe != nil {
			return pe
		}
	}
	return nil
}

// allProper reports whether the words of candidate c after any form of
// address are all tagged as proper nouns.
func (a *analysis) allProper(c *cand) bool {
	if c.sent < 0 || c.sent >= len(a.sents) || c.ti < 0 {
		return false
	}
	toks := a.sents[c.sent].toks
	for k := c.ti; k < c.tj && k < len(toks); k++ {
		if a.v.honorifics[strings.TrimSuffix(strings.ToLower(toks[k].Text), ".")] {
			continue
		}
		if t := toks[k].Tag; t != "NNP" && t != "NNPS" {
			return false
		}
	}
	return true
}

// nameOfOrg splits "Jane Doe of the African Union Commission" into the
// person and the code of the organisation or country the dictionary
// knows by the rest of the name. The name must be two to four words. A
// place of a country counts as its country ("Gov. Jane Doe of New Harrow")
// unless more of the place follows ("of Laconia, N.H.": a place's name
// alone may be another country's place).
func (a *analysis) nameOfOrg(c *cand) (string, string, bool) {
	name := c.name
	i := strings.Index(name, " of ")
	if i < 0 {
		return "", "", false
	}
	person := strings.TrimSpace(name[:i])
	if n := len(strings.Fields(stripHonorific(a.v, person))); n < 2 || n > 4 {
		return "", "", false
	}
	words := strings.Fields(name[i+len(" of "):])
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) == 0 {
		return "", "", false
	}
	e, n := a.dict.Match(words, 0)
	if (e == nil || n != len(words)) && a.r.places != nil && !a.placeGoesOn(c) {
		// "Gov. Ana Ruiz of New Harrow": a place of a country
		e, n = a.r.places.Match(words, 0)
	}
	if e == nil || n != len(words) {
		return "", "", false
	}
	switch e.Kind {
	case actors.Country, actors.IGO, actors.Body, actors.Actor:
	default:
		return "", "", false
	}
	code := e.Code()
	if code == "" {
		return "", "", false
	}
	return person, code, true
}

// placeGoesOn reports whether candidate c is followed by a comma and a
// capitalised word: more of the place it ends with ("Laconia, N.H.").
func (a *analysis) placeGoesOn(c *cand) bool {
	if c.sent < 0 || c.sent >= len(a.sents) {
		return true
	}
	s := a.sents[c.sent]
	return c.tj+1 < len(s.toks) && s.low[c.tj] == "," && model.StartsUpper(s.toks[c.tj+1].Text)
}

// personLike reports whether an unknown name looks like a person's: after
// a form of address (with no non-person word: "Miss Universe" is a
// title), or two to four words, the subject of a verb or right after a
// noun for a person ("the nominee Jane Doe"), with no organisation word
// and not all in capitals.
func (a *analysis) personLike(c *cand, ws []string) bool {
	if c.honorific {
		// (but "Miss Universe" is a title)
		return !slices.ContainsFunc(ws, func(w string) bool { return a.v.nonPerson[w] })
	}
	if len(ws) < 2 || len(ws) > 4 || !(c.titled || a.describedAfter(c) || a.relativeWho(c) || a.describedBefore(c) || a.agedAfter(c) || a.subjectOf(c) && a.treeAgrees(c) && !a.subjectOfThing(c)) {
		return false
	}
	for _, w := range ws {
		if a.v.orgWords[w] || a.v.nonPerson[w] {
			return false
		}
	}
	if a.thingNamed(c) {
		return false
	}
	return strings.ToUpper(c.name) != c.name
}

// thingNamed reports whether name c is given, by a naming phrase right
// before it, to a common noun for no person: "a terrorist group known as
// Ansar al-Sharia" names a group.
func (a *analysis) thingNamed(c *cand) bool {
	if c.sent < 0 || c.sent >= len(a.sents) || c.ti < 1 {
		return false
	}
	s := a.sents[c.sent]
	for _, ph := range a.v.naming {
		k := c.ti - len(ph)
		if k < 1 || !slices.Equal(s.low[k:c.ti], ph) {
			continue
		}
		n := k - 1
		if n >= 0 && s.low[n] == "," {
			n--
		}
		if n < 0 {
			return false
		}
		t := s.toks[n].Tag
		return (t == "NN" || t == "NNS") && !a.v.personNouns[s.low[n]]
	}
	return false
}

// relativeWho reports whether name c is followed by a comma and a
// relative pronoun of persons (person_relatives: "Ted Cruz, who badly
// needs a win, received …"): a name so described is someone's whatever
// the parse makes of the sentence.
func (a *analysis) relativeWho(c *cand) bool {
	if c.sent < 0 || c.sent >= len(a.sents) {
		return false
	}
	s := a.sents[c.sent]
	return c.tj+1 < len(s.low) && s.low[c.tj] == "," && a.v.personRelatives[s.low[c.tj+1]]
}

// treeTok returns the first word of name c that the tree gives one of
// the relations rels, parsing its sentence if the parse was deferred;
// -1 when none does.
func (a *analysis) treeTok(c *cand, rels ...string) int {
	if a.td == nil || c.sent < 0 || c.sent >= len(a.td.Sentences) || c.ti < 0 {
		return -1
	}
	a.td.Parse(c.sent)
	first := a.td.Sentences[c.sent].FirstToken
	for k := c.ti; k < c.tj && first+k < len(a.td.Tokens); k++ {
		if a.td.RelIs(first+k, rels...) {
			return first + k
		}
	}
	return -1
}

// describer returns the common noun for a person that name c stands in
// apposition to, set off by a comma before it ("His digital mastermind,
// Jo Varga, helms …"), as the tree reads it; -1 when there is none.
func (a *analysis) describer(c *cand) int {
	if c.sent < 0 || c.sent >= len(a.sents) || c.ti < 1 || a.sents[c.sent].low[c.ti-1] != "," {
		return -1
	}
	t := a.treeTok(c, "appos")
	if t < 0 {
		return -1
	}
	h := a.td.Tokens[t].Head
	if h < 0 || h >= a.td.Sentences[c.sent].FirstToken+c.ti || a.td.Tokens[h].UPOS != "NOUN" || !a.v.personNouns[strings.ToLower(a.td.Tokens[h].Text)] {
		return -1
	}
	return h
}

// describedBefore reports whether name c stands beside a noun for a
// person before it (describer).
func (a *analysis) describedBefore(c *cand) bool { return a.describer(c) >= 0 }

// apposGender returns the gender of the noun for a person that name c is
// set beside ("his wife, Ana Varga,": 'f'), or 0.
func (a *analysis) apposGender(c *cand) byte {
	if h := a.describer(c); h >= 0 {
		return a.td.Gender(a.td.Tokens[h].Text, text.GenderNoun)
	}
	return 0
}

// subjectOfThing reports whether name c is the subject of a copula whose
// predicate is a common noun for no person ("Sandy Hook wasn't just a
// national tragedy"): such a subject says nothing of being someone.
func (a *analysis) subjectOfThing(c *cand) bool {
	t := a.treeTok(c, "nsubj")
	if t < 0 {
		return false
	}
	if ap := a.td.Dependent(t, "appos"); ap >= 0 && a.v.personNouns[strings.ToLower(a.td.Tokens[ap].Text)] {
		return false // "X, the campaign's former manager, was …"
	}
	h := a.td.Tokens[t].Head
	// (a predicate with a preposition is no noun predicate: "was at one
	// point shopping a book")
	return h >= 0 && a.td.Tokens[h].UPOS == "NOUN" && a.td.Dependent(h, "cop") >= 0 && a.td.Dependent(h, "case") < 0 &&
		!a.v.personNouns[strings.ToLower(a.td.Tokens[h].Text)]
}

// describedAfter reports whether a description of a person stands in
// apposition right after name c: a comma, then within a few words a
// common noun for a person before any verb or punctuation ("Jo Varga,
// president of the Harrowgate Institute, …", "Jo Varga, a former
// executive director of …"). Such a name is a person's whatever the
// parse makes of the sentence.
func (a *analysis) describedAfter(c *cand) bool {
	if c.sent < 0 || c.sent >= len(a.sents) {
		return false
	}
	s := a.sents[c.sent]
	if c.tj+1 >= len(s.low) || s.low[c.tj] != "," {
		return false
	}
	for k := c.tj + 1; k < len(s.toks) && k <= c.tj+5; k++ {
		switch t := s.toks[k].Tag; {
		case t == "NN" && a.v.personNouns[s.low[k]]:
			// (not a title before the next name of a list: "X, former
			// Arkansas governor Mike Huckabee, ...")
			return k+1 >= len(s.toks) || s.toks[k+1].Tag != "NNP"
		case t == "DT" || strings.HasPrefix(t, "JJ") || t == "NN" || t == "NNP":
		default:
			return false
		}
	}
	return false
}

// agedAfter reports whether name c is followed by an age set off by
// commas ("Marcel Lazar, 44, said"): someone's, wherever the parse hangs
// the name (it made it an apposition of "his plea" before it).
func (a *analysis) agedAfter(c *cand) bool {
	if c.sent < 0 || c.sent >= len(a.sents) {
		return false
	}
	s := a.sents[c.sent]
	k := c.tj
	if k+2 >= len(s.low) || s.low[k] != "," || s.low[k+2] != "," || s.toks[k+1].Tag != "CD" {
		return false
	}
	n, err := strconv.Atoi(s.low[k+1])
	return err == nil && n > 0 && n <= maxAge
}

// maxAge bounds a number read as a person's age after a name.
const maxAge = 120

// describedElsewhere reports whether an apposition right after name c
// (see describedAfter) names a country, or a place or people of one, that
// is none of the countries of the dictionary's person pe, who holds an
// office at the document's date (the places of data/actors/places.yaml
// count): the text describes someone else of that surname.
func (a *analysis) describedElsewhere(c *cand, pe *actors.Entry) bool {
	if !a.describedAfter(c) {
		return false
	}
	if _, ok := pe.CodeAt(a.date); !ok {
		return false
	}
	// the countries of all the person's offices: "Ban, the South Korean
	// diplomat" is the UN's Secretary General, once his country's
	// minister (a person of an international organisation alone is
	// described by nationality as anyone: not asked)
	countries := map[string]bool{}
	for _, dc := range pe.Codes {
		if r := actorRoot(dc.Code); len(r) == 3 {
			countries[r] = true
		}
	}
	if len(countries) == 0 {
		return false
	}
	s := a.sents[c.sent]
	for k := c.tj + 1; k < len(s.toks) && k <= c.tj+8; k++ {
		if s.toks[k].Tag == "," || s.toks[k].Tag == "." {
			break
		}
		e, n := a.dictMatch(s, k)
		if e == nil && a.r.places != nil {
			e, n = a.r.places.Match(s.words, k)
		}
		if e == nil {
			continue
		}
		switch e.Kind {
		case actors.Country, actors.Demonym, actors.Capital:
			if r := actorRoot(e.Code()); len(r) == 3 {
				return !countries[r]
			}
		}
		k += n - 1
	}
	return false
}

// roleOfUnknown reports whether role phrase c is the role of something
// the dictionary does not know: "president of the Harrowgate Institute"
// ends at "of" when no organisation follows that the dictionary names,
// and is not whoever the document calls "the president".
func (a *analysis) roleOfUnknown(c *cand) bool {
	if c.roleOrg != "" || c.sent < 0 || c.sent >= len(a.sents) {
		return false
	}
	s := a.sents[c.sent]
	return c.tj+1 < len(s.low) && s.low[c.tj] == "of"
}

// resolveRoles resolves role phrases to their holder: in the document,
// else in the dictionary at the document date.
func (a *analysis) resolveRoles() {
	for _, c := range a.cands {
		if c.kind != cRole || c.dropped {
			continue
		}
		if c.former || a.roleOfUnknown(c) {
			c.dropped = true
			continue
		}
		if actor, ent, ok := a.addressedSurname(c); ok {
			// "Mr. King" where the document names Larry King: a form of
			// address with a surname, not the role the word also names
			c.kind, c.ent, c.actor = cResolved, ent, actor
			c.rule = ruleSurname
			continue
		}
		key := a.roleKey(c.role)
		if ent := a.docHolder(key, c.roleOrg, c.span.Start); ent != nil {
			code := ent.code
			if code == "" {
				code = a.composeRole(c.roleOrg, c.role)
			}
			c.kind, c.ent = cResolved, ent
			c.actor = actorT{Code: code, Name: ent.name, Person: true}
			c.rule = ruleRole
			continue
		}
		if h, org, fromDoc := a.dictHolder(c); h != nil {
			code := a.holderCode(h, c.role, org)
			ent := a.entityFor(h, h.Name, c.span.Start)
			if ent.code == "" {
				ent.code = code
			}
			c.kind, c.ent = cResolved, ent
			c.actor = actorT{Code: code, Name: h.Name, Person: true}
			c.rule = "dict:holder" + a.dateRule()
			if fromDoc {
				c.rule += " (organisation from document)"
			}
			continue
		}
		code := a.composeRole(c.roleOrg, c.role)
		if code == "" {
			c.dropped = true
			continue
		}
		c.kind = cResolved
		c.actor = actorT{Code: code, Person: true}
		c.rule = ruleRoleUnknown
	}
}

// addressedSurname returns the one person of the document whose surname
// a role mention is, when the mention is a form of address and one word
// ("Mr. King", "Ms. Bishop"): a person the dictionary knows or a name it
// does not, named in full before; ok is false when there is none or more
// than one.
func (a *analysis) addressedSurname(c *cand) (actorT, *entity, bool) {
	text := a.doc.Text[c.span.Start:c.span.End]
	bare := stripHonorific(a.v, text)
	if bare == text || strings.Contains(bare, " ") {
		return actorT{}, nil, false
	}
	n := normName(bare)
	var found actorT
	var ent *entity
	names := 0
	for _, e := range a.ents {
		if e.surname == n && e.full != n && (ent == nil || e != ent) {
			ent, found = e, actorT{Code: e.code, Name: e.name, Person: true}
			names++
		}
	}
	for _, x := range a.cands {
		if x.span.Start >= c.span.Start || x.kind != cResolved || x.rule != ruleUnknownName || !x.actor.Person {
			continue
		}
		ws := strings.Fields(normName(x.actor.Name))
		if len(ws) < 2 || ws[len(ws)-1] != n || x.actor.Name == found.Name {
			continue
		}
		found, ent = x.actor, nil
		names++
	}
	return found, ent, names == 1
}

// docHolder returns the person holding role (at org, when given) in this
// document: the only one, else the nearest stated before pos, else the
// nearest after.
func (a *analysis) docHolder(role, org string, pos int) *entity {
	if a.rolesBy == nil {
		// The stated roles are all known before roles are resolved:
		// index them by role once, so that each question reads only the
		// holders of its role.
		a.rolesBy = map[string][]roleHolder{}
		for _, h := range a.roles {
			a.rolesBy[h.role] = append(a.rolesBy[h.role], h)
		}
	}
	var hs []roleHolder
	for _, h := range a.rolesBy[role] {
		if org != "" && orgPrefix(h.org) != orgPrefix(org) && (h.org != "" || !strings.HasPrefix(h.ent.code, orgPrefix(org))) {
			continue
		}
		hs = append(hs, h)
	}
	if len(hs) == 0 {
		return nil
	}
	distinct := map[*entity]bool{}
	orgs := map[string]bool{}
	for _, h := range hs {
		distinct[h.ent] = true
		orgs[orgPrefix(h.org)] = true
	}
	if len(distinct) == 1 {
		return hs[0].ent
	}
	if org == "" && len(orgs) > 1 {
		// "the president" in an article that names the World Bank's and
		// the country's: of which, the words do not say
		return nil
	}
	var before, after *roleHolder
	for k := range hs {
		h := &hs[k]
		if h.pos < pos && (before == nil || h.pos > before.pos) {
			before = h
		}
		if h.pos > pos && (after == nil || h.pos < after.pos) {
			after = h
		}
	}
	if before != nil {
		return before.ent
	}
	if after != nil {
		return after.ent
	}
	return nil
}

// dictHolder finds the dictionary's holder of a role at the stated
// organisation, or at the one organisation of the document's that has a
// holder. fromDoc is true in the second case.
func (a *analysis) dictHolder(c *cand) (h *actors.Entry, org string, fromDoc bool) {
	if a.date.IsZero() {
		// who holds an office now is no evidence of who held it when an
		// undated text was written
		return nil, "", false
	}
	if c.roleOrg != "" {
		org = orgPrefix(c.roleOrg)
		return a.dict.Holder(c.role.Name, org, a.date), org, false
	}
	for _, o := range a.sortedOrgs() {
		x := a.dict.Holder(c.role.Name, o, a.date)
		if x == nil {
			continue
		}
		if h != nil && h.Name != x.Name {
			return nil, "", false
		}
		if h == nil {
			h, org = x, o
		}
	}
	return h, org, true
}

// holderCode returns the code of the holder's tenure of role at org.
func (a *analysis) holderCode(h *actors.Entry, role *actors.Entry, org string) string {
	for _, t := range h.Codes {
		if a.sameRole(t.Role, role.Name) && strings.HasPrefix(t.Code, org) && (a.date.IsZero() || t.Contains(a.date)) {
			return t.Code
		}
	}
	if dc, ok := h.CodeAt(a.date); ok {
		return dc.Code
	}
	return a.composeRole(org, role)
}

// resolveDefinites resolves "the Council", "the Alliance" to the most
// recent organisation mention that fits.
func (a *analysis) resolveDefinites() {
	for k, c := range a.cands {
		if c.kind != cDefinite || c.dropped {
			continue
		}
		kind := a.v.heads[c.head]
		var ante *cand
		for x := k - 1; x >= 0 && ante == nil; x-- {
			p := a.cands[x]
			if p.dropped || p.kind != cResolved || p.entry == nil {
				continue
			}
			switch {
			case kind == "igo" && p.entry.Kind == actors.IGO:
				ante = p
			case kind == "body" && (p.entry.Kind == actors.Body || p.entry.Kind == actors.IGO || p.entry.Kind == actors.Actor):
				if ws := strings.Fields(normName(p.entry.Name)); len(ws) > 0 && ws[len(ws)-1] == c.head {
					ante = p
				}
			}
		}
		if ante == nil {
			c.dropped = true
			continue
		}
		c.kind, c.entry = cResolved, ante.entry
		c.actor = ante.actor
		c.rule = ruleDefinite
	}
}

// resolvePronouns resolves pronoun candidates in document order.
func (a *analysis) resolvePronouns() {
	// The candidates are in text order, so the pronouns of a sentence
	// are resolved in order, and what an antecedent search needs is
	// gathered as the pronouns advance: each candidate is added once to
	// the running choice of its sentence, and a previous sentence's
	// choice is made once. A sentence with many pronouns and names then
	// costs n·log n, not n².
	bySent := map[int][]*cand{}
	a.ambiguousBySent = map[int][]*cand{}
	for _, c := range a.cands {
		bySent[c.sent] = append(bySent[c.sent], c)
		if c.ambiguous {
			a.ambiguousBySent[c.sent] = append(a.ambiguousBySent[c.sent], c)
		}
	}
	prev := map[[3]int]*cand{}
	speakerOf := a.turnSpeakers()
	var cur *pronounScope
	for _, c := range a.cands {
		if c.kind != cPronoun || c.dropped {
			continue
		}
		if cur == nil || cur.sent != c.sent {
			cur = newPronounScope(c.sent, bySent[c.sent])
			cur.td = a.td
			cur.closeOf = a.quotationCloses(c.sent)
		}
		if p := a.mainSubjectPronoun(c, bySent[c.sent]); p != nil {
			// "He visited Netanyahu in Israel, where he also met
			// reporters": the clause's "he" is the main clause's, known
			// or not, not the nearest name between them
			if p.kind == cResolved {
				c.kind, c.actor, c.ent, c.rule = cResolved, p.actor, p.ent, rulePronoun
			} else {
				c.dropped = true
			}
			continue
		}
		ante := a.antecedent(c, cur, bySent, prev)
		if self, inTurn := speakerOf(c.span.Start); ante != nil && inTurn {
			// A speaker is "I" in his own turn: its "he" or "she" is
			// someone else, though his label is the nearest name; nor is
			// it whoever spoke the turn before (a moderator's question,
			// then "He went on to say …" of the other candidate). A
			// label is no word of the discourse, nor is a header's list
			// of who takes part: only the names the turns' words give
			// are.
			skip := func(x *cand) bool {
				_, spoken := speakerOf(x.span.Start)
				return x.speaker || !spoken || self != nil && x.ent == self
			}
			if skip(ante) {
				ante = a.antecedentBut(c, skip, bySent)
			}
		}
		if ante == nil {
			c.dropped = true
			continue
		}
		c.kind = cResolved
		c.actor = ante.actor
		c.ent = ante.ent
		c.rule = rulePronoun
	}
}

// objectBefore reports whether a person of pronoun c's gender g other
// than x, the antecedent the sentence's subject gives, is the object of
// a verb between x and c, and c is no subject of the sentence's main
// clause ("Adler started by asking Vance why he decided …", "told Okafor
// that he …", "criticized Okafor after he …"): the pronoun may be the
// object's as well as the subject's, and taking the subject would be a
// guess.
func (a *analysis) objectBefore(c, x *cand, same []*cand, g byte) bool {
	if a.td == nil || c.sent < 0 || c.sent >= len(a.td.Sentences) || c.ti < 0 || x.sent != c.sent {
		return false
	}
	a.td.Parse(c.sent)
	first := a.td.Sentences[c.sent].FirstToken
	if h := a.td.Tokens[first+c.ti].Head; h < 0 || a.td.Tokens[h].Head < 0 {
		return false // (the main clause's own pronoun, or the root)
	}
	for _, o := range same {
		if o == x || o.kind != cResolved || o.dropped || !o.actor.Person || pickKey(o) == pickKey(x) ||
			o.ti <= x.ti || o.tj > c.ti || o.otherGender(g) {
			continue
		}
		for k := o.ti; k < o.tj; k++ {
			if a.td.RelIs(first+k, "obj", "iobj") {
				return true
			}
		}
	}
	return false
}

// mainSubjectPronoun returns the pronoun that is the subject of the
// main clause of pronoun c's sentence, when c is the same singular
// personal pronoun, the subject of a clause below the main clause that
// is not what someone says or thinks (a clause of place, time or
// purpose, a relative clause, a coordinated clause): "He visited X,
// where he met Y". In a reported clause the pronoun may be anyone ("He
// told X that he …"), and nil is returned, as it is for any other c.
func (a *analysis) mainSubjectPronoun(c *cand, same []*cand) *cand {
	if c.pron.plural || c.pron.possessive {
		return nil
	}
	low := strings.ToLower(c.span.Text)
	earlier := false
	for _, p := range same {
		if p != c && p.span.Start < c.span.Start && !p.pron.plural && !p.pron.possessive && strings.ToLower(p.span.Text) == low {
			earlier = true
			break
		}
	}
	if !earlier {
		return nil // (asked first: most pronouns have none, and need no parse)
	}
	t := a.treeTok(c, "nsubj")
	if t < 0 {
		return nil
	}
	v := a.td.Tokens[t].Head
	if v < 0 || a.td.RelIs(v, "ccomp", "csubj") || a.td.Tokens[v].Head < 0 {
		return nil
	}
	if a.td.RelIs(v, "parataxis") {
		// (a clause set beside the main one is someone's words, "he
		// said", unless a word before its subject ties it as a clause of
		// place or time: "…, where he met …")
		tied := false
		var buf [16]int
		for _, m := range a.td.Dependents(v, buf[:0]) {
			tied = tied || m < t && a.td.RelIs(m, "advmod", "mark")
		}
		if !tied {
			return nil
		}
	}
	root := a.td.Tokens[v].Head
	for steps := 0; a.td.Tokens[root].Head >= 0 && steps < 8; steps++ {
		if a.td.RelIs(root, "ccomp", "csubj", "parataxis") {
			return nil // (inside what someone says)
		}
		root = a.td.Tokens[root].Head
	}
	if a.td.Tokens[root].Head >= 0 {
		return nil
	}
	for _, p := range same {
		if p == c || p.span.Start >= c.span.Start {
			continue // (the earlier ones are resolved or dropped by now)
		}
		if p.pron.plural || p.pron.possessive || strings.ToLower(p.span.Text) != low {
			continue
		}
		if pt := a.treeTok(p, "nsubj"); pt >= 0 && a.td.Tokens[pt].Head == root {
			return p
		}
	}
	return nil
}

// addressees gives the "you" and "your" (second_person) of a sentence
// that addresses one person by name that person ("Mr. Okafor, you
// promised …", as moderators ask and interviewers quote); a sentence
// that addresses two
// ("Ms. Varga, Mr. Okafor, I thank you both"), or none, keeps them no
// one's. A sentence addresses the people it opens with, each name
// followed by a comma, that the tree makes no subject ("Okafor, the
// mayor, said you …" is about Okafor). The sentence is parsed if its
// parse was deferred, and only when it has such a word.
func (a *analysis) addressees() {
	if a.td == nil {
		return
	}
	var bySent map[int][]*cand
	for _, s := range a.sents {
		var yous []int
		for k, w := range s.low {
			if a.v.secondPerson[w] {
				yous = append(yous, k)
			}
		}
		if len(yous) == 0 {
			continue
		}
		if bySent == nil {
			bySent = map[int][]*cand{}
			for _, c := range a.cands {
				if c.kind == cResolved && !c.dropped && c.ti >= 0 {
					bySent[c.sent] = append(bySent[c.sent], c)
				}
			}
		}
		// the names that open the sentence, each before a comma
		var who *cand
		at, many := 0, false
		for _, c := range bySent[s.idx] {
			if c.ti != at || c.tj >= len(s.low) || s.low[c.tj] != "," || !c.actor.Person || c.actor.Name == "" {
				break
			}
			if a.treeTok(c, "nsubj", "nsubj:pass") >= 0 {
				who = nil
				break
			}
			if who != nil && pickKey(who) != pickKey(c) {
				many = true
			}
			who, at = c, c.tj+1
		}
		if who == nil || many {
			continue
		}
		for _, k := range yous {
			if k < at {
				continue
			}
			t := s.toks[k]
			a.add(&cand{kind: cResolved, span: a.span(t.Start, t.End), sent: s.idx, ti: k, tj: k + 1,
				actor: who.actor, ent: who.ent, rule: model.RuleAddressee})
		}
	}
}

// turnSpeakers reports whether a position is in the words of a
// transcript turn, and the entity of that turn's speaker (nil for a
// label that names no one).
func (a *analysis) turnSpeakers() func(pos int) (*entity, bool) {
	turns := a.doc.Turns
	if len(turns) == 0 {
		return func(int) (*entity, bool) { return nil, false }
	}
	byLabel := map[int]*entity{}
	for _, c := range a.cands {
		if c.speaker && c.ent != nil {
			byLabel[c.span.Start] = c.ent
		}
	}
	return func(pos int) (*entity, bool) {
		i := sort.Search(len(turns), func(i int) bool { return turns[i].Content.End > pos })
		if i == len(turns) || turns[i].Content.Start > pos {
			return nil, false
		}
		return byLabel[turns[i].Label.Start], true
	}
}

// antecedentBut searches again for the antecedent of pronoun c without
// the candidates skip refuses: the words of its sentence before it
// outside quotations, then up to five sentences back, as antecedent
// does, the nearest sentence with a candidate deciding.
func (a *analysis) antecedentBut(c *cand, skip func(x *cand) bool, bySent map[int][]*cand) *cand {
	g := a.td.Gender(c.span.Text, text.GenderPronoun)
	for ps := c.sent; ps >= 0 && ps >= c.sent-5 && ps < len(a.sents); ps-- {
		closes := a.quotationCloses(ps)
		var p picker
		for i, x := range bySent[ps] {
			if skip(x) || ps == c.sent && x.span.End > c.span.Start ||
				x.ti >= 0 && x.ti < len(closes) && closes[x.ti] >= 0 {
				continue
			}
			if agreesAs(c.pron.plural, x) && !x.otherGender(g) {
				x.order = i // (as newPronounScope and antecedent order them)
				p.add(x)
			}
		}
		if p.n > 0 {
			return p.pick(a)
		}
	}
	return nil
}

func (a *analysis) agrees(c, x *cand) bool {
	if x == c {
		return false
	}
	return agreesAs(c.pron.plural, x)
}

// agreesAs reports whether x can be the antecedent of a plural (or
// singular) pronoun.
func agreesAs(plural bool, x *cand) bool {
	if x.dropped || x.kind != cResolved || x.addressed {
		return false
	}
	if plural {
		return !x.actor.Person && x.plural && (x.actor.Code != "" || x.actor.Anonymous)
	}
	return x.actor.Person && x.actor.Name != ""
}

// pronounScope is what the antecedent search knows of one sentence as
// its pronouns are resolved in text order.
type pronounScope struct {
	sent int
	same []*cand
	// byEnd are the sentence's candidates by end offset; the first
	// endDone of them end before the current pronoun and are in choice.
	byEnd   []*cand
	endDone int
	choice  [2]picker // singular, plural
	// byTokEnd are the candidates with tokens by end token; the first
	// tokDone of them end before the current pronoun's first token, and
	// earlier counts those not dropped.
	byTokEnd []*cand
	tokDone  int
	earlier  int
	// byTok maps a first token index to the candidates starting there.
	byTok map[int][]*cand
	// commaFrom[k] is the index of the first "," at or after token k.
	commaFrom []int
	// closeOf is the sentence's quotationCloses.
	closeOf []int
	// open are the candidates in choice inside a quotation not closed
	// before the current pronoun, and openUntil the first of their
	// closing tokens.
	open      []*cand
	openUntil int
	added     []*cand // all the candidates in choice, in the order added
	seen      []*cand // all the candidates ended before the pronoun, quoted or not
	// quotedChoice are the choices among seen for a pronoun in a
	// quotation, by number and gender, and how much of seen each holds:
	// each candidate is weighed once per kind of pronoun, not once per
	// pronoun
	quotedChoice map[quotedKey]*quotedPick
	td           *text.Doc
}

// quotedKey is the kind of a pronoun in a quotation: plural or not, and
// its gender.
type quotedKey struct {
	plural bool
	gender byte
}

// quotedPick is a choice among the first upTo candidates of seen.
type quotedPick struct {
	p    picker
	upTo int
}

// quotedAntecedent picks, for pronoun c in a quotation (of gender g), the
// antecedent among the sentence's words before it, in quotations or not.
func (sc *pronounScope) quotedAntecedent(a *analysis, c *cand, g byte) (*cand, bool) {
	if sc.quotedChoice == nil {
		sc.quotedChoice = map[quotedKey]*quotedPick{}
	}
	key := quotedKey{c.pron.plural, g}
	q := sc.quotedChoice[key]
	if q == nil {
		q = &quotedPick{}
		sc.quotedChoice[key] = q
	}
	for ; q.upTo < len(sc.seen); q.upTo++ {
		if x := sc.seen[q.upTo]; agreesAs(c.pron.plural, x) && !x.otherGender(g) {
			q.p.add(x)
		}
	}
	if q.p.n == 0 {
		return nil, false
	}
	return q.p.pick(a), true
}

// quoted reports whether candidate or pronoun c is inside a quotation.
func (sc *pronounScope) quoted(c *cand) bool { return sc.closeAt(c) >= 0 }

// agentOfSubjectless reports whether candidate x is the agent of a
// passive with no subject of its own ("When pressed by Holt about how he
// would …, his best response was …"): the one pressed is the sentence's
// other person, whom its pronouns mean, not the agent.
//
// Only a candidate after "by" can be one: its sentence is parsed for
// this if its parse was deferred.
func (sc *pronounScope) agentOfSubjectless(x *cand) bool {
	d := sc.td
	if d == nil || x.ti < 1 || x.sent < 0 || x.sent >= len(d.Sentences) {
		return false
	}
	first := d.Sentences[x.sent].FirstToken
	if !strings.EqualFold(d.Tokens[first+x.ti-1].Text, "by") {
		return false
	}
	d.Parse(x.sent)
	return agentOfSubjectless(d, first+x.ti, first+x.tj)
}

// agentOfSubjectless reports whether one of tokens [from, to) of d is the
// agent of a passive verb that has no subject.
func agentOfSubjectless(d *text.Doc, from, to int) bool {
	for i := max(from, 0); i < to && i < len(d.Tokens); i++ {
		if !d.RelIs(i, "obl:agent") {
			continue
		}
		v := d.Tokens[i].Head
		return v >= 0 && d.Dependent(v, "nsubj", "nsubj:pass", "csubj") < 0
	}
	return false
}

func newPronounScope(sent int, same []*cand) *pronounScope {
	sc := &pronounScope{sent: sent, same: same, byTok: map[int][]*cand{}}
	sc.byEnd = append([]*cand(nil), same...)
	sort.SliceStable(sc.byEnd, func(i, j int) bool { return sc.byEnd[i].span.End < sc.byEnd[j].span.End })
	for i, x := range same {
		x.order = i
		if x.ti >= 0 {
			sc.byTokEnd = append(sc.byTokEnd, x)
			sc.byTok[x.ti] = append(sc.byTok[x.ti], x)
		}
	}
	sort.SliceStable(sc.byTokEnd, func(i, j int) bool { return sc.byTokEnd[i].tj < sc.byTokEnd[j].tj })
	return sc
}

// advance adds to the choice the candidates that end before c starts.
// Those are resolved already (they start before c), so what they are
// does not change afterwards.
//
// Words inside a quotation that closes before c are what someone said,
// not who is talking after it: in "“Neither the president nor Congress
// …,” she said" the president is not she. They leave the choice when
// the quotation closes.
//
// A pronoun inside a quotation may mean someone named in an earlier one
// ("“Odhiambo is right,” Varga said, “and he will win.”"): for it the
// quotations before do not count (quoted).
func (sc *pronounScope) advance(c *cand) {
	if len(sc.open) > 0 && c.ti >= 0 && sc.openUntil < c.ti {
		sc.dropClosed(c.ti)
	}
	for ; sc.endDone < len(sc.byEnd) && sc.byEnd[sc.endDone].span.End <= c.span.Start; sc.endDone++ {
		x := sc.byEnd[sc.endDone]
		if sc.agentOfSubjectless(x) {
			continue
		}
		sc.seen = append(sc.seen, x)
		if cl := sc.closeAt(x); cl < 0 || c.ti < 0 || cl >= c.ti {
			sc.add(x)
		}
	}
	for ; sc.tokDone < len(sc.byTokEnd) && sc.byTokEnd[sc.tokDone].tj <= c.ti; sc.tokDone++ {
		if x := sc.byTokEnd[sc.tokDone]; !x.dropped {
			sc.earlier++
		}
	}
}

// add puts x in the choice, and among the open ones when a quotation
// holds it.
func (sc *pronounScope) add(x *cand) {
	if cl := sc.closeAt(x); cl >= 0 {
		if len(sc.open) == 0 || cl < sc.openUntil {
			sc.openUntil = cl
		}
		sc.open = append(sc.open, x)
	}
	sc.added = append(sc.added, x)
	for k, plural := range []bool{false, true} {
		if agreesAs(plural, x) {
			sc.choice[k].add(x)
		}
	}
}

// closeAt returns the token closing the quotation that holds candidate x,
// or -1.
func (sc *pronounScope) closeAt(x *cand) int {
	if x.ti < 0 || x.ti >= len(sc.closeOf) {
		return -1
	}
	return sc.closeOf[x.ti]
}

// dropClosed makes the choice again without the candidates inside a
// quotation closed before token ti (once per closing mark of a sentence
// with pronouns after it).
func (sc *pronounScope) dropClosed(ti int) {
	added := sc.added
	sc.added, sc.choice, sc.open = nil, [2]picker{}, sc.open[:0]
	for _, x := range added {
		if cl := sc.closeAt(x); cl < 0 || cl >= ti {
			sc.add(x)
		}
	}
}

// quotationCloses returns, for each token of sentence si of td, the
// index of the token that ends the quotation holding it (its closing
// mark), len(toks) when its quotation goes on after the sentence, or -1
// when it is in none. The quotations are the text layer's
// (text.Doc.ParagraphQuotations), so that a quotation opened in an
// earlier sentence of the paragraph holds the words before its closing
// mark here.
func quotationCloses(td *text.Doc, si int) []int {
	toks := td.SentenceTokens(si)
	out := make([]int, len(toks))
	for k := range out {
		out[k] = -1
	}
	if len(toks) == 0 {
		return out
	}
	qs := td.ParagraphQuotations(td.Sentences[si].Para)
	start, end := toks[0].Start, toks[len(toks)-1].End
	qi := sort.Search(len(qs), func(i int) bool { return qs[i].End() > start })
	k := 0
	for ; qi < len(qs) && qs[qi].Open < end; qi++ {
		q := qs[qi]
		for k < len(toks) && toks[k].Start < q.Open {
			k++
		}
		from := k
		for k < len(toks) && toks[k].Start < q.End() {
			k++
		}
		c := len(toks) // the quotation goes on after the sentence
		if !q.Unclosed() && k > from && toks[k-1].End >= q.CloseEnd && q.CloseEnd <= end {
			c = k - 1
		}
		for i := from; i < k; i++ {
			out[i] = c
		}
	}
	return out
}

// quotationCloses is quotationCloses of sentence si, worked out once;
// nil for no sentence.
func (a *analysis) quotationCloses(si int) []int {
	if si < 0 || si >= len(a.sents) {
		return nil
	}
	s := a.sents[si]
	if s.closes == nil {
		s.closes = quotationCloses(a.td, si)
	}
	return s.closes
}

// comma returns the index of the first "," at or after token k of s, or
// -1.
func (sc *pronounScope) comma(s *sent, k int) int {
	if sc.commaFrom == nil {
		sc.commaFrom = make([]int, len(s.low)+1)
		sc.commaFrom[len(s.low)] = -1
		for i := len(s.low) - 1; i >= 0; i-- {
			sc.commaFrom[i] = sc.commaFrom[i+1]
			if s.low[i] == "," {
				sc.commaFrom[i] = i
			}
		}
	}
	if k < 0 || k >= len(sc.commaFrom) {
		return -1
	}
	return sc.commaFrom[k]
}

func (a *analysis) antecedent(c *cand, sc *pronounScope, bySent map[int][]*cand, prev map[[3]int]*cand) *cand {
	sc.advance(c)
	// Cataphora: "In his response, the Prime Minister said ...".
	if c.pron.possessive && c.ti >= 0 && c.sent >= 0 && c.sent < len(a.sents) {
		s := a.sents[c.sent]
		comma := sc.comma(s, c.ti+1)
		// Another candidate ending before the pronoun (not the pronoun:
		// it ends after its own first token).
		if comma > 0 && sc.earlier == 0 {
			for _, x := range sc.byTok[comma+1] {
				if a.agrees(c, x) && a.subjectOf(x) {
					return x
				}
			}
		}
	}
	if x, ok := a.cataphoricSubject(c, bySent[c.sent]); ok {
		return x // (nil: the subject is a name no one is known by)
	}
	if c.pron.plural && !c.pron.possessive && a.coordinatedSubjectBefore(c) {
		// "He and his partner came because they wanted …": they are
		// the two, no one group named before
		return nil
	}
	if c.pron.plural && c.pron.possessive && a.coordinatedActorsBefore(c, bySent[c.sent]) {
		// "an investigation of the Syrian regime and its ally, Russia,
		// for their bombardment": the two, not a group of the sentence
		// before ("children")
		return nil
	}
	k := 0
	if c.pron.plural {
		k = 1
	}
	g := a.td.Gender(c.span.Text, text.GenderPronoun)
	if !c.pron.plural && a.ambiguousIn(a.ambiguousBySent[c.sent], nil, c) {
		// "After focusing her attention on …, Clinton delivered …",
		// where two Clintons make the subject nobody known: the pronoun
		// is not someone else for want of a candidate
		return nil
	}
	if sc.quoted(c) {
		// (a pronoun in a quotation: the sentence's words before it, in
		// quotations or not)
		if x, ok := sc.quotedAntecedent(a, c, g); ok {
			return x
		}
	} else if sc.choice[k].n > 0 && !a.trailingAttribution(c) {
		// (when every candidate of the sentence is of the other gender,
		// the sentence before is asked: "Mary Varga spoke. When Paul
		// Okafor called, she said …")
		if x, left := sc.choice[k].pickAgreeing(a, g); left > 0 {
			if x != nil && a.objectBefore(c, x, bySent[c.sent], g) {
				return nil
			}
			return x
		}
	}
	if c.sent <= 0 {
		return nil
	}
	key := [3]int{c.sent - 1, k, int(g)}
	if x, ok := prev[key]; ok {
		return x
	}
	// The words of the sentence's quotations are what was said there
	// ("“I want Donald Trump to be president.” After all, he says, …" is
	// the speaker's "he", not Trump's). When the pronoun's sentence
	// closes a quotation opened before it, the sentences back to the one
	// that opened it are all quotation and are passed over ("“Why won't
	// he release his returns? What is X hiding? I think …,” she said"),
	// as is any sentence whose words outside its quotations have no
	// subject. Five sentences at most.
	var x *cand
	for ps := c.sent - 1; ps >= 0 && ps >= c.sent-5 && ps < len(a.sents); ps-- {
		closes := a.quotationCloses(ps)
		var p picker
		outside, marks := false, false
		for i, x := range bySent[ps] {
			if x.ti >= 0 && x.ti < len(closes) && closes[x.ti] >= 0 {
				continue
			}
			outside = true
			if agreesAs(c.pron.plural, x) && !x.otherGender(g) {
				x.order = i
				p.add(x)
			}
		}
		for _, cl := range closes {
			marks = marks || cl >= 0
		}
		if !c.pron.plural && a.ambiguousIn(a.ambiguousBySent[ps], closes, nil) {
			break // (its subject is someone not known: see above)
		}
		if p.n > 0 || outside || !marks || a.subjectOutside(ps, closes) {
			x = p.pick(a)
			break
		}
	}
	prev[key] = x
	return x
}

// trailingAttribution reports whether pronoun c is the subject of an
// attribution that closes its sentence after a comma ("…, compared with
// the appeals of Mr. Trump, he said."): the words before it are what he
// said, and the people they name are not who says them.
func (a *analysis) trailingAttribution(c *cand) bool {
	if c.pron.possessive || c.ti < 1 || c.sent < 0 || c.sent >= len(a.sents) {
		return false
	}
	s := a.sents[c.sent]
	if s.low[c.ti-1] != "," || len(s.toks)-c.tj > 4 {
		return false
	}
	t := a.treeTok(c, "nsubj")
	if t < 0 {
		return false
	}
	v := a.td.Tokens[t].Head
	if v < 0 || v < t {
		return false
	}
	if a.td.RelIs(v, "parataxis") {
		return true
	}
	// (or the main verb, whose clausal complement comes before it)
	cc := a.td.Dependent(v, "ccomp")
	return a.td.Tokens[v].Head < 0 && cc >= 0 && cc < t
}

// ambiguousIn reports whether one of the candidates cs (those a sentence
// has that several people may be: ambiguousBySent), outside the
// quotations closes (see quotationCloses; nil for none), is a subject
// that several of the document's people are named by: someone, but not
// known who. With pronoun c of the same sentence, only such a subject
// before it counts, or after it for a possessive ("her attention …,
// Clinton delivered").
func (a *analysis) ambiguousIn(cs []*cand, closes []int, c *cand) bool {
	for _, x := range cs {
		if !x.ambiguous || x.ti >= 0 && x.ti < len(closes) && closes[x.ti] >= 0 {
			continue
		}
		if c != nil && x.span.Start > c.span.Start && !c.pron.possessive {
			continue
		}
		if a.subjectOf(x) {
			return true
		}
	}
	return false
}

// subjectOutside reports whether sentence si has a subject outside its
// quotations (closes, see quotationCloses): "“We will win,” a campaign
// aide said" is about the aide, whom no candidate names. The sentence is
// parsed if its parse was deferred.
func (a *analysis) subjectOutside(si int, closes []int) bool {
	if a.td == nil || si < 0 || si >= len(a.td.Sentences) {
		return false
	}
	a.td.Parse(si)
	first := a.td.Sentences[si].FirstToken
	for k, cl := range closes {
		if cl < 0 && a.td.RelIs(first+k, "nsubj", "nsubj:pass") {
			return true
		}
	}
	return false
}

// cataphoricSubject returns the antecedent of a subject pronoun of a
// clause that opens its sentence before the main clause: the main
// clause's subject after it, when that is a name the pronoun agrees with
// ("As he has before, Cruz on Friday played down …": he is Cruz, not
// whoever the sentence before named last). ok is true when the pronoun
// is such a one; the antecedent is nil when the name is no one known
// (the pronoun is then no one either).
func (a *analysis) cataphoricSubject(c *cand, same []*cand) (*cand, bool) {
	if c.pron.possessive || a.td == nil || c.sent < 0 || c.sent >= len(a.td.Sentences) || c.ti < 0 {
		return nil, false
	}
	first := a.td.Sentences[c.sent].FirstToken
	t := first + c.ti
	if t >= len(a.td.Tokens) || !a.openingClause(c.sent, t) {
		return nil, false
	}
	a.td.Parse(c.sent)
	if !a.td.RelIs(t, "nsubj") {
		return nil, false
	}
	h := a.td.Tokens[t].Head
	if h < 0 || !a.td.RelIs(h, "advcl") {
		return nil, false
	}
	v := a.td.Tokens[h].Head
	if v < 0 || v < h {
		return nil, false
	}
	sj := a.td.Dependent(v, "nsubj")
	if sj < 0 || sj <= h || a.td.Tokens[sj].UPOS != "PROPN" {
		return nil, false
	}
	g := a.td.Gender(c.span.Text, text.GenderPronoun)
	for _, x := range same {
		if x.kind == cPronoun || x.ti < 0 || first+x.ti > sj || first+x.tj <= sj {
			continue
		}
		if x.dropped {
			// a name no one is known by: the pronoun is no one either
			return nil, !c.pron.plural
		}
		if !a.agrees(c, x) || x.otherGender(g) {
			return nil, false
		}
		if x.actor.Name == "" || !x.actor.Person {
			return nil, true
		}
		return x, true
	}
	return nil, false
}

// The words read for a pronoun, so that resolving every pronoun of a
// long sentence costs no more than a few words each: the subject of an
// opening clause stands within maxOpeningSubject words of the sentence's
// start ("Even as he", "Given that she"), and the main clause's subject
// within maxOpeningClause words after it; a subject of coordinated words
// stands within maxCoordinated words before the plural pronoun that may
// stand for it.
const (
	maxOpeningSubject = 6
	maxOpeningClause  = 40
	maxCoordinated    = 32
)

// openingClause reports, from the words and tags alone (before any
// parse), whether token t of sentence si may be the subject of a clause
// that opens the sentence: a subordinating word before it, and after it
// a comma followed later by a proper noun.
func (a *analysis) openingClause(si, t int) bool {
	s := a.td.Sentences[si]
	if t-s.FirstToken > maxOpeningSubject {
		return false
	}
	sub := false
	for k := s.FirstToken; k < t; k++ {
		switch a.td.Tokens[k].Tag {
		case "IN", "WRB":
			sub = true
		case ",":
			return false // (the pronoun after a comma is in the main clause)
		}
	}
	if !sub {
		return false
	}
	comma := false
	for k := t + 1; k < s.EndToken && k <= t+maxOpeningClause; k++ {
		switch tag := a.td.Tokens[k].Tag; {
		case tag == ",":
			comma = true
		case comma && tag == "NNP":
			return true
		}
	}
	return false
}

// coordinatedSubjectBefore reports whether, shortly before pronoun c in
// its sentence, a subject is two or more coordinated words ("He and his
// partner"), which a plural pronoun after it may stand for together.
// The tree is read only when a coordinating conjunction stands before the
// pronoun.
func (a *analysis) coordinatedSubjectBefore(c *cand) bool {
	from, t, ok := a.coordinationBefore(c)
	if !ok {
		return false
	}
	for k := from; k < t && k < len(a.td.Tokens); k++ {
		if a.td.RelIs(k, "nsubj") && a.td.Dependent(k, "conj") > k && a.td.Dependent(k, "conj") < t {
			return true
		}
	}
	return false
}

// coordinationBefore returns the words [from, t) of pronoun c's sentence
// within maxCoordinated before it (t is the pronoun's token), parsing the
// sentence, when they hold a coordinating conjunction; ok is false when
// they hold none (or c has no tokens).
func (a *analysis) coordinationBefore(c *cand) (from, t int, ok bool) {
	if a.td == nil || c.sent < 0 || c.sent >= len(a.td.Sentences) || c.ti < 0 {
		return 0, 0, false
	}
	s := a.td.Sentences[c.sent]
	t = s.FirstToken + c.ti
	from = max(s.FirstToken, t-maxCoordinated)
	for k := from; k < t && k < len(a.td.Tokens); k++ {
		if a.td.Tokens[k].UPOS == "CCONJ" {
			a.td.Parse(c.sent)
			return from, t, true
		}
	}
	return 0, 0, false
}

// coordinatedActorsBefore reports whether an actor the sentence names
// before pronoun c, within maxCoordinated words, is coordinated with
// another nominal ("the Syrian regime and its ally, Russia"): a "their"
// after them is theirs together, which no one record is.
func (a *analysis) coordinatedActorsBefore(c *cand, same []*cand) bool {
	from, t, ok := a.coordinationBefore(c)
	if !ok {
		return false
	}
	s := a.td.Sentences[c.sent]
	actorAt := func(k int) bool {
		for _, x := range same {
			if x.kind == cResolved && !x.dropped && !x.actor.Person && x.actor.Code != "" &&
				s.FirstToken+x.ti <= k && k < s.FirstToken+x.tj {
				return true
			}
		}
		return false
	}
	var buf [16]int
	for k := from; k < t && k < len(a.td.Tokens); k++ {
		if !actorAt(k) {
			continue
		}
		for _, d := range a.td.Dependents(k, buf[:0]) {
			if u := a.td.Tokens[d].UPOS; d > k && d < t && a.td.RelIs(d, "conj") && (u == "NOUN" || u == "PROPN") {
				return true // (an actor and a nominal: "the regime and its ally")
			}
		}
	}
	return false
}

// picker chooses an antecedent among candidates given one at a time,
// in any order (their order field says which is more recent): the most
// recent when all refer to one actor, else the only subject among
// several actors; nil when that does not decide. Whether a candidate is a
// subject is asked only in the second case (subjectOf may parse).
type picker struct {
	n        int
	last     *cand
	distinct map[string]bool
	added    []ordered
	// subj is the most recent subject of each actor among added[:checked]
	// (whether a candidate is a subject is asked only when a pick needs
	// it: it may read the sentence's tree)
	subj    map[string]ordered
	checked int
}

// ordered is a candidate with its order field when added.
type ordered struct {
	x     *cand
	order int
}

func pickKey(x *cand) string { return x.actor.Name + "|" + x.actor.Code }

func (p *picker) add(x *cand) {
	if p.distinct == nil {
		p.distinct = map[string]bool{}
	}
	p.n++
	if p.last == nil || x.order > p.last.order {
		p.last = x
	}
	p.distinct[pickKey(x)] = true
	p.added = append(p.added, ordered{x, x.order})
}

// pick returns the choice among the candidates added.
func (p *picker) pick(a *analysis) *cand {
	if p.n == 0 {
		return nil
	}
	if len(p.distinct) == 1 {
		return p.last
	}
	// the most recent subject of each actor, brought up to date with the
	// candidates added since the last pick
	for _, o := range p.added[p.checked:] {
		if !a.subjectOf(o.x) {
			continue
		}
		if p.subj == nil {
			p.subj = map[string]ordered{}
		}
		k := pickKey(o.x)
		if y, ok := p.subj[k]; !ok || o.order > y.order {
			p.subj[k] = o
		}
	}
	p.checked = len(p.added)
	if len(p.subj) == 1 {
		for _, o := range p.subj {
			return o.x
		}
	}
	return nil
}

// pickAgreeing is pick for a pronoun of gender g: the people of the
// other gender are left out ("she" after "Bernie Sanders endorsed her
// challenger" is not Sanders).
//
// It also returns how many candidates agree: none, and the pronoun looks
// further back.
func (p *picker) pickAgreeing(a *analysis, g byte) (*cand, int) {
	conflict := false
	for _, o := range p.added {
		conflict = conflict || o.x.otherGender(g)
	}
	if !conflict {
		return p.unlessOfGender(p.pick(a), g), p.n
	}
	var q picker
	for _, o := range p.added {
		if o.x.otherGender(g) {
			continue
		}
		// (q orders them as p did: the order field is each candidate's
		// place in its sentence, the same whenever it is set)
		q.add(o.x)
	}
	return q.unlessOfGender(q.pick(a), g), q.n
}

// unlessOfGender returns x, or nil when x's gender is not known and
// another of the candidates is known to be of the pronoun's gender g:
// in "Chris Varga described Hillary Okafor as a disgrace after she
// attacked …" she may be either, and the one named as a woman is the
// likelier, so the subject is not taken for her; nor is Okafor, whom
// only a guess would choose.
func (p *picker) unlessOfGender(x *cand, g byte) *cand {
	if x == nil || g == 0 || x.ofGender(g) {
		return x
	}
	for _, o := range p.added {
		if o.x.ofGender(g) && pickKey(o.x) != pickKey(x) {
			return nil
		}
	}
	return x
}

// nameGender returns the gender a name's title or given name says
// ("Mrs. Varga", "Hillary Clinton", "Gen. Michael Flynn"), or 0.
func (a *analysis) nameGender(name string) byte {
	if g := a.td.NameGender(name); g != 0 {
		return g
	}
	return a.td.NameGender(stripHonorific(a.v, name))
}

// candGender returns the gender name candidate c's words say: its
// name's given name, or the form of address before it, which the name
// leaves out ("Mrs. Clinton").
func (a *analysis) candGender(c *cand) byte {
	if g := a.nameGender(c.name); g != 0 {
		return g
	}
	if c.honorific {
		return a.nameGender(c.span.Text)
	}
	return 0
}

// stripHonorific removes leading forms of address from a name.
func stripHonorific(v *vocab, name string) string {
	ws := strings.Fields(name)
	for len(ws) > 1 && v.honorifics[strings.TrimSuffix(strings.ToLower(ws[0]), ".")] {
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// normName normalises a name for comparison: lower case, no diacritics,
// no dots, straight apostrophes, single spaces.
func normName(s string) string {
	s = norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
			continue
		case r == '’' || r == '‘':
			r = '\''
		case unicode.IsSpace(r) || r == '_':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// displayName is a name with its white space folded, title-cased when
// it is written in capitals.
func displayName(s string) string {
	return model.TitleCaseName(strings.Join(strings.Fields(s), " "))
}

package mentions

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Kinds of candidate beyond those resolved at once.
const (
	cPerson candKind = iota + 100 // a person whose code needs the whole document
)

// Rule names.
const (
	ruleSpeaker       = "transcript:speaker"
	ruleRoleName      = "context:role-before-name"
	ruleApposition    = "context:apposition"
	ruleSurname       = "coref:surname"
	ruleGivenName     = "coref:given-name"
	ruleName          = "coref:name"
	ruleRole          = "coref:role"
	rulePronoun       = model.RulePronoun
	ruleDefinite      = "coref:definite"
	ruleUnknownName   = "name:unknown"
	ruleNameOfOrg     = "context:name-of-org"
	ruleRoleUnknown   = "role:unresolved"
	ruleAnonMarker    = "anonymous:marker"
	ruleAnonSource    = "anonymous:source-noun"
	ruleAnonIndefinte = "anonymous:indefinite"
)

// orgPiece is an organisation-like dictionary match inside a noun phrase.
type orgPiece struct {
	e      *actors.Entry
	ti, tj int
	linked bool
	poss   bool
}

func isOrgKind(k actors.EntryKind) bool {
	switch k {
	case actors.Country, actors.Demonym, actors.Capital, actors.IGO, actors.Body, actors.Actor:
		return true
	}
	return false
}

// chunk finds the candidates of one sentence, left to right.
func (a *analysis) chunk(s *sent) {
	from := len(a.cands)
	for i := 0; i < len(s.toks); {
		if n := a.parseNP(s, i); n > 0 {
			i += n
			continue
		}
		a.pronounAt(s, i)
		i++
	}
	// Coordinated subjects are all subjects: in "X and Y met", X is too.
	got := a.cands[from:]
	for k := len(got) - 2; k >= 0; k-- {
		x, y := got[k], got[k+1]
		if x.tj < len(s.low) && y.ti == x.tj+1 && (s.low[x.tj] == "and" || s.low[x.tj] == "or") && a.subjectOf(y) {
			x.subject, x.subjTree = true, false
		}
	}
}

// dictMatch returns a.dict.Match(s.words, j), computed once per word.
func (a *analysis) dictMatch(s *sent, j int) (*actors.Entry, int) {
	if j < 0 || j >= len(s.hits) {
		return a.dict.Match(s.words, j)
	}
	h := &s.hits[j]
	if !h.done {
		h.e, h.n = a.dict.MatchWords(s.dw, j)
		h.done = true
	}
	return h.e, h.n
}

// match returns the longest dictionary phrase or role alias at words[j].
// Person phrases must be capitalised, so that a name that is also a word
// ("Hope") is not taken for the person in lower case.
func (a *analysis) match(s *sent, j int) (*actors.Entry, int) {
	if j < 0 || j >= len(s.words) {
		return nil, 0
	}
	e, n := a.dictMatch(s, j)
	if re, rn := a.r.aliasAt(s, j); rn > n {
		e, n = re, rn
	}
	if e == nil {
		// Plural demonyms the dictionary lacks: "Kenyans".
		if w := s.words[j]; len(w) > 3 && strings.HasSuffix(w, "s") && model.StartsUpper(w) {
			if d, dn := a.dict.Match([]string{w[:len(w)-1]}, 0); d != nil && dn == 1 && d.Kind == actors.Demonym {
				return d, 1
			}
		}
		return nil, 0
	}
	if e.Kind == actors.Person {
		k := j
		if s.low[k] == "the" {
			return nil, 0
		}
		if !model.StartsUpper(s.toks[k].Text) {
			return nil, 0
		}
	}
	if n == 1 && (e.Kind == actors.Country || e.Kind == actors.Capital) && a.inPersonName(s, j) {
		return nil, 0
	}
	return e, n
}

// inPersonName reports whether the name of a country or a capital at
// words[j] is a word of a person's name: after a given name ("Tulsa
// police Chief Chuck Jordan"), or itself a given name before a
// capitalised word that is no known actor and that the text layer takes
// for a word of a name, which a weekday or a month never is ("said Chad
// Bown, an expert on trade", not "attacked Chad Sunday").
func (a *analysis) inPersonName(s *sent, j int) bool {
	if a.td == nil {
		return false
	}
	name := func(k int) bool {
		return k >= 0 && k < len(s.toks) && s.toks[k].UPOS == "PROPN" && model.StartsUpper(s.toks[k].Text)
	}
	if name(j-1) && a.td.Gender(s.toks[j-1].Text, text.GenderName) != 0 {
		return true
	}
	if !name(j+1) || a.td.Gender(s.toks[j].Text, text.GenderName) == 0 {
		return false
	}
	if e, _ := a.dictMatch(s, j+1); e != nil {
		return false // a known actor after it
	}
	return a.textNameEnd(s, j+1) > j+1
}

// aliasAt matches a role alias of the vocabulary at words[j] and returns
// the dictionary's entry for the canonical role (or a bare entry when the
// dictionary has none).
func (r *Resolver) aliasAt(s *sent, j int) (*actors.Entry, int) {
	if j >= len(s.low) {
		return nil, 0
	}
	first := s.low[j]
	if h := indexDash(first); h > 0 {
		first = first[:h]
	}
	if !r.v.aliasFirst[strings.TrimSuffix(strings.TrimSuffix(first, "'s"), ".")] {
		return nil, 0
	}
	for _, al := range r.v.roleAliases {
		var ws []string
		n := 0
		for k := j; k < len(s.low) && len(ws) < len(al.words); k++ {
			w := strings.TrimSuffix(strings.TrimSuffix(s.low[k], "'s"), ".")
			parts := phraseWords(w)
			if len(parts) == 0 {
				break
			}
			ws = append(ws, parts...)
			n++
		}
		if len(ws) != len(al.words) {
			continue
		}
		ok := true
		for i := range ws {
			if ws[i] != al.words[i] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if e := r.dict.RoleEntry(al.role); e != nil {
			return e, n
		}
		return &actors.Entry{Phrase: al.role, Kind: actors.Role, Name: al.role}, n
	}
	return nil, 0
}

func isPossessive(low string) bool { return low == "'s" || low == "'" }

func (a *analysis) isHonorific(s *sent, j int) bool {
	if j >= len(s.low) {
		return false
	}
	return model.StartsUpper(s.toks[j].Text) && a.v.honorifics[strings.TrimSuffix(s.low[j], ".")]
}

// isModifier reports whether token j may premodify an actor phrase
// ("senior", "security", "former", "democratically elected").
func (a *analysis) isModifier(s *sent, j int) bool {
	if j >= len(s.toks) {
		return false
	}
	if a.v.former[s.low[j]] {
		return true
	}
	t := s.toks[j]
	if model.StartsUpper(t.Text) && j > 0 {
		return false
	}
	switch t.Tag {
	case "VBN":
		// A participle right after an auxiliary or a noun is the verb
		// of a clause, not a premodifier: "Museveni has banned
		// opposition candidates", "the government today welcomed
		// President X's statement".
		if j > 0 {
			switch p := s.toks[j-1].Tag; {
			case strings.HasPrefix(p, "VB"), strings.HasPrefix(p, "NN"), p == "MD", p == "PRP":
				return false
			}
		}
		return isWordy(t.Text)
	case "JJ", "JJR", "JJS", "RB", "NN":
		return isWordy(t.Text)
	}
	return false
}

func isWordy(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}

// isSubject reports whether a verb follows token j (adverbs skipped).
func isSubject(s *sent, j int) bool {
	for k := j; k < len(s.toks) && k < j+3; k++ {
		switch t := s.toks[k].Tag; {
		case t == "RB" || t == "RBR":
			continue
		case text.FiniteTag(t):
			return true
		default:
			return false
		}
	}
	return false
}

// treeSubject reports whether the parse makes a word of tokens [i, j) a
// clause's subject, as it does for a name with a description in
// apposition ("Ana Ruiz, the police chief of Harrowgate, said"), which
// isSubject, reading the words after the name, does not see. It parses
// the sentence first if its parse was deferred (text.Doc.Parse).
func (a *analysis) treeSubject(s *sent, i, j int) bool {
	a.td.Parse(s.idx)
	for k := i; k < j && k < len(s.toks); k++ {
		if r := s.toks[k].Rel; r == "nsubj" || r == "nsubj:pass" {
			return true
		}
	}
	return false
}

// subjectOf reports whether candidate c is a subject: its subject flag,
// with what the tree says (treeSubject) when that is still to be asked.
// The tree is read only when the flag is: a sentence whose parse was
// deferred (text.Doc.Parse) is parsed only if it must be.
func (a *analysis) subjectOf(c *cand) bool {
	if c.subjTree {
		c.subjTree = false
		c.subject = a.treeSubject(a.sents[c.sent], c.subjFrom, c.subjTo)
	}
	return c.subject
}

// parseNP parses an actor noun phrase at token i, adds its candidates and
// returns the number of tokens it used (0: no actor phrase starts here).
func (a *analysis) parseNP(s *sent, i int) int {
	L := len(s.toks)
	j := i
	det := ""
	former := false
	if end := a.orgName(s, i); end > i {
		return end - i
	}
	if s.low[i] == "the" {
		if end := a.orgName(s, i+1); end > i+1 {
			return end - i
		}
	}
	e, n := a.match(s, j)
	if e != nil && s.low[i] == "the" && n > 1 {
		det = "the"
	}
	// "the Council", "the Alliance": a capitalised head that is not an
	// organisation's name refers back to one.
	if (e == nil || !isOrgKind(e.Kind)) && s.low[i] == "the" && i+1 < L && model.StartsUpper(s.toks[i+1].Text) && a.v.heads[s.low[i+1]] != "" {
		if e2, n2 := a.match(s, i+1); e2 == nil || (!isOrgKind(e2.Kind) && n2 == 1) {
			a.add(&cand{kind: cDefinite, span: a.span(s.toks[i].Start, s.toks[i+1].End), sent: s.idx, ti: i, tj: i + 2, head: s.low[i+1]})
			return 2
		}
	}
	// "the council" in lower case refers back too, but only to a body
	// named earlier whose name ends in that word ("the Peace and Security
	// Council … the council"), and only when it is the whole phrase
	// ("the council elections" is not the council). Otherwise it is read
	// as an agent word below.
	if s.low[i] == "the" && i+1 < L && a.v.heads[s.low[i+1]] != "" && !model.StartsUpper(s.toks[i+1].Text) &&
		(i+2 >= L || !strings.HasPrefix(s.toks[i+2].Tag, "NN")) && a.namedBodyEndingIn(s.low[i+1]) {
		a.add(&cand{kind: cDefinite, span: a.span(s.toks[i].Start, s.toks[i+1].End), sent: s.idx, ti: i, tj: i + 2, head: s.low[i+1]})
		return 2
	}
	if e == nil {
		if a.v.definite[s.low[j]] || a.v.indefinite[s.low[j]] {
			det = s.low[j]
			j++
		}
		for m := 0; m < 3 && j < L; m++ {
			if e, n = a.match(s, j); e != nil {
				break
			}
			if a.isHonorific(s, j) || a.v.sourceNouns[s.low[j]] || !a.isModifier(s, j) {
				break
			}
			if a.v.former[s.low[j]] {
				former = true
			}
			j++
		}
	}
	mods := j > i && det == "" || j > i+1
	if e == nil {
		switch {
		case j < L && a.v.sourceNouns[s.low[j]]:
			return a.groupNP(s, i, j, det, nil, nil)
		case a.isHonorific(s, j) && det == "" && !mods:
			// "Mister Secretary General": the holder, addressed.
			if r, rn := a.match(s, j+1); r != nil && r.Kind == actors.Role {
				return a.roleNP(s, i, j+1, rn, det, former, nil, r)
			}
			return a.personNP(s, i, j+1, nil, nil, true)
		case det == "" && !mods:
			return a.personNP(s, i, j, nil, nil, false)
		}
		return 0
	}
	// A dictionary phrase that ends in a role ("AU Commission Chairperson",
	// "President Kamau") is read as its parts, so that the role is
	// recorded.
	if e != nil && n > 1 && (e.Kind == actors.Person || e.Kind == actors.Body) {
		if k, rn, role := a.roleInside(s, j, n); role != nil {
			if e.Kind == actors.Person {
				if k == 0 {
					return a.roleNP(s, i, j, rn, det, former, nil, role)
				}
			} else if k > 0 {
				if o, on := a.dict.Match(s.words[:j+k], j); o != nil && on == k && isOrgKind(o.Kind) {
					p := orgPiece{e: o, ti: j, tj: j + k}
					return a.roleNP(s, i, j+k, rn, det, former, []orgPiece{p}, role)
				}
			}
		}
	}
	var orgs []orgPiece
	orgEnd := j
	for e != nil && isOrgKind(e.Kind) {
		p := orgPiece{e: e, ti: j, tj: j + n, linked: s.linked[j+n-1]}
		j += n
		if j < L && isPossessive(s.low[j]) {
			p.poss = true
			j++
		}
		orgEnd = j
		orgs = append(orgs, p)
		// An actor piece may follow after up to two modifiers.
		k := j
		e, n = a.match(s, k)
		for m := 0; e == nil && m < 2 && k < L && !a.v.sourceNouns[s.low[k]] && a.isInnerModifier(s, k); m++ {
			k++
			e, n = a.match(s, k)
		}
		switch {
		case e == nil && k < L && a.v.sourceNouns[s.low[k]]:
			return a.groupNP(s, i, k, det, orgs, nil)
		case e == nil:
		case isOrgKind(e.Kind) && k == j && !p.poss:
			continue
		case e.Kind == actors.Agent || e.Kind == actors.Role:
			j = k
			continue
		}
		e = nil
	}
	// "EU Trade Commissioner Henrik Aalto", "Kenyan Economy Minister
	// Dana Ostrova": an organisation's person named after a title that
	// is no role phrase of the dictionary.
	if len(orgs) > 0 && (e == nil || e.Kind == actors.Agent) {
		if t, ok := a.titledName(s, orgEnd, true); ok {
			orgCode := ""
			if b := baseOrg(orgs); b != nil && (t.role != nil || a.ofOrg(b, s.words[t.h])) {
				orgCode = a.orgCode(b.e)
			}
			for _, p := range orgs {
				a.countOrg(p.e)
			}
			return a.titledPerson(s, i, t, orgCode)
		}
	}
	if e != nil {
		switch e.Kind {
		case actors.Role:
			return a.roleNP(s, i, j, n, det, former, orgs, e)
		case actors.Agent:
			if len(orgs) == 0 {
				// "economy minister Dana Ostrova": a title in lower case
				// before a name.
				if t, ok := a.titledName(s, i, false); ok {
					return a.titledPerson(s, i, t, "")
				}
			}
			var agents []*actors.Entry
			for e != nil && e.Kind == actors.Agent {
				agents = append(agents, e)
				j += n
				e, n = a.match(s, j)
			}
			if len(orgs) == 0 && j+1 < L && s.low[j] == "of" {
				if o, on := a.match(s, j+1); o != nil && isOrgKind(o.Kind) {
					orgs = append(orgs, orgPiece{e: o, ti: j + 1, tj: j + 1 + on, linked: s.linked[j+on]})
					return a.groupNPof(s, i, j, j+1+on, det, orgs, agents)
				}
			}
			return a.groupNP(s, i, j, det, orgs, agents)
		case actors.Person:
			if len(orgs) == 0 && det == "" && !mods {
				return a.personNP(s, i, j, e, nil, false)
			}
		}
	}
	if len(orgs) == 0 {
		return 0
	}
	return a.orgsNP(s, i, j, orgs)
}

// isInnerModifier reports whether token k may stand between an
// organisation and its agent word ("Kenya's National Congress", "US
// security officials").
func (a *analysis) isInnerModifier(s *sent, k int) bool {
	t := s.toks[k]
	if !isWordy(t.Text) {
		return false
	}
	if _, ok := a.v.pronouns[s.low[k]]; ok {
		return false
	}
	switch t.Tag {
	case "JJ", "JJR", "JJS", "NN", "NNP", "VBN", "RB":
		return true
	}
	return false
}

// dateline reports whether tokens [i, j) open their paragraph as a
// dateline: written in capitals and followed by a comma or a dash.
func (a *analysis) dateline(s *sent, i, j int) bool {
	if i != 0 || j >= len(s.toks) || a.td == nil {
		return false
	}
	para := a.td.Paragraphs[a.td.Sentences[s.idx].Para]
	if s.toks[0].Start != para.Start {
		return false
	}
	name := a.doc.Text[s.toks[i].Start:s.toks[j-1].End]
	if strings.ToUpper(name) != name || strings.ToLower(name) == name {
		return false
	}
	switch s.toks[j].Text {
	case ",", "—", "–", "-":
		return true
	}
	return false
}

// orgsNP adds mentions for organisations standing alone.
func (a *analysis) orgsNP(s *sent, i, j int, orgs []orgPiece) int {
	for _, p := range orgs {
		if p.linked {
			continue
		}
		a.countOrg(p.e)
		end := p.tj
		start := p.ti
		switch p.e.Kind {
		case actors.Capital:
			if start > 0 && a.v.locative[s.low[start-1]] {
				continue
			}
			if a.dateline(s, start, end) {
				continue // "NAIROBI, 3 March –": where the story was filed
			}
		case actors.Demonym:
			last := s.toks[end-1]
			plural := text.PluralTag(last.Tag) || strings.HasSuffix(s.low[end-1], "s")
			if !plural && !p.poss && end < len(s.toks) {
				nt := s.toks[end]
				if !model.StartsUpper(nt.Text) && (strings.HasPrefix(nt.Tag, "NN") || strings.HasPrefix(nt.Tag, "JJ")) {
					continue
				}
			}
		}
		c, _ := p.e.CodeAt(a.date)
		if c.Code == "" || c.Code == actors.NullCode {
			continue
		}
		// "the AU website": the article belongs to the noun.
		if s.low[start] == "the" && end-start > 1 && !p.poss && end < len(s.toks) {
			if nt := s.toks[end]; !model.StartsUpper(nt.Text) && strings.HasPrefix(nt.Tag, "NN") {
				start++
			}
		}
		a.add(&cand{
			kind: cResolved, span: a.span(s.toks[start].Start, s.toks[end-1].End), sent: s.idx, ti: start, tj: end,
			actor: actorOf(c.Code, p.e.Name), rule: "dict:" + p.e.Kind.String(), entry: p.e,
			// a country is one, however its name ends ("the United
			// States", "the Philippines"): no "they"
			plural:  text.PluralTag(s.toks[end-1].Tag) && p.e.Kind != actors.Country && p.e.Kind != actors.Capital,
			subject: isSubject(s, pastPoss(s, end)),
		})
	}
	return j - i
}

func pastPoss(s *sent, end int) int {
	if end < len(s.low) && isPossessive(s.low[end]) {
		return end + 1
	}
	return end
}

func (a *analysis) countOrg(e *actors.Entry) {
	c, _ := e.CodeAt(a.date)
	if p := orgPrefix(c.Code); p != "" {
		a.orgs[p]++
	}
}

// orgPrefix returns the organisation part of a code: an IGO code whole,
// else the three-letter country code.
func orgPrefix(code string) string {
	if code == "" || code == actors.NullCode {
		return ""
	}
	if strings.HasPrefix(code, "IGO") {
		return code
	}
	if len(code) >= 3 {
		return code[:3]
	}
	return code
}

// orgCode returns an organisation's code for composing with an agent: a
// capital stands for its country.
func (a *analysis) orgCode(e *actors.Entry) string {
	c, _ := e.CodeAt(a.date)
	if c.Code == actors.NullCode {
		return ""
	}
	if e.Kind == actors.Capital {
		return orgPrefix(c.Code)
	}
	return c.Code
}

// actorT is the model's actor, shortened.
type actorT = model.Actor

func actorOf(code, name string) actorT {
	return actorT{Code: code, Name: name}
}

// baseOrg returns the organisation a phrase's agent or role belongs to:
// the last one not merely linked to it.
func baseOrg(orgs []orgPiece) *orgPiece {
	for k := len(orgs) - 1; k >= 0; k-- {
		if !orgs[k].linked {
			return &orgs[k]
		}
	}
	return nil
}

// pickAgent chooses the code of a run of agent words: the first that is
// not the generic government agent ("military officials" → MIL), else the
// first.
func pickAgent(agents []*actors.Entry) string {
	for _, e := range agents {
		if e.Agent != "" && e.Agent != "GOV" {
			return e.Agent
		}
	}
	if len(agents) > 0 {
		return agents[0].Agent
	}
	return ""
}

// groupNP adds a group mention: organisations (maybe none) with agent
// words or a source noun at j.
func (a *analysis) groupNP(s *sent, i, j int, det string, orgs []orgPiece, agents []*actors.Entry) int {
	source := len(agents) == 0
	end := j
	if source {
		end = j + 1
	}
	return a.groupNPof(s, i, end, end, det, orgs, agents)
}

// groupNPof adds a group mention of tokens [i, end) (the phrase may go on
// to tokens consumed up to used: "the people of Kenya").
func (a *analysis) groupNPof(s *sent, i, headEnd, used int, det string, orgs []orgPiece, agents []*actors.Entry) int {
	for _, p := range orgs {
		a.countOrg(p.e)
	}
	source := len(agents) == 0
	agent := pickAgent(agents)
	code, rule := agent, "dict:agent"
	if b := baseOrg(orgs); b != nil {
		code = a.dict.Compose(a.orgCode(b.e), agent)
		rule = "compose:" + b.e.Kind.String() + "+agent"
		if source {
			rule = "dict:" + b.e.Kind.String()
		}
	} else if source {
		rule = ""
	}
	last := s.toks[headEnd-1]
	plural := text.PluralTag(last.Tag) || strings.HasSuffix(s.low[headEnd-1], "s")
	nameFrom := i
	if det != "" {
		nameFrom = i + 1
	}
	end := used
	c := &cand{
		kind: cResolved, span: a.span(s.toks[i].Start, s.toks[end-1].End), sent: s.idx, ti: i, tj: end,
		plural: plural, subject: isSubject(s, end),
	}
	if !source && !plural {
		if p := a.namedAgent(s, i, end, orgs, code); p != nil {
			a.add(p)
			return p.tj - i
		}
	}
	name := a.doc.Text[s.toks[nameFrom].Start:s.toks[end-1].End]
	c.actor = actorT{Code: code, Name: name}
	anon := ""
	switch {
	case source:
		anon = ruleAnonSource
	case a.v.indefinite[det] && !plural && a.v.anonHeads[agentHead(agents)]:
		anon = ruleAnonIndefinte
	case a.markerAfter(s, end):
		anon = ruleAnonMarker
	}
	if anon != "" {
		c.actor.Anonymous = true
		if rule != "" {
			rule = anon + "+" + rule
		} else {
			rule = anon
		}
	}
	if rule == "" || (code == "" && !c.actor.Anonymous) {
		return used - i
	}
	// "the two men": a plain noun for people, no actor.
	if len(orgs) == 0 && len(agents) == 1 && !c.actor.Anonymous && a.v.generic[s.low[headEnd-1]] {
		if e, n := a.match(s, headEnd-1); n == 1 && e == agents[0] {
			return used - i
		}
	}
	// An agent word alone before a noun is a modifier ("troop
	// deployment", "official reports"), not a group.
	if len(orgs) == 0 && !source && used < len(s.toks) && !c.actor.Anonymous {
		if nt := s.toks[used]; !model.StartsUpper(nt.Text) && strings.HasPrefix(nt.Tag, "NN") {
			return used - i
		}
	}
	c.rule = rule
	a.add(c)
	return used - i
}

// namedAgent reads a name in apposition after a singular group that
// ends at token end: "A government spokesperson, Col. Ama Owusu, said",
// "The Governor, Kofi Mensah, did not …". The name makes the phrase a
// person with a stated role, neither a group nor an anonymous source. A
// head word that is also a dictionary role ("governor") is that role,
// coded with the phrase's organisation; another head ("official") codes
// the person with the group's code. It returns nil when no name follows.
func (a *analysis) namedAgent(s *sent, i, end int, orgs []orgPiece, code string) *cand {
	if end >= len(s.toks) || s.low[end] != "," {
		return nil
	}
	head := s.low[end-1]
	role := a.dict.RoleEntry(head)
	if role == nil && !a.v.anonHeads[head] {
		return nil
	}
	ns, ne, hon, pe, ok := a.nameAfterRole(s, end)
	if !ok || ns <= end {
		return nil
	}
	roleOrg := code
	if role != nil {
		roleOrg = ""
		if b := baseOrg(orgs); b != nil {
			roleOrg = a.orgCode(b.e)
		}
	}
	return &cand{
		kind: cPerson, span: a.span(s.toks[i].Start, s.toks[ne-1].End), sent: s.idx, ti: i, tj: ne,
		dictPerson: pe, role: role, roleOrg: roleOrg, honorific: hon,
		name: a.doc.Text[s.toks[ns].Start:s.toks[ne-1].End], rule: ruleApposition, subject: isSubject(s, ne),
	}
}

// namedBodyEndingIn reports whether an organisation whose name ends in
// head was mentioned before.
//
// It is asked while sentences are chunked, when candidates are only
// added, never changed or dropped: the last words of the organisations
// are indexed as they come, so that each candidate is looked at once
// however many times the question is asked.
func (a *analysis) namedBodyEndingIn(head string) bool {
	if a.bodyHeads == nil {
		a.bodyHeads = map[string]bool{}
	}
	for _, p := range a.cands[a.bodyHeadsUpTo:] {
		if p.dropped || p.kind != cResolved || p.entry == nil || !isOrgKind(p.entry.Kind) {
			continue
		}
		if ws := strings.Fields(normName(p.entry.Name)); len(ws) > 0 {
			a.bodyHeads[ws[len(ws)-1]] = true
		}
	}
	a.bodyHeadsUpTo = len(a.cands)
	return a.bodyHeads[head]
}

// markerAfter reports whether an anonymity marker follows token j within
// the sentence's next twenty words.
func (a *analysis) markerAfter(s *sent, j int) bool {
	var words []string
	for k := j; k < len(s.low) && len(words) < 24; k++ {
		if isWordy(s.low[k]) {
			words = append(words, s.low[k])
		}
	}
	for _, m := range a.v.markers {
		for k := 0; k+len(m) <= len(words); k++ {
			ok := true
			for x := range m {
				if words[k+x] != m[x] {
					ok = false
					break
				}
			}
			if ok {
				return !a.otherSourceBefore(words[:k])
			}
		}
	}
	return false
}

// otherSourceBefore reports whether the words between a group and an
// anonymity marker name another source the marker belongs to: "the
// council voted, according to a city hall employee who asked not to be
// named" makes the employee anonymous, not the council.
func (a *analysis) otherSourceBefore(words []string) bool {
	for i, w := range words {
		for _, at := range a.v.attribution {
			if i+len(at) <= len(words) && slices.Equal(words[i:i+len(at)], at) {
				return true
			}
		}
		if a.v.anonHeads[w] || a.v.anonHeads[strings.TrimSuffix(w, "s")] || a.v.sourceNouns[w] {
			return true
		}
	}
	return false
}

// roleNP handles a role phrase at token j (n tokens), after organisations:
// with a name it is a person with a stated role; without, a role phrase
// to resolve to its holder.
func (a *analysis) roleNP(s *sent, i, j, n int, det string, former bool, orgs []orgPiece, role *actors.Entry) int {
	L := len(s.toks)
	if s.low[j] == "the" && n > 1 {
		det = "the"
	}
	// (an office marker may open the chunk itself: "if elected
	// president he could …")
	m := i
	for m < j && !model.StartsUpper(s.toks[m].Text) && a.officeBefore(s, m+1) {
		m++
	}
	bare := m == j && det == "" && !model.StartsUpper(s.toks[j].Text) && (m > i || a.officeBefore(s, i))
	j += n
	if bare {
		// "running for president", "when she was secretary of state":
		// the office, nobody who holds it; but "As president, Ana Ruiz
		// …" says who held it
		if _, _, _, _, named := a.nameAfterRole(s, j); !named || m > i || !a.v.holderMarkers[s.low[i-1]] {
			return j - i
		}
	}
	plural := text.PluralTag(s.toks[j-1].Tag)
	var org *orgPiece
	if b := baseOrg(orgs); b != nil {
		org = b
	}
	if j+1 < L && s.low[j] == "of" {
		if o, on := a.match(s, j+1); o != nil && isOrgKind(o.Kind) {
			org = &orgPiece{e: o, ti: j + 1, tj: j + 1 + on}
			orgs = append(orgs, *org)
			j += 1 + on
		}
	}
	for _, p := range orgs {
		a.countOrg(p.e)
	}
	for k := i; k < j; k++ {
		if a.v.former[s.low[k]] {
			former = true
		}
	}
	poss := j < L && isPossessive(s.low[j])
	orgCode := ""
	if org != nil {
		orgCode = a.orgCode(org.e)
	}
	if !poss && !plural {
		if ns, ne, hon, pe, ok := a.nameAfterRole(s, j); ok {
			rule := ruleRoleName
			if ns > j && s.low[j] == "," {
				rule = ruleApposition
			}
			a.add(&cand{
				kind: cPerson, span: a.span(s.toks[i].Start, s.toks[ne-1].End), sent: s.idx, ti: i, tj: ne,
				dictPerson: pe, role: role, roleOrg: orgCode, former: former, honorific: hon,
				name: a.doc.Text[s.toks[ns].Start:s.toks[ne-1].End], rule: rule, subject: isSubject(s, ne),
			})
			return ne - i
		}
	}
	c := &cand{
		kind: cRole, span: a.span(s.toks[i].Start, s.toks[j-1].End), sent: s.idx, ti: i, tj: j,
		role: role, roleOrg: orgCode, former: former, plural: plural, subject: isSubject(s, pastPoss(s, j)),
	}
	switch {
	case plural:
		// "the ministers": a group, not one holder.
		c.kind = cResolved
		c.actor = actorT{Code: a.composeRole(orgCode, role), Name: a.doc.Text[s.toks[i].Start:s.toks[j-1].End]}
		c.rule = "dict:role"
		if org != nil {
			c.rule = "compose:" + org.e.Kind.String() + "+role"
		}
		if a.markerAfter(s, j) {
			c.actor.Anonymous = true
			c.rule = ruleAnonMarker + "+" + c.rule
		}
	case a.v.indefinite[det] || a.markerAfter(s, j):
		// "a senior minister": an unnamed official.
		c.kind = cResolved
		c.actor = actorT{Code: a.composeRole(orgCode, role), Name: a.doc.Text[s.toks[i].Start:s.toks[j-1].End], Anonymous: true}
		c.rule = ruleAnonIndefinte
		if !a.v.indefinite[det] {
			c.rule = ruleAnonMarker
		}
		c.actor.Person = true
	}
	a.add(c)
	return j - i
}

// officeBefore reports whether the word before token i makes a role
// there an office (officeMarkers, by word or lemma).
func (a *analysis) officeBefore(s *sent, i int) bool {
	if i == 0 {
		return false
	}
	return a.v.officeMarkers[s.low[i-1]] || a.v.officeMarkers[strings.ToLower(s.toks[i-1].Lemma)]
}

// composeRole codes a role at an organisation: an IGO role at an IGO (or
// a government-like role) is the IGO, else the organisation with the
// role's agent. With no organisation it is the role's agent alone.
func (a *analysis) composeRole(orgCode string, role *actors.Entry) string {
	if role == nil {
		return orgCode
	}
	if orgCode == "" {
		return role.Agent
	}
	if strings.HasPrefix(orgCode, "IGO") && (role.IGORole || role.Agent == "GOV" || role.Agent == "") {
		return orgCode
	}
	return a.dict.Compose(orgCode, role.Agent)
}

// nameAfterRole finds a name right after a role, maybe after a comma and
// a form of address: "President Uhuru Kenyatta", "the Prime Minister of
// Kenya, Mr. Amina Yusuf". It returns the name's tokens [ns, ne).
func (a *analysis) nameAfterRole(s *sent, j int) (ns, ne int, hon bool, pe *actors.Entry, ok bool) {
	L := len(s.toks)
	k := j
	comma := false
	if k < L && s.low[k] == "," {
		comma = true
		k++
	}
	if a.isHonorific(s, k) {
		hon = true
		k++
	}
	if k >= L {
		return 0, 0, false, nil, false
	}
	if e, n := a.match(s, k); e != nil {
		if e.Kind != actors.Person {
			return 0, 0, false, nil, false
		}
		ns, ne, pe = k, k+n, e
	} else if end := a.nameEnd(s, k); end > k {
		ns, ne = k, end
	} else {
		return 0, 0, false, nil, false
	}
	if comma && ne < L {
		switch s.low[ne] {
		case ",", ")", ";", ".", "--", "—", "–", ":":
		default:
			if !isSubject(s, ne) {
				return 0, 0, false, nil, false
			}
		}
	}
	return ns, ne, hon, pe, true
}

// nameEnd returns the end of the capitalised name starting at token k:
// the candidate name of the text layer that starts there, else a run of
// capitalised proper-noun tokens; k when there is none.
func (a *analysis) nameEnd(s *sent, k int) int {
	if k >= len(s.toks) || !model.StartsUpper(s.toks[k].Text) {
		return k
	}
	if nm, ok := a.names[s.toks[k].Start]; ok && !nm.Label {
		end := k
		for end < len(s.toks) && s.toks[end].End <= nm.End {
			end++
		}
		if end > k {
			return end
		}
	}
	end := k
	for end < len(s.toks) && end < k+4 {
		t := s.toks[end]
		if !model.StartsUpper(t.Text) || (t.Tag != "NNP" && t.Tag != "NNPS") || a.isHonorific(s, end) {
			break
		}
		if e, _ := a.match(s, end); e != nil {
			break
		}
		end++
	}
	return end
}

// personNP handles a name at token j (after a form of address when hon):
// a dictionary person pe, or a candidate name, maybe followed by an
// apposition stating the person's role.
func (a *analysis) personNP(s *sent, i, j int, pe *actors.Entry, _ []orgPiece, hon bool) int {
	L := len(s.toks)
	ne := j
	if pe == nil && !hon {
		// "Kartavian Economy Minister Dana Ostrova": a title (with words
		// no dictionary knows) before a name.
		if t, ok := a.titledName(s, j, false); ok {
			return a.titledPerson(s, i, t, "")
		}
	}
	if pe == nil {
		if e, n := a.match(s, j); e != nil && e.Kind == actors.Person {
			pe, ne = e, j+n
		} else if end := a.nameEnd(s, j); end > j {
			if _, isName := a.names[s.toks[j].Start]; !isName && !hon {
				return 0
			}
			ne = end
		} else {
			return 0
		}
	} else {
		_, n := a.match(s, j)
		ne = j + n
	}
	if ne <= j || ne > L {
		return 0
	}
	name := a.doc.Text[s.toks[j].Start:s.toks[ne-1].End]
	c := &cand{
		kind: cPerson, span: a.span(s.toks[i].Start, s.toks[ne-1].End), sent: s.idx, ti: i, tj: ne,
		dictPerson: pe, honorific: hon, name: name, subject: isSubject(s, pastPoss(s, ne)),
	}
	c.subjectByTree(j, ne)
	if pe == nil {
		c.kind = cName
		// "the nominee Jane Doe": a noun for a person in lower case
		// right before the name is its title.
		if _, head := a.titleHead(s, j-1); head && j > 0 && !model.StartsUpper(s.toks[j-1].Text) {
			c.titled = true
		}
	}
	// Apposition: "Amina Yusuf, the Prime Minister of Kenya," or
	// "TENDAI AMARA MOKOENA (AU Commission Chairperson)".
	if role, orgCode, former, end, ok := a.appositionAfter(s, i, ne); ok {
		c.kind = cPerson
		c.role, c.roleOrg, c.former = role, orgCode, former
		c.rule = ruleApposition
		c.span = a.span(s.toks[i].Start, s.toks[end-1].End)
		c.tj = end
		a.add(c)
		return end - i
	}
	a.add(c)
	return ne - i
}

// appositionAfter parses ", [the] [organisation] role [of organisation]"
// (or the same in parentheses) after a name from token i to j. It returns
// the end of the role phrase (after a closing parenthesis). A role phrase
// that no comma closes, followed by a verb, is the verb's subject and not
// an apposition when the name is the object of a preposition ("At a press
// conference in Chelsea, the mayor said …").
func (a *analysis) appositionAfter(s *sent, i, j int) (role *actors.Entry, orgCode string, former bool, end int, ok bool) {
	L := len(s.toks)
	if j >= L {
		return nil, "", false, 0, false
	}
	paren := false
	switch s.low[j] {
	case ",":
	case "(":
		paren = true
	default:
		return nil, "", false, 0, false
	}
	k := j + 1
	if k < L && (s.low[k] == "the" || a.v.former[s.low[k]]) {
		if a.v.former[s.low[k]] {
			former = true
		}
		k++
	}
	for k < L && a.v.former[s.low[k]] {
		former = true
		k++
	}
	var org *actors.Entry
	for k < L {
		e, n := a.match(s, k)
		if e == nil || !isOrgKind(e.Kind) {
			break
		}
		org = e
		k += n
		if k < L && isPossessive(s.low[k]) {
			k++
		}
	}
	e, n := a.match(s, k)
	if e != nil && e.Kind == actors.Agent {
		// An agent word that is also a role: "Kofi Mensah, the governor,".
		e = a.dict.RoleEntry(strings.Join(s.words[k:k+n], " "))
	}
	if e == nil || e.Kind != actors.Role {
		return nil, "", false, 0, false
	}
	role = e
	k += n
	if k+1 < L && s.low[k] == "of" {
		if o, on := a.match(s, k+1); o != nil && isOrgKind(o.Kind) {
			org = o
			k += 1 + on
		}
	}
	if paren {
		if k >= L || s.low[k] != ")" {
			return nil, "", false, 0, false
		}
		k++
	} else if k < L {
		switch s.low[k] {
		case ",", ";", ".", ")", "--", "—", "–", ":":
		default:
			if !isSubject(s, k) || i > 0 && (s.toks[i-1].Tag == "IN" || s.toks[i-1].Tag == "TO") {
				return nil, "", false, 0, false
			}
		}
	}
	if org != nil {
		a.countOrg(org)
		orgCode = a.orgCode(org)
	}
	return role, orgCode, former, k, true
}

// pronounAt adds a pronoun candidate at token i when the pronoun is a
// subject form ("he", "she", "they": a subject wherever it stands, also
// before an adverb or an aside, "he really, really wants") or a
// possessive before a noun phrase.
func (a *analysis) pronounAt(s *sent, i int) {
	pk, ok := a.v.pronouns[s.low[i]]
	if !ok {
		return
	}
	if pk.possessive {
		if i+1 >= len(s.toks) {
			return
		}
		switch t := s.toks[i+1].Tag; {
		case strings.HasPrefix(t, "NN"), strings.HasPrefix(t, "JJ"), t == "VBG", t == "CD":
		default:
			return
		}
		if s.toks[i].Tag != "" && s.toks[i].Tag != "PRP$" && s.low[i] == "her" {
			return
		}
	}
	// (a pronoun that is not a possessive is a subject: once resolved,
	// it makes its person the subject of the sentence for the pronouns
	// after it)
	a.add(&cand{kind: cPronoun, span: a.span(s.toks[i].Start, s.toks[i].End), sent: s.idx, ti: i, tj: i + 1, pron: pk, subject: !pk.possessive})
}

// roleInside finds a role phrase inside the dictionary match of tokens
// [j, j+n): at its start for a person alias ("President Kamau": k = 0),
// at its end for a body ("AU Commission Chairperson": k = 1). It returns
// where the role starts, relative to j, and its length in tokens.
func (a *analysis) roleInside(s *sent, j, n int) (k, rn int, role *actors.Entry) {
	for k := 1; k < n; k++ {
		if e := a.dict.RoleEntry(strings.Join(s.words[j+k:j+n], " ")); e != nil {
			return k, n - k, e
		}
	}
	for rn := n - 1; rn >= 1; rn-- {
		if e := a.dict.RoleEntry(strings.Join(s.words[j:j+rn], " ")); e != nil {
			return 0, rn, e
		}
	}
	return -1, 0, nil
}

// agentHead returns the lower-cased name of the last agent word.
func agentHead(agents []*actors.Entry) string {
	if len(agents) == 0 {
		return ""
	}
	return strings.ToLower(agents[len(agents)-1].Name)
}

// orgName returns the end of a candidate name starting at token k that
// goes beyond the dictionary phrase there with an organisation word ("AU
// Watch", "the Official Kenyan Information"): the name of a publication
// or body the dictionary does not know, which is not a mention of the
// actor it starts with. It returns k when there is none.
func (a *analysis) orgName(s *sent, k int) int {
	if k >= len(s.toks) {
		return k
	}
	_, n := a.dictMatch(s, k)
	if n == 0 {
		return k
	}
	end := k
	if nm, ok := a.names[s.toks[k].Start]; ok && !nm.Label {
		for end < len(s.toks) && s.toks[end].End <= nm.End {
			end++
		}
	}
	if end <= k+n {
		// No candidate name beyond the phrase: look at the capitalised
		// proper nouns that follow it, up to the next dictionary phrase.
		end = k + n
		for end < len(s.toks) && end < k+n+3 && model.StartsUpper(s.toks[end].Text) && strings.HasPrefix(s.toks[end].Tag, "NNP") {
			if e, _ := a.dictMatch(s, end); e != nil {
				break
			}
			end++
		}
	}
	if end <= k+n {
		return k
	}
	for x := k + n; x < end; x++ {
		if a.v.orgWords[s.low[x]] {
			return end
		}
	}
	return k
}

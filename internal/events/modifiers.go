package events

import (
	"strings"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Actors named inside a noun phrase that the mention stage does not
// report as mentions: the mention stage keeps a demonym or a country
// before a noun that is no agent word for a quality ("Kenyan oil"), and a
// capital after a locative preposition for a place ("in Nairobi"). As the
// head of an event's participant they say whose the participant is:
// "Palestinian suicide bombers killed …" is an act of Palestinians,
// "demonstrators in Baghdad" are Iraqi demonstrators. The coder reads them
// from the dependency tree with the actor dictionary (Coder.WithActors):
//
//   - a nominal with no mention of its own takes the country (or
//     organisation) of a modifier (amod, compound, nmod:poss) that the
//     dictionary knows as a country, demonym, capital, organisation or
//     body ("Russian aircraft", "U.N. helicopters");
//   - a mention whose code is an agent alone ("demonstrators" CVL,
//     "officials" GOV) takes the country of a modifier ("Montenegro
//     Municipality Association officials") or of an "in", "of" or "from"
//     phrase ("opposition parties in Nepal", "doctors from American aid
//     groups"), composed with its agent;
//   - a group named by a demonym alone ("the Albanians", "ethnic Turks")
//     with an "in" or "of" phrase naming another country is the group of
//     that country ("the Albanians of southern Serbia");
//   - a name with no code takes the code of its apposition ("Kenzo
//     Oshima, the UN Emergency Relief Coordinator"), and a name whose last
//     word is a country is that country ("NATO-member Norway").
//
// Each such participant is a mention made for the event: its span is the
// words from the modifier to the head, and its rule says how it was made.

// actorInfo is what the coder knows of the actor dictionary: the
// dictionary, and which codes are agents and which countries.
type actorInfo struct {
	dict *actors.Dictionary
	// places are other names of countries and names of places in them
	// (data/actors/places.yaml), read only as modifiers and places.
	places    *actors.Dictionary
	agents    map[string]bool // agent codes ("GOV", "CVL")
	countries map[string]bool // country codes ("KEN")
	// people are people the dictionary does not know, with their codes
	// (data/actors/people-phoenix.txt), for a person the mention stage
	// found and has no code for; may be nil.
	people *actors.People
}

func newActorInfo(d, places *actors.Dictionary) *actorInfo {
	ai := &actorInfo{dict: d, places: places, agents: map[string]bool{}, countries: map[string]bool{}}
	for _, e := range d.Entries() {
		switch e.Kind {
		case actors.Agent, actors.Role:
			if e.Agent != "" {
				ai.agents[strings.ToUpper(strings.Trim(e.Agent, "~"))] = true
			}
		case actors.Country:
			for _, c := range e.Codes {
				if len(c.Code) == 3 {
					ai.countries[c.Code] = true
				}
			}
		}
	}
	return ai
}

// WithActors returns a coder that also reads, with the actor dictionary
// d, the actors that noun phrases name without being mentions (see
// above), and with places (may be nil) the places that say whose they
// are ("Darfur rebels"). The coder c is not changed.
func (c *Coder) WithActors(d, places *actors.Dictionary) *Coder {
	out := *c
	if d == nil {
		out.ai = nil
	} else {
		out.ai = newActorInfo(d, places)
	}
	return &out
}

// WithPeople returns a coder that gives a person the mention stage has
// no code for ("President Laurent Gbagbo") the code the list p has for
// the name at the document's date (see actors.People). It has an effect
// only on a coder with an actor dictionary (WithActors). The coder c is
// not changed.
func (c *Coder) WithPeople(p *actors.People) *Coder {
	out := *c
	if c.ai != nil {
		ai := *c.ai
		ai.people = p
		out.ai = &ai
	}
	return &out
}

// agentOnly reports whether code is an agent code with no country or
// organisation ("CVL", "GOV").
func (ai *actorInfo) agentOnly(code string) bool {
	return ai != nil && len(code) == 3 && ai.agents[code] && !ai.countries[code]
}

// country returns the country of a code ("IRQGOV" → "IRQ"), or "".
func (ai *actorInfo) country(code string) string {
	if ai == nil || len(code) < 3 || !ai.countries[code[:3]] {
		return ""
	}
	return code[:3]
}

// modifierKinds are the dictionary entries a modifier may name an actor
// by.
func modifierKind(k actors.EntryKind) bool {
	switch k {
	case actors.Country, actors.Demonym, actors.Capital, actors.IGO, actors.Body:
		return true
	}
	return false
}

// dictActor returns the actor code the dictionary gives the words from
// token k to token last (inclusive, local indexes) when they are exactly
// one country, demonym, capital, organisation or body: a capital gives
// its country, not its government ("Baghdad University" is in Iraq, not
// of its government). It returns "" otherwise.
func (s *sent) dictActor(k, last int, places bool) (code, name string) {
	if s.ai == nil || k < 0 || last < k || s.mAt[k] >= 0 {
		return "", ""
	}
	e, n := s.ai.dict.MatchWords(s.prepWords(), k)
	if (e == nil || k+n-1 != last) && places && s.ai.places != nil && startsUpperText(s.toks[k].Text) {
		// A place: not as an actor, only as what a participant is of.
		e, n = s.ai.places.MatchWords(s.prepWords(), k)
	}
	if e == nil || k+n-1 != last || !modifierKind(e.Kind) {
		return "", ""
	}
	c, ok := e.CodeAt(s.doc.Date)
	if !ok || c.Code == "" || c.Code == actors.NullCode {
		return "", ""
	}
	code = c.Code
	if e.Kind == actors.Capital {
		if code = s.ai.country(code); code == "" {
			return "", ""
		}
	}
	return code, e.Name
}

// tokenActor returns the code of what token d names: its mention's code,
// or the dictionary's for d (with the flat and compound words before it
// that belong to the same name: "Hong Kong", "West Bank"), or "".
func (s *sent) tokenActor(d int) (code, name string) { return s.tokenActorOf(d, true) }

// tokenActorOf is tokenActor, with the places dictionary or without.
func (s *sent) tokenActorOf(d int, places bool) (code, name string) {
	if s.lx.is("water_nouns", s.lemma(d)) {
		return "", "" // "the Persian Gulf", "the Indian Ocean": no country's
	}
	if m := s.mAt[d]; m >= 0 {
		return s.ms[m].Actor.Code, s.ms[m].Actor.Name
	}
	first := s.nameStart(d)
	for f := first; f <= d; f++ {
		if code, name := s.dictActor(f, d, places); code != "" {
			if b := s.placeStart(d); b >= 0 && b < f {
				// "Jersey" of "New Jersey": the words end the name of a
				// place, which is read as a place or not at all.
				if !places {
					return "", ""
				}
				return s.dictActor(b, d, true)
			}
			return code, name
		}
	}
	return s.ledBy(d)
}

// placeStart returns the first word of the name of a place in a
// country (data/actors/places.yaml) that ends at token d, of two words or
// more and all capitalised ("New Jersey", "New Mexico"), or -1.
func (s *sent) placeStart(d int) int {
	if s.ai == nil || s.ai.places == nil {
		return -1
	}
	for b := d - 1; b >= 0 && b >= d-maxPlacePrefix; b-- {
		if !startsUpperText(s.toks[b].Text) || s.mAt[b] >= 0 && s.mAt[b] != s.mAt[d] {
			return -1
		}
		if e, n := s.ai.places.MatchWords(s.prepWords(), b); e != nil && b+n-1 == d {
			return b
		}
	}
	return -1
}

// maxPlacePrefix is how many words a place's name may have before its
// last.
const maxPlacePrefix = 3

// ledBy returns the country or organisation that a modifier such as
// "Vietnamese-led" or "NATO-led" names (grammar.yaml led_suffixes), or "".
func (s *sent) ledBy(d int) (code, name string) {
	if s.ai == nil || !s.relIs(d, "amod", "compound") {
		return "", ""
	}
	w := s.toks[d].Text
	for _, suf := range s.lx.grammar["led_suffixes"] {
		if len(w) <= len(suf) || !strings.HasSuffix(strings.ToLower(w), suf) {
			continue
		}
		e, n := s.ai.dict.Match([]string{w[:len(w)-len(suf)]}, 0)
		if e == nil || n != 1 || !modifierKind(e.Kind) {
			return "", ""
		}
		c, ok := e.CodeAt(s.doc.Date)
		if !ok || c.Code == "" || c.Code == actors.NullCode {
			return "", ""
		}
		if e.Kind == actors.Capital {
			return s.ai.country(c.Code), e.Name
		}
		return c.Code, e.Name
	}
	return "", ""
}

// nameStart returns the first word of the capitalised name that ends at
// token d: the words right before it that depend on it, or on the same
// head as it, as parts of a name (flat, compound), none a mention
// ("Hong Kong", "Varn Council helicopters").
func (s *sent) nameStart(d int) int {
	first := d
	for first > 0 {
		p := first - 1
		h := s.head(p)
		if s.mAt[p] >= 0 || !startsUpperText(s.toks[p].Text) || !s.relIs(p, "flat", "compound") || h != d && (h < 0 || h != s.head(d)) {
			break
		}
		first = p
	}
	return first
}

func startsUpperText(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// made appends a mention made for an event (see above) and returns its
// index in s.ms.
func (s *sent) made(start, end int, code, name, rule string) int {
	m := model.Mention{
		Span:  model.NewSpan(s.doc.Text, s.toks[start].Start, s.toks[end].End),
		Actor: model.Actor{Code: code, Name: name},
		Rule:  rule,
	}
	s.ms = append(s.ms, m)
	s.mtok = append(s.mtok, [2]int{start, end + 1})
	return len(s.ms) - 1
}

// modifierActor returns the mention made for the nominal k, which has no
// mention of its own, from a modifier that names an actor, or -1.
func (s *sent) modifierActor(k int) int {
	if s.ai == nil || !isNounTag(s.tag(k)) && s.tag(k) != "CD" {
		return -1
	}
	var a [8]int
	ds := s.deps(k, a[:0])
	followers, other := s.lx.is("followers", s.lemma(k)), s.lx.is("relations", s.lemma(k))
	for _, d := range ds {
		if d > k || !s.relIs(d, "amod", "compound", "nmod:poss") {
			continue
		}
		if s.relIs(d, "nmod:poss") && (other || followers && s.mAt[d] >= 0 && s.ms[s.mAt[d]].Actor.Person) {
			continue // "Kenya's neighbour", "Juma Otieno's supporters": not Kenya, not Otieno (actorOf)
		}
		code, name := s.tokenActor(d)
		if code == "" {
			continue
		}
		first, _ := s.subtree(d)
		return s.made(first, k, code, name, "tree:modifier")
	}
	// One compound down: "Baghdad University Medical School", "U.S.
	// border patrol agents", the name or country on the compound that
	// modifies the head.
	for _, d := range ds {
		if d > k || !s.relIs(d, "compound") || s.mAt[d] >= 0 || s.lx.is("water_nouns", s.lemma(d)) {
			continue // (not through a sea: "the Persian Gulf crisis")
		}
		var b [8]int
		for _, x := range s.deps(d, b[:0]) {
			if x > d || !s.relIs(x, "amod", "compound", "nmod:poss") {
				continue
			}
			code, name := s.tokenActor(x)
			if code == "" {
				continue
			}
			first, _ := s.subtree(x)
			return s.made(first, k, code, name, "tree:modifier")
		}
	}
	return -1
}

// refine returns mention m as the participant that the nominal k names,
// refined by what the tree says about it (see above): m itself, or a
// mention made for the event.
func (s *sent) refine(k, m int) int {
	if s.ai == nil {
		return m
	}
	mm := s.ms[m]
	code := mm.Actor.Code
	var a [8]int
	ds := s.deps(k, a[:0])
	switch {
	case code == "":
		// "Kenzo Oshima, the UN Emergency Relief Coordinator".
		for _, d := range ds {
			if s.rel(d) == "appos" && s.mAt[d] >= 0 && s.mAt[d] != m && s.ms[s.mAt[d]].Actor.Code != "" {
				return s.mAt[d]
			}
		}
		// "Salaheddine Sidhoum, Algeria's leading human rights activist":
		// an apposition that is no mention but whose modifier names a
		// country or organisation, or, where the parse broke the
		// apposition up, a possessive country right after the name's
		// comma.
		for _, d := range ds {
			if d <= k || !s.relIs(d, "appos", "list") {
				continue
			}
			if s.mAt[d] < 0 && isNounTag(s.tag(d)) {
				if x := s.modified(d); x >= 0 {
					return x
				}
				continue
			}
			if md := s.mAt[d]; md >= 0 && md != m && d > 0 && s.low[s.mtok[md][0]-1] == "," && s.possessed(d) {
				if c := s.ai.country(s.ms[md].Actor.Code); c != "" {
					return s.made(s.mtok[m][0], s.mtok[m][1]-1, c, mm.Actor.Name, "tree:appos-country")
				}
			}
		}
		// "NATO-member Norway": a name whose last word is a country.
		last := s.mtok[m][1] - 1
		if last > s.mtok[m][0] && s.ai != nil && s.placeStart(last) < 0 {
			if e, n := s.ai.dict.MatchWords(s.prepWords(), last); e != nil && n == 1 && e.Kind == actors.Country {
				if c, ok := e.CodeAt(s.doc.Date); ok && c.Code != "" && c.Code != actors.NullCode {
					return s.made(s.mtok[m][0], last, c.Code, e.Name, "tree:name-country")
				}
			}
		}
		// "President Laurent Gbagbo": a person the list of people knows;
		// for a name read from the tree, with the words before it that
		// may be a title ("Archbishop Desmond Tutu").
		if c, ok := s.ai.people.Lookup(mm.Actor.Name, s.doc.Date); ok {
			return s.made(s.mtok[m][0], s.mtok[m][1]-1, c, mm.Actor.Name, "tree:person-list")
		}
		if mm.Text != mm.Actor.Name && strings.Contains(mm.Text, " ") {
			// "President Reagan": the list has names with their titles
			// where the surname alone says too little.
			if c, ok := s.ai.people.Lookup(mm.Text, s.doc.Date); ok {
				return s.made(s.mtok[m][0], s.mtok[m][1]-1, c, mm.Actor.Name, "tree:person-list")
			}
		}
		if mm.Rule == "tree:unknown-name" {
			for a, b := s.mtok[m][0]+1, s.mtok[m][1]; b-a >= 2; a++ {
				if !startsUpperText(s.toks[a].Text) {
					continue
				}
				name := s.doc.Text[s.toks[a].Start:s.toks[b-1].End]
				if c, ok := s.ai.people.Lookup(name, s.doc.Date); ok {
					return s.made(s.mtok[m][0], b-1, c, name, "tree:person-list")
				}
			}
		}
	case s.ai.agentOnly(code):
		// A modifier that names a country: "Montenegro Municipality
		// Association officials" (through the compound chain).
		if c, name := s.modifierCountry(k, 0); c != "" {
			return s.made(s.mtok[m][0], s.mtok[m][1]-1, s.ai.dict.Compose(c, code), name, "tree:modifier+agent")
		}
		for _, d := range ds {
			if d < k || !s.relIs(d, "nmod") {
				continue
			}
			switch s.marker(d) {
			case "in", "of", "from":
			default:
				continue
			}
			c, name := s.nominalActor(d)
			if c = s.ai.country(c); c == "" {
				continue
			}
			_, end := s.subtree(d)
			return s.made(s.mtok[m][0], end-1, s.ai.dict.Compose(c, code), name, "tree:agent+place")
		}
	case text.PluralTag(s.tag(k)) && s.demonymGroup(m):
		// "the Albanians of southern Serbia": a group of that country.
		for _, d := range ds {
			if d < k || !s.relIs(d, "nmod") {
				continue
			}
			if mk := s.marker(d); mk != "in" && mk != "of" {
				continue
			}
			c, name := s.tokenActor(d)
			if c = s.ai.country(c); c == "" || c == s.ai.country(code) {
				continue
			}
			_, end := s.subtree(d)
			return s.made(s.mtok[m][0], end-1, c, name, "tree:group+place")
		}
	}
	return m
}

// modifierCountry returns the country named by a modifier of the nominal
// k (amod, compound, nmod:poss before it), looking through compound
// nouns up to two levels down, or "".
func (s *sent) modifierCountry(k, depth int) (string, string) {
	var a [8]int
	for _, d := range s.deps(k, a[:0]) {
		if d > k || !s.relIs(d, "amod", "compound", "nmod:poss") {
			continue
		}
		if code, name := s.ledBy(d); code != "" {
			// "Vietnamese-led forces", inside the mention of the forces.
			if c := s.ai.country(code); c != "" {
				return c, name
			}
		}
		if code, name := s.tokenActor(d); code != "" {
			if c := s.ai.country(code); c != "" {
				return c, name
			}
			continue
		}
		if s.relIs(d, "compound") && s.mAt[d] < 0 && s.tag(d) == "NNP" && startsUpperText(s.toks[d].Text) &&
			!(s.tag(d+1) == "NNP" && startsUpperText(s.toks[d+1].Text)) {
			// "the Bush administration": the surname of people of one
			// country, not the first word of a longer name ("Cook
			// County prosecutors" are no Briton's).
			if c := s.ai.dict.SurnameCountry(s.toks[d].Text, s.ai.countries); c != "" {
				return c, s.toks[d].Text
			}
		}
		if depth < 1 && s.relIs(d, "compound") {
			if c, name := s.modifierCountry(d, depth+1); c != "" {
				return c, name
			}
		}
	}
	return "", ""
}

// prepWords returns the sentence's words prepared for dictionary
// matching, made on first use.
func (s *sent) prepWords() *actors.Words {
	if s.mwords == nil {
		words := make([]string, len(s.toks))
		for i, t := range s.toks {
			words[i] = t.Text
		}
		s.mwords = actors.NewWords(words)
	}
	return s.mwords
}

// refined returns refine(k, m), computed once per token.
func (s *sent) refined(k, m int) int {
	if s.ai == nil {
		return m
	}
	if r := s.refAt[k]; r != -2 {
		if r < 0 {
			return m
		}
		return r
	}
	r := s.refine(k, m)
	s.refAt[k] = r
	return r
}

// modified returns modifierActor(k), computed once per token.
func (s *sent) modified(k int) int {
	if s.ai == nil {
		return -1
	}
	if r := s.modAt[k]; r != -2 {
		return r
	}
	if s.lx.is("water_nouns", s.lemma(k)) {
		s.modAt[k] = -1
		return -1 // "the Persian Gulf": no country's
	}
	r := s.modifierActor(k)
	s.modAt[k] = r
	return r
}

// placeAt returns the mention made for the proper noun k when the
// dictionary knows it (with the name words before it) as a country,
// capital, organisation or body but the mention stage did not report it,
// as it does not report a capital after a locative preposition ("in
// Amman": Jordan), or -1.
func (s *sent) placeAt(k int) int {
	if s.ai == nil || s.mAt[k] >= 0 || (s.tag(k) != "NNP" && s.tag(k) != "NNPS") {
		return -1
	}
	// A place the actor dictionary does not know as an actor is where
	// something happens, not who does it: never a subject.
	code, name := s.tokenActorOf(k, !s.relIs(k, "nsubj", "csubj"))
	if code == "" {
		return -1
	}
	return s.made(s.nameStart(k), k, code, name, "tree:place")
}

// codesSome reports whether the verb at v codes an event with one of its
// lemmas (see verbCodes).
func (s *sent) codesSome(v int) bool {
	for _, l := range s.verbLemmas(v) {
		if s.verbCodes(v, l) {
			return true
		}
	}
	return false
}

// demonymGroup reports whether mention m is a demonym alone ("the
// Albanians", "ethnic Turks"), as the dictionary reads its words.
func (s *sent) demonymGroup(m int) bool {
	a, b := s.mtok[m][0], s.mtok[m][1]
	for k := a; k < b; k++ {
		e, n := s.ai.dict.MatchWords(s.prepWords(), k)
		if e != nil {
			return e.Kind == actors.Demonym && k+n == b
		}
	}
	return false
}

// nominalActor returns the code of what the nominal d names: its own
// (tokenActor) or that of a modifier (modifierActor).
func (s *sent) nominalActor(d int) (code, name string) {
	if code, name = s.tokenActor(d); code != "" {
		return code, name
	}
	if m := s.modified(d); m >= 0 {
		return s.ms[m].Actor.Code, s.ms[m].Actor.Name
	}
	return "", ""
}

// placeOf returns a mention made for the country that the "in" or "of"
// phrase of the nominal d names ("a force in Liberia", "the enclave of
// Gorazde" when the dictionary knows it), or -1.
func (s *sent) placeOf(d int) int {
	if s.ai == nil {
		return -1
	}
	var a [8]int
	for _, x := range s.deps(d, a[:0]) {
		if x < d || !s.relIs(x, "nmod") {
			continue
		}
		if mk := s.marker(x); mk != "in" && mk != "of" {
			continue
		}
		code, name := s.nominalActor(x)
		if c := s.ai.country(code); c != "" {
			_, end := s.subtree(x)
			return s.made(s.nameStart(x), end-1, c, name, "tree:place")
		}
	}
	return -1
}

// placeIn returns a mention made for the country of the place that the
// verb or event noun v acts in: an "in" oblique or modifier of v, an "in"
// modifier of its object, or, for a noun that is a verb's object, an "in"
// oblique of that verb, that names a place or a country (by its own name,
// or a noun of places with a modifier that names one: grammar.yaml
// place_nouns) and not a person ("lifted a night curfew in Montenegro",
// "reimposed blockades in the West Bank"). It returns -1 when there is
// none.
func (s *sent) placeIn(v int) int {
	if s.ai == nil {
		return -1
	}
	var a, b [16]int
	ds := s.deps(v, a[:0])
	if o := s.dep(v, "obj"); o >= 0 {
		for _, x := range s.deps(o, b[:0]) {
			if s.relIs(x, "nmod") && x > o {
				ds = append(ds, x)
			}
		}
	}
	if h := s.head(v); h >= 0 && s.relIs(v, "obj") && !isNounTag(s.tag(h)) {
		// an event noun that is its verb's object: "reimposed blockades in
		// the West Bank"
		for _, x := range s.deps(h, b[:0]) {
			if s.relIs(x, "obl") && x > v {
				ds = append(ds, x)
			}
		}
	}
	for _, x := range ds {
		if !s.relIs(x, "obl", "nmod") || s.marker(x) != "in" {
			continue
		}
		if m := s.mAt[x]; m >= 0 && s.ms[m].Actor.Person {
			continue
		}
		if e, n := s.ai.dict.MatchWords(s.prepWords(), x); e != nil && n == 1 && e.Kind == actors.Demonym {
			continue // "attacked the village in Russian": a language
		}
		code, name := s.tokenActor(x)
		if code == "" && s.lx.is("place_nouns", s.lemma(x)) {
			code, name = s.nominalActor(x)
		}
		if c := s.ai.country(code); c != "" && s.lx.countryCode(c) {
			if name == "" {
				name = c
			}
			_, end := s.subtree(x)
			return s.made(s.nameStart(x), end-1, c, name, "tree:place-acted-in")
		}
	}
	return -1
}

// unknownName returns a mention made for the subject k when it is a name
// that neither the mention stage nor the dictionaries know ("The
// Asia-Pacific Economic Cooperation (APEC) forum", "The rebel
// Revolutionary United Front"): a participant whose code is unknown, as
// the mention stage reports unknown people. Only a subject, and only a
// name: a proper noun, or a common noun with proper nouns or an acronym
// in apposition before or after it; never a time word. It returns -1
// otherwise.
func (s *sent) unknownName(k int) int {
	if !s.relIs(k, "nsubj") {
		return -1
	}
	return s.nameMention(k)
}

// nameMention is unknownName for the nominal k in any position.
func (s *sent) nameMention(k int) int {
	if s.ai == nil || s.calendarWord(k) {
		return -1
	}
	if code, _ := s.tokenActor(k); code != "" {
		return -1 // a place, not who acts
	}
	proper := func(x int) bool {
		t, w := s.tag(x), s.toks[x].Text
		return (t == "NNP" || t == "NNPS") && startsUpperText(w) || isNounTag(t) && acronym(w)
	}
	named := proper(k)
	if !named && isNounTag(s.tag(k)) {
		var a [8]int
		for _, d := range s.deps(k, a[:0]) {
			if proper(d) && s.relIs(d, "compound", "appos", "flat", "amod") && !s.calendarWord(d) {
				named = true
				break
			}
		}
	}
	if !named {
		return -1
	}
	first, end := s.subtree(k)
	// The name, not the clauses or phrases after it.
	last := k
	var a [8]int
	for _, d := range s.deps(k, a[:0]) {
		if d > k && s.relIs(d, "appos", "flat", "compound") {
			if _, e := s.subtree(d); e-1 > last {
				last = e - 1
			}
		}
	}
	if last >= end {
		last = end - 1
	}
	for first < k && (isDetTag(s.tag(first)) || s.mAt[first] >= 0 || s.relIs(first, "case", "mark", "punct")) {
		first++
	}
	for x := first; x <= last; x++ {
		if s.mAt[x] >= 0 {
			return -1 // a name with an actor in it is read by the rules above
		}
		if s.lx.is("months", s.low[x]) || s.lx.is("months", strings.TrimSuffix(s.low[x], ".")) || s.tag(x) == "CD" {
			return -1 // a dateline ("FLINT, Mich., Oct. 4 (UPI)"), no name
		}
	}
	return s.made(first, last, "", s.doc.Text[s.toks[first].Start:s.toks[last].End], "tree:unknown-name")
}

// localSources gives a source that is an agent alone ("the military
// government", "police") the country where its act takes place, for the
// acts that a country's own authorities or people carry out there
// (grammar.yaml local_roots: protest, coercion): "the military government
// declared a state of siege in Haiti" is Haiti's. The place is an "in"
// phrase of the verb v or of its object.
func (s *sent) localSources(src []int, code string, v int) []int {
	if s.ai == nil || len(code) < 2 || !s.lx.is("local_roots", code[:2]) {
		return src
	}
	out := src
	copied := false
	for i, m := range src {
		if !s.ai.agentOnly(s.ms[m].Actor.Code) {
			continue
		}
		c, name := s.actPlace(v)
		if c == "" {
			return out
		}
		if !copied {
			out = append([]int(nil), src...)
			copied = true
		}
		out[i] = s.made(s.mtok[m][0], s.mtok[m][1]-1, s.ai.dict.Compose(c, s.ms[m].Actor.Code), name, ruleActPlace)
	}
	return out
}

// ruleActPlace is the rule of a source whose country is the place of the
// act (localSources).
const ruleActPlace = "tree:agent+act-place"

// actPlace returns the country that an "in" phrase of the verb v, or of
// its object, names, or "".
func (s *sent) actPlace(v int) (string, string) {
	var a, b [16]int
	for _, d := range s.deps(v, a[:0]) {
		switch {
		case s.relIs(d, "obl") && s.marker(d) == "in":
			if c, name := s.nominalActor(d); s.ai.country(c) != "" {
				return s.ai.country(c), name
			}
		case s.relIs(d, "obj"):
			for _, x := range s.deps(d, b[:0]) {
				if x > d && s.relIs(x, "nmod") && s.marker(x) == "in" {
					if c, name := s.nominalActor(x); s.ai.country(c) != "" {
						return s.ai.country(c), name
					}
				}
			}
		}
	}
	return "", ""
}

// agentWord returns a mention made for the subject k when it is an agent
// word of the dictionary ("people", "demonstrators") that the mention
// stage did not report, or -1.
func (s *sent) agentWord(k int) int {
	if s.ai == nil || s.mAt[k] >= 0 || !isNounTag(s.tag(k)) || !s.relIs(k, "nsubj") {
		return -1
	}
	// "Hundreds of thousands of people": the word a quantity counts
	w := k
	for steps := 0; steps < 3 && s.lx.is("quantity_nouns", s.low[w]); steps++ {
		d := s.dep(w, "nmod")
		if d <= w || s.marker(d) != "of" || !isNounTag(s.tag(d)) {
			break
		}
		w = d
	}
	if w != k && s.mAt[w] >= 0 {
		return -1
	}
	code, ok := s.ai.dict.Agent(s.toks[w].Text)
	if !ok || code == "" || !s.ai.agentOnly(code) {
		return -1
	}
	return s.made(k, w, code, s.toks[w].Text, "tree:agent-word")
}

// possessed reports whether token d carries a possessive marker ("'s").
func (s *sent) possessed(d int) bool {
	c := s.dep(d, "case")
	return c > d && s.lx.is("possessive", s.low[c])
}

// acronym reports whether w is written in capitals, as an acronym is
// ("APEC", "U.N.").
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '.' || r == '-':
		default:
			return false
		}
	}
	return n >= 2
}

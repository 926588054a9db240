// Package actors holds dossier's actor knowledge: a Dictionary of phrases
// (country names, demonyms, capitals, intergovernmental organisations and
// their bodies, people with dated tenures, agent words and role phrases)
// resolved to CAMEO codes.
//
// Dictionaries are loaded from dossier's own YAML format (the default data
// in data/actors) or from the established event coders' formats
// (PETRARCH/TABARI actor dictionaries and agents dictionaries); see Load.
// A Dictionary is immutable after loading and safe for concurrent use.
//
// No code in this package names a real person, place or date: all of that
// lives in the data files.
package actors

import (
	"sort"
	"strings"
	"time"
)

// EntryKind says what kind of thing a dictionary phrase names.
type EntryKind int

// Entry kinds.
const (
	// Actor is an entry from a foreign-format dictionary whose kind could not
	// be told from its codes (an organisation, a group, a region, ...).
	Actor EntryKind = iota
	Country
	Demonym
	Capital
	IGO
	Body
	Person
	Agent
	Role
	// Honorific is a form of address before a surname ("Mr"); it names no
	// actor and is never matched as one.
	Honorific
)

var kindNames = [...]string{"actor", "country", "demonym", "capital", "igo", "body", "person", "agent", "role", "honorific"}

// String returns the kind's lower-case name ("country", "person", ...).
func (k EntryKind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// DatedCode is a CAMEO code in force between From and To (inclusive; a zero
// time is open-ended). Role is the office held, for people ("Prime
// Minister", "Secretary General").
type DatedCode struct {
	Code string    `json:"code"`
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	Role string    `json:"role,omitempty"`
}

// Contains reports whether t lies within the code's dates.
func (c DatedCode) Contains(t time.Time) bool {
	if !c.From.IsZero() && t.Before(c.From) {
		return false
	}
	if !c.To.IsZero() && t.After(c.To) {
		return false
	}
	return true
}

// Dated reports whether the code has a start or end date.
func (c DatedCode) Dated() bool { return !c.From.IsZero() || !c.To.IsZero() }

// NullCode is the code TABARI and PETRARCH dictionaries write as "[---]":
// the phrase is known but must not be coded.
const NullCode = "---"

// Entry is one dictionary phrase and what it resolves to.
type Entry struct {
	// Phrase is the phrase as written in the dictionary ("North Atlantic
	// Council", "U.S.", "Kenyan").
	Phrase string
	Kind   EntryKind
	// Name is the canonical name of what the phrase refers to ("United
	// States", "Tendai Amara Mokoena", "government").
	Name string
	// Codes are the CAMEO codes, dated for people. Agent and role entries
	// carry no codes of their own; see Agent.
	Codes []DatedCode
	// Agent is the CAMEO agent code for agent and role entries ("GOV",
	// "MIL"). For a role of an IGO ("Secretary General") it is the agent the
	// role implies inside a country; IGORole reports the IGO reading.
	Agent string
	// IGORole is true for roles that, attached to an IGO, stand for the IGO
	// itself ("AU Commission Chairperson" → IGOAFRAFU).
	IGORole bool
	// Source is the file and line the entry was loaded from.
	Source string
	// Surname is, for a person whose name alone is not its last word
	// ("Ban" of "Ban Ki-moon", "Xi" of "Xi Jinping"), the word the press
	// names them by after naming them in full; "" for the last word.
	Surname string

	words  []string // normalised phrase words
	strict []uint8  // per word: how the token must be written (phraseWords)
}

// CodeAt returns the code in force at t. With t zero it returns the most
// recent code: the open-ended code that started last, else the code that
// ended last. It reports false when the entry has no code in force at t.
func (e *Entry) CodeAt(t time.Time) (DatedCode, bool) {
	if e == nil || len(e.Codes) == 0 {
		return DatedCode{}, false
	}
	if t.IsZero() {
		best := -1
		for i, c := range e.Codes {
			if best < 0 || newer(c, e.Codes[best]) {
				best = i
			}
		}
		return e.Codes[best], true
	}
	// A dated code that covers t wins over an undated fallback.
	var fallback *DatedCode
	for i := range e.Codes {
		c := &e.Codes[i]
		if !c.Dated() {
			if fallback == nil {
				fallback = c
			}
			continue
		}
		if c.Contains(t) {
			return *c, true
		}
	}
	if fallback != nil {
		return *fallback, true
	}
	return DatedCode{}, false
}

// newer reports whether a is more recent than b for CodeAt with zero time.
func newer(a, b DatedCode) bool {
	aOpen, bOpen := a.To.IsZero(), b.To.IsZero()
	if aOpen != bOpen {
		return aOpen
	}
	if aOpen {
		return a.From.After(b.From)
	}
	return a.To.After(b.To)
}

// Code returns the entry's most recent code (CodeAt with zero time), or "".
func (e *Entry) Code() string {
	c, _ := e.CodeAt(time.Time{})
	return c.Code
}

// Dictionary maps phrases to actors. Build one with Default, Load or Merge.
// It is immutable and safe for concurrent use.
type Dictionary struct {
	entries []*Entry
	// first maps a normalised first word to the entries whose phrase starts
	// with it, longest phrase first.
	first map[string][]*Entry
	// people maps a normalised canonical name to the person's main entry.
	people map[string]*Entry
	// surnames maps a normalised last name to the people who bear it.
	surnames map[string][]*Entry
	// aliases maps a normalised alias phrase of a person to the main entry.
	aliases map[string]*Entry
	// agents maps a normalised agent word or phrase to its agent code,
	// and agentCodes holds those codes.
	agents     map[string]string
	agentCodes map[string]bool
	// roles maps a normalised role phrase to its canonical role name.
	roles map[string]*Entry
	// maxWords is the longest phrase in words.
	maxWords int
	// roleKeys maps a normalised role phrase to the normalised canonical
	// name of its role.
	roleKeys map[string]string
	// titles holds, for the first word of each role phrase, the
	// normalised canonical name of its role (title + "\x00" + role).
	titles map[string]bool
	// honorifics are the forms of address before a surname.
	honorifics map[string]bool
	// tenures maps a normalised role name to the people's tenures of it,
	// in the order Holder considers them: by person name, then as listed.
	tenures map[string][]tenure
}

// tenure is one dated code of a person, indexed for Holder.
type tenure struct {
	e *Entry
	c DatedCode
}

func newDictionary(entries []*Entry) *Dictionary {
	d := &Dictionary{
		entries:    entries,
		first:      make(map[string][]*Entry),
		people:     make(map[string]*Entry),
		surnames:   make(map[string][]*Entry),
		aliases:    make(map[string]*Entry),
		agents:     make(map[string]string),
		agentCodes: make(map[string]bool),
		roles:      make(map[string]*Entry),
		honorifics: make(map[string]bool),
	}
	// Later entries with the same phrase replace earlier ones, so a file
	// loaded later overrides one loaded earlier.
	byKey := make(map[string]int)
	kept := entries[:0:0]
	for _, e := range entries {
		if len(e.words) == 0 {
			continue
		}
		key := phraseKey(e)
		if i, ok := byKey[key]; ok {
			kept[i] = e
			continue
		}
		byKey[key] = len(kept)
		kept = append(kept, e)
	}
	d.entries = kept
	for _, e := range kept {
		if e.Kind == Honorific {
			d.honorifics[strings.Join(e.words, " ")] = true
			continue
		}
		w := e.words[0]
		d.first[w] = append(d.first[w], e)
		if len(e.words) > d.maxWords {
			d.maxWords = len(e.words)
		}
		joined := strings.Join(e.words, " ")
		switch e.Kind {
		case Person:
			// The main entry of a person is the one whose phrase is the
			// full name; aliases point at it (fixed up below). A name
			// with no word left after normalising ("!") names no one.
			name := normName(e.Name)
			if name == "" {
				continue
			}
			if _, ok := d.people[name]; !ok || joined == name {
				d.people[name] = e
			}
			d.aliases[joined] = e
		case Agent:
			d.agents[joined] = e.Agent
			d.agentCodes[e.Agent] = true
		case Role:
			d.roles[joined] = e
		}
	}
	// Aliases may have been registered before their main entry.
	for k, e := range d.aliases {
		d.aliases[k] = d.people[normName(e.Name)]
	}
	for name, e := range d.people {
		ws := strings.Fields(name)
		last := ws[len(ws)-1]
		d.surnames[last] = append(d.surnames[last], e)
	}
	for _, list := range d.first {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	}
	d.roleKeys = make(map[string]string, len(d.roles))
	d.titles = make(map[string]bool, len(d.roles))
	for k, e := range d.roles {
		d.roleKeys[k] = normName(e.Name)
		first, _, _ := strings.Cut(k, " ")
		d.titles[first+"\x00"+normName(e.Name)] = true
	}
	d.tenures = make(map[string][]tenure)
	for _, name := range d.sortedPeopleNames() {
		e := d.people[name]
		for _, c := range e.Codes {
			k := normName(c.Role)
			d.tenures[k] = append(d.tenures[k], tenure{e: e, c: c})
		}
	}
	return d
}

// phraseKey identifies an entry for overriding: the same phrase of the
// same broad kind (agent words and role phrases do not clash with names).
func phraseKey(e *Entry) string {
	ns := "name"
	switch e.Kind {
	case Agent:
		ns = "agent"
	case Role:
		ns = "role"
	case Honorific:
		ns = "honorific"
	}
	return ns + "\x00" + strings.Join(e.words, " ")
}

// Entries returns all entries (shared, do not modify).
func (d *Dictionary) Entries() []*Entry { return d.entries }

// Len returns the number of phrases in the dictionary.
func (d *Dictionary) Len() int { return len(d.entries) }

// Merge returns a dictionary with d's entries and other's; where both have
// the same phrase, or the same person, other's entry wins (user
// dictionaries override the default). Neither input is changed.
func (d *Dictionary) Merge(other *Dictionary) *Dictionary {
	if other == nil {
		return d
	}
	if d == nil {
		return other
	}
	// A person in d is replaced whole (aliases too) by any entry of other
	// with the same canonical name; that entry then counts as a person.
	otherNames := make(map[string]bool)
	for _, e := range other.entries {
		switch e.Kind {
		case Person, Actor, Country, IGO, Body:
			otherNames[normName(e.Name)] = true
		}
	}
	dPeople := make(map[string]bool)
	all := make([]*Entry, 0, len(d.entries)+len(other.entries))
	for _, e := range d.entries {
		if e.Kind == Person {
			n := normName(e.Name)
			dPeople[n] = true
			if otherNames[n] {
				continue
			}
		}
		all = append(all, e)
	}
	for _, e := range other.entries {
		if e.Kind == Actor && dPeople[normName(e.Name)] {
			p := *e
			p.Kind = Person
			e = &p
		}
		all = append(all, e)
	}
	return newDictionary(all)
}

// Match finds the longest dictionary phrase starting at words[i], where
// words are token texts. Matching is case-insensitive (except that
// acronyms such as "US" do not match the lower-case word "us"), treats
// curly and straight apostrophes alike, ignores dots ("U.S." matches "US"),
// drops a possessive "'s", and lets a leading "the" precede any phrase. It
// returns the entry and the number of words matched (counting the "the"),
// or nil, 0.
func (d *Dictionary) Match(words []string, i int) (*Entry, int) {
	if d == nil || i < 0 || i >= len(words) {
		return nil, 0
	}
	// Tokens are normalised lazily: most words start no phrase.
	m := lazyWords{words: words[i:]}
	return d.match(&m)
}

// Words is a word sequence prepared for repeated matching with
// MatchWords: each word is normalised once, on first use, however many
// matches look at it. It is not safe for concurrent use.
type Words struct {
	words []string
	norm  []normWord
}

// NewWords prepares words (token texts, as for Match) for MatchWords.
func NewWords(words []string) *Words {
	return &Words{words: words, norm: make([]normWord, len(words))}
}

// MatchWords is Match on prepared words: it returns what
// Match(words, i) returns.
func (d *Dictionary) MatchWords(w *Words, i int) (*Entry, int) {
	if d == nil || w == nil || i < 0 || i >= len(w.words) {
		return nil, 0
	}
	m := lazyWords{words: w.words[i:], ext: w.norm[i:]}
	return d.match(&m)
}

func (d *Dictionary) match(m *lazyWords) (*Entry, int) {
	e, n := d.matchAt(m, 0)
	if m.at(0).text == "the" {
		if e2, n2 := d.matchAt(m, 1); e2 != nil && n2+1 > n {
			return e2, n2 + 1
		}
	}
	return e, n
}

// lazyWords normalises tokens on first use: into ext when set (the
// forms of a Words, kept across matches), else into loc for the first
// words and afresh for the others.
type lazyWords struct {
	words []string
	ext   []normWord
	loc   [8]normWord
}

func (l *lazyWords) at(k int) normWord {
	if k >= len(l.words) {
		return normWord{}
	}
	var nw *normWord
	switch {
	case l.ext != nil:
		nw = &l.ext[k]
	case k < len(l.loc):
		nw = &l.loc[k]
	default:
		return normalizeToken(l.words[k])
	}
	if !nw.done {
		*nw = normalizeToken(l.words[k])
		nw.done = true
	}
	return *nw
}

func (d *Dictionary) matchAt(l *lazyWords, off int) (*Entry, int) {
	if off >= len(l.words) {
		return nil, 0
	}
	first := l.at(off)
	if first.text == "" {
		return nil, 0
	}
	avail := len(l.words) - off
	for _, e := range d.first[first.text] {
		if len(e.words) > avail {
			continue
		}
		ok := true
		for k, w := range e.words {
			nw := l.at(off + k)
			if nw.text != w || e.strict[k] == notLower && nw.lower || e.strict[k] == allCapital && !nw.upper {
				ok = false
				break
			}
		}
		if ok {
			return e, len(e.words)
		}
	}
	return nil, 0
}

// MatchAll returns every non-overlapping longest match in words, scanning
// left to right.
func (d *Dictionary) MatchAll(words []string) []Match {
	var out []Match
	for i := 0; i < len(words); {
		e, n := d.Match(words, i)
		if e == nil {
			i++
			continue
		}
		out = append(out, Match{Entry: e, Start: i, End: i + n})
		i += n
	}
	return out
}

// Match is a dictionary phrase found in a word sequence: words[Start:End].
type Match struct {
	Entry      *Entry
	Start, End int
}

// Person returns the person with the given full name or alias, or the only
// person with that surname; nil when there is none or the surname is
// ambiguous.
func (d *Dictionary) Person(name string) *Entry {
	if d == nil {
		return nil
	}
	n := normName(name)
	if n == "" {
		return nil
	}
	if e, ok := d.people[n]; ok {
		return e
	}
	if e, ok := d.aliases[n]; ok {
		return e
	}
	if list := d.surnames[n]; len(list) == 1 {
		return list[0]
	}
	return nil
}

// BySurname reports whether Person finds its person for name only as the
// one person of the dictionary with that surname: name is neither a full
// name nor an alias.
func (d *Dictionary) BySurname(name string) bool {
	if d == nil {
		return false
	}
	n := normName(name)
	if _, ok := d.people[n]; ok {
		return false
	}
	if _, ok := d.aliases[n]; ok {
		return false
	}
	return len(d.surnames[n]) == 1
}

// HeldAt reports whether the person held an office of the dictionary at
// t: a dated code covers t. It is false for a zero t.
func (e *Entry) HeldAt(t time.Time) bool {
	if e == nil || t.IsZero() {
		return false
	}
	for _, c := range e.Codes {
		if c.Dated() && c.Contains(t) {
			return true
		}
	}
	return false
}

// PersonAt is Person, except that a surname borne by several people
// resolves to the only one of them holding an office at t.
func (d *Dictionary) PersonAt(name string, t time.Time) *Entry {
	if e := d.Person(name); e != nil || t.IsZero() {
		return e
	}
	var found *Entry
	for _, e := range d.surnames[normName(name)] {
		for _, c := range e.Codes {
			if c.Dated() && c.Contains(t) {
				if found != nil && found != e {
					return nil
				}
				found = e
			}
		}
	}
	return found
}

// SurnameCountry returns the country that every code of every person
// with the surname name holds ("Bush" → "USA" when all the Bushes of the
// dictionary are of the United States), or "" when no one bears it or
// their codes name other countries or organisations. countries tells
// which three-letter codes are countries.
func (d *Dictionary) SurnameCountry(name string, countries map[string]bool) string {
	if d == nil {
		return ""
	}
	out := ""
	for _, e := range d.surnames[normName(name)] {
		for _, c := range e.Codes {
			if len(c.Code) < 3 || !countries[c.Code[:3]] || out != "" && c.Code[:3] != out {
				return ""
			}
			out = c.Code[:3]
		}
	}
	return out
}

// People returns the main entries of all people, sorted by name.
func (d *Dictionary) People() []*Entry {
	out := make([]*Entry, 0, len(d.people))
	for _, e := range d.people {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Tenures returns the dated codes of the named person (see Person), for
// inferring dates from office-holders; nil when the person is unknown.
func (d *Dictionary) Tenures(name string) []DatedCode {
	e := d.Person(name)
	if e == nil {
		return nil
	}
	return append([]DatedCode(nil), e.Codes...)
}

// CanonicalRole returns the canonical name of a role phrase ("Secretary of
// Defense" → "Defence Minister"), or the phrase itself when it is not a
// known role.
func (d *Dictionary) CanonicalRole(role string) string {
	if d != nil {
		if e, ok := d.roles[normName(role)]; ok {
			return e.Name
		}
	}
	return strings.TrimSpace(role)
}

// Titled reports whether title, one word written before a surname
// ("Secretary", "President"), opens a phrase of role, a canonical role
// name: "Secretary" opens "Secretary of State", a phrase of the foreign
// minister's role.
func (d *Dictionary) Titled(title, role string) bool {
	return d != nil && d.titles[normName(title)+"\x00"+normName(role)]
}

// RoleEntry returns the role entry for a role phrase, or nil.
func (d *Dictionary) RoleEntry(role string) *Entry {
	if d == nil {
		return nil
	}
	return d.roles[normName(role)]
}

// Holder returns the person who held role at org (a country code such as
// "LBY" or an IGO code such as "IGOAFRAFU") at time t, or nil. A tenure
// counts when its code is org or starts with org followed by agent codes
// ("KENGOV"). With several holders it prefers the one whose code is
// closest to org (an IGO's own code over a sub-body's).
func (d *Dictionary) Holder(role, org string, t time.Time) *Entry {
	if d == nil {
		return nil
	}
	// The tenures of the role, in the order of a scan of the people by
	// name, are indexed when the dictionary is built.
	want := normName(role)
	if k, ok := d.roleKeys[want]; ok {
		want = k
	}
	org = strings.ToUpper(strings.TrimSpace(org))
	var best *Entry
	bestLen := 0
	for i := range d.tenures[want] {
		tn := &d.tenures[want][i]
		c := &tn.c
		if !strings.HasPrefix(c.Code, org) || (len(c.Code)-len(org))%3 != 0 {
			continue
		}
		if !t.IsZero() && !c.Contains(t) {
			continue
		}
		if t.IsZero() && !c.To.IsZero() {
			continue
		}
		if best == nil || len(c.Code) < bestLen {
			best, bestLen = tn.e, len(c.Code)
		}
	}
	return best
}

func (d *Dictionary) sortedPeopleNames() []string {
	names := make([]string, 0, len(d.people))
	for n := range d.people {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Agent returns the CAMEO agent code of an agent word or phrase
// ("officials" → "GOV", "armed forces" → "MIL").
func (d *Dictionary) Agent(word string) (string, bool) {
	if d == nil {
		return "", false
	}
	a, ok := d.agents[normName(word)]
	if !ok {
		if r, ok2 := d.roles[normName(word)]; ok2 && r.Agent != "" {
			return r.Agent, true
		}
	}
	return a, ok
}

// SectorOnly reports whether code is made of agent codes alone ("GOV",
// "BUS", "GOVMIL"): a kind of actor in no country or international body
// ("the government", "businesses"), which names no one organisation.
func (d *Dictionary) SectorOnly(code string) bool {
	if d == nil || code == "" || len(code)%3 != 0 {
		return false
	}
	for i := 0; i < len(code); i += 3 {
		if !d.agentCodes[code[i:i+3]] {
			return false
		}
	}
	return true
}

// Compose joins a country or IGO code with an agent code: ("LBY", "GOV") →
// "KENGOV", ("USA", "MIL") → "USAMIL". An agent the code already ends with
// is not repeated, and government-like agents (GOV) attached to an IGO
// leave the IGO code unchanged: "AU officials" are coded as AU.
func (d *Dictionary) Compose(countryOrIGO, agent string) string {
	base := strings.ToUpper(strings.TrimSpace(countryOrIGO))
	agent = strings.ToUpper(strings.TrimPrefix(strings.TrimSpace(agent), "~"))
	agent = strings.TrimSuffix(agent, "~")
	if agent == "" || base == "" {
		return base + agent
	}
	if strings.HasSuffix(base, agent) && (len(base)-len(agent))%3 == 0 {
		return base
	}
	if strings.HasPrefix(base, "IGO") && agent == "GOV" {
		return base
	}
	return base + agent
}

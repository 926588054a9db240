// Package people makes the persons and organisations of a dossier.
//
// Per document (CodeSpeakers, FirstPersonWords.Mentions): in: the
// document's quotes and actor mentions; out: the quotes' speakers coded
// as the same person's mentions are, and the mentions that "I" and "we"
// make inside direct speech (the speaker, the speaker's side).
//
// Across documents (Collector, Holders): in: every document with its
// analysis; out: one record per person and organisation (store.Actor)
// with the forms of its name, its roles with their dates, and counts of
// mentions, quotes and turns; and quotes whose source is only described
// ("the council's chair said") given to the holder of that role that a
// primary record names.
package people

import (
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/store"
)

// The people and organisations of a dossier, as the pass lists them: one
// record per resolved actor of the mentions and per person an attendance
// line ("PRESENT: Chair Jane Doe; Councillors ...") or a transcript's
// speakers name, with the forms the texts use, the roles the attendance
// lines and transcripts give, and counts of mentions, quotes and turns.
//
// Records join by full name (case aside). A name given by surname alone
// ("Mr Roe", "Councillor Roe") joins the one person of that surname in
// the dossier; when there are several, or none, or their codes differ,
// it stays a record of its own: two people are never made one on a
// guess. Quotes and turns count for the record their speaker's name
// resolves to by the same rules, or by a form of the name that belongs
// to one record only; the others count for nobody.

const (
	maxNames    = 8  // forms of a name kept per actor
	maxForms    = 64 // distinct forms counted per actor
	maxExamples = 3  // mentions kept as evidence per actor
	maxRoles    = 6
)

type actorAcc struct {
	store.Actor
	// named is true once a mention by name (not a pronoun) named the
	// record: its Name is then that mention's actor's.
	named bool
	forms map[string]int
	// docs are the ordinals of the documents the actor is in.
	docs docSet
	// first and last are the earliest and latest dates of those
	// documents (zero when none is dated).
	first, last time.Time
}

type Collector struct {
	by map[string]*actorAcc
	// names reads attendance lines and tells role words and honorifics
	// from names; nil reads none.
	names *ingest.Vocab
	doc   int32 // ordinal of the document being added
	// quotes and turns count the quotes and transcript turns by the
	// speaker's name, lower case, until list resolves them.
	quotes, turns map[string]int
	// labelled gives a transcript speaker's full name, lower case, the
	// key of the record its turn labels' mentions resolve to ("Donald J.
	// Trump", labelled "TRUMP:", is the dictionary's "Donald Trump"); ""
	// when two documents' labels resolve it to two records.
	labelled map[string]string
	// tenures gives a person's dated offices from the actor dictionary;
	// nil gives none.
	tenures func(name string) []actors.DatedCode
	// Sector reports whether a code is made of sector codes alone
	// ("GOV", "BUS": actors.Dictionary.SectorOnly); nil: none is. Such a
	// code names a kind of actor, not one organisation, so its mentions
	// make records only where the text names the organisation ("the
	// National Congress"; not a role such as "Senator"), one per name:
	// "businesses" and "the court" of different articles are not one
	// record.
	Sector func(code string) bool
}

func NewCollector(names *ingest.Vocab, tenures func(string) []actors.DatedCode) *Collector {
	return &Collector{by: map[string]*actorAcc{}, names: names, quotes: map[string]int{}, turns: map[string]int{},
		labelled: map[string]string{}, tenures: tenures}
}

// institutionRule is the rule of a mention of one of the dictionary's
// named institutions (the mentions stage writes "dict:" and the entry's
// kind, actors.Actor).
const institutionRule = "dict:actor"

// actorKey identifies a mention's actor: a named person by name, lower
// case, a named organisation (one of the dictionary's institutions) by
// its code and name, as several share a code (CNN and Fox News are both
// USAMED), otherwise its code. Anonymous and unresolved mentions, and
// persons with no name, have none.
func actorKey(a model.Actor, rule string) string {
	switch {
	case a.Anonymous, a.Person && a.Name == "":
		// (a person known only by a role no one is named in, "the
		// secretary of state": someone, no record)
		return ""
	case a.Person:
		return nameKey(a.Name)
	case a.Code != "" && a.Name != "" && strings.HasPrefix(rule, institutionRule):
		return a.Code + " " + nameKey(a.Name)
	}
	return a.Code
}

// roleWord reports whether name is a role of the names vocabulary
// ("Senator", "Governor"): a person addressed or described by it
// ("Thank you, Senator."), not an organisation.
func (c *Collector) roleWord(name string) bool {
	if c.names == nil {
		return false
	}
	name = strings.Join(strings.Fields(name), " ")
	for _, r := range c.names.Roles {
		if strings.EqualFold(r, name) {
			return true
		}
	}
	return false
}

// properName reports whether name, the name of a mention at sp of text,
// is written as a proper name: its first and last words capitalised,
// and where its first word opens a sentence (where any word is
// capitalised), its second too ("the National Congress", "Congress"
// inside a sentence; not "the court", nor "Senators" opening one).
func properName(text string, sp model.Span, name string) bool {
	w := strings.Fields(name)
	if len(w) == 0 || !model.StartsUpper(w[0]) || !model.StartsUpper(w[len(w)-1]) || sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
		return false
	}
	if len(w) > 1 && model.StartsUpper(w[1]) || !strings.HasPrefix(text[sp.Start:sp.End], w[0]) {
		return true // two capitalised words, or a word of the mention before the name ("the Senate")
	}
	before := strings.TrimRightFunc(text[:sp.Start], func(r rune) bool {
		return unicode.IsSpace(r) || unicode.In(r, unicode.Pi, unicode.Ps) || r == '"' || r == '\''
	})
	r, _ := utf8.DecodeLastRuneInString(before)
	return before != "" && !strings.ContainsRune(".!?:\n", r)
}

// mentionsAt finds the mention of a span, by its start and end, in a
// document's mentions: the table is made on the first find (most
// documents ask none).
type mentionsAt map[[2]int]int

func (at *mentionsAt) find(ms []model.Mention, sp model.Span) (model.Mention, bool) {
	if *at == nil {
		*at = make(mentionsAt, len(ms))
		for i, m := range ms {
			(*at)[[2]int{m.Start, m.End}] = i
		}
	}
	i, ok := (*at)[[2]int{sp.Start, sp.End}]
	if !ok {
		return model.Mention{}, false
	}
	return ms[i], true
}

// nameKey is a person's name as a key: lower case, single spaces.
func nameKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// recordKey is the key of the record a mention's actor is collected in
// while documents are added: actorKey, except that a person named by
// surname alone ("Clinton", "Mr. Clinton") is a record of the document
// being added, until List decides whom it is (one "Clinton" may be the
// former secretary of state, another's the former president).
func (c *Collector) recordKey(a model.Actor, rule string) string {
	k := actorKey(a, rule)
	if k != "" && a.Person && len(strings.Fields(c.bareName(a.Name))) == 1 {
		k += aloneMark + strconv.Itoa(int(c.doc))
	}
	return k
}

// aloneMark separates a surname's key from the ordinal of the document
// that named it alone (see recordKey); no name holds it.
const aloneMark = "\x00"

// get returns the record of key, made if new.
func (c *Collector) get(key, name, code string, person bool) *actorAcc {
	x := c.by[key]
	if x == nil {
		x = &actorAcc{Actor: store.Actor{Key: key, Name: strings.Clone(name), Code: strings.Clone(code), Person: person,
			Names: []string{}, Roles: []string{}, Held: []store.Held{}, Examples: []model.Evidence{}}, forms: map[string]int{}}
		c.by[key] = x
	}
	if x.Code == "" && code != "" {
		x.Code = strings.Clone(code)
	}
	return x
}

// seen notes that x is in document d, and takes the roles d's speakers
// of that name give.
func (c *Collector) seen(x *actorAcc, d *model.Document) {
	if !x.docs.add(c.doc) {
		return
	}
	if !d.Date.IsZero() {
		if x.first.IsZero() || d.Date.Before(x.first) {
			x.first = d.Date
		}
		if end := dateEnd(d); end.After(x.last) {
			x.last = end
		}
	}
	if x.Person {
		// (a record of a surname alone, "Clinton", is someone of that
		// name, not known to be the speaker of the fuller name)
		alone := len(strings.Fields(c.bareName(x.Name))) < 2
		for _, s := range d.Speakers {
			if model.SamePerson(s.Name, x.Name) && (!alone || len(strings.Fields(c.bareName(s.Name))) < 2) {
				role := strings.Join(nonEmpty(s.Role, s.Organization), ", ")
				x.addRole(role)
				x.addHeld(role, d, store.HeldByTranscript)
			}
		}
	}
}

// dateEnd is the last day document d's date may be.
func dateEnd(d *model.Document) time.Time {
	if !d.DateEnd.IsZero() {
		return d.DateEnd
	}
	return d.Date
}

// addHeld notes that document d gives x the role, as of d's date (nil d:
// as of no date).
func (x *actorAcc) addHeld(role string, d *model.Document, by string) {
	role = strings.TrimSpace(role)
	if role == "" {
		return
	}
	from, to := "", ""
	if d != nil && !d.Date.IsZero() && !dateEnd(d).After(d.Date) {
		// Only a document dated to the day dates what it states: one
		// known only to lie within years (inferred from who held an
		// office) would give the role those years.
		from, to = d.Date.Format(time.DateOnly), d.Date.Format(time.DateOnly)
	}
	for i := range x.Held {
		h := &x.Held[i]
		if h.By != by || !strings.EqualFold(h.Role, role) {
			continue
		}
		if from != "" && (h.From == "" || from < h.From) {
			h.From = from
		}
		if to > h.To {
			h.To = to
		}
		return
	}
	if len(x.Held) < maxRoles {
		x.Held = append(x.Held, store.Held{Role: strings.Clone(role), From: from, To: to, By: by})
	}
}

// addTenures adds the dictionary's tenures of x that overlap the dates
// of x's documents (all of them when no document is dated).
func (c *Collector) addTenures(x *actorAcc) {
	if c.tenures == nil || !x.Person {
		return
	}
	for _, t := range c.tenures(x.Name) {
		if t.Role == "" {
			continue
		}
		if !x.first.IsZero() && (!t.To.IsZero() && t.To.Before(x.first) || !t.From.IsZero() && t.From.After(x.last)) {
			continue // held before or after anything the dossier is about
		}
		h := store.Held{Role: t.Role, Code: t.Code, By: store.HeldByDictionary}
		if !t.From.IsZero() {
			h.From = t.From.Format(time.DateOnly)
		}
		if !t.To.IsZero() {
			h.To = t.To.Format(time.DateOnly)
		}
		x.Held = append(x.Held, h)
	}
}

// Add collects the people of one document: its mentions, the people of
// its attendance lines (a transcript's or a statement's), its speakers,
// and the speakers of its quotes and turns.
func (c *Collector) Add(d *model.Document, a *model.Analysis) {
	c.doc++
	for _, m := range a.Mentions {
		k := c.recordKey(m.Actor, m.Rule)
		if k != "" && !m.Actor.Person && c.Sector != nil && c.Sector(m.Actor.Code) && !strings.HasPrefix(m.Rule, institutionRule) {
			k = ""
			if !m.Pronominal() && properName(d.Text, m.Span, m.Actor.Name) && !c.roleWord(m.Actor.Name) {
				k = m.Actor.Code + " " + nameKey(m.Actor.Name)
			}
		}
		if k == "" {
			continue
		}
		name := m.Actor.Name
		if name == "" {
			name = m.Actor.Code
		}
		x := c.get(k, name, m.Actor.Code, m.Actor.Person)
		if !m.Pronominal() && !x.named {
			// "we" in a quotation makes the record of the speaker's
			// side ("X's side"); a mention by name names it better
			x.Name, x.named = strings.Clone(name), true
		}
		x.Mentions++
		c.seen(x, d)
		if !m.Pronominal() {
			// a pronoun ("he", an "I" in a quotation) counts as a
			// mention, not as a form of the name
			x.addForm(strings.Join(strings.Fields(m.Text), " "), 1)
		}
		if m.Role != "" {
			x.addRole(m.Role)
			if m.RoleTitle {
				// a title the press keeps for former holders ("President
				// Reagan" in 2016): the article gives the role, not when
				x.addHeld(m.Role, nil, store.HeldByArticle)
			} else {
				x.addHeld(m.Role, d, store.HeldByArticle)
			}
		}
		if len(x.Examples) < maxExamples {
			x.addExample(d, m.Span, false)
		}
	}
	// the record key of the mention at each span
	var at mentionsAt
	mentionAt := func(sp model.Span) string {
		if m, ok := at.find(a.Mentions, sp); ok {
			return c.recordKey(m.Actor, m.Rule)
		}
		return ""
	}
	if d.Kind.Primary() && c.names != nil {
		for _, at := range ingest.Attendance(d.Text, c.names) {
			// the record the name's mention resolves to, if one does
			// ("Donald J. Trump" of a debate's header is the
			// dictionary's "Donald Trump")
			k := mentionAt(at.Span)
			if k == "" || c.by[k] == nil || !c.by[k].Person {
				k = nameKey(at.Name)
			}
			x := c.get(k, at.Name, "", true)
			c.seen(x, d)
			for _, r := range at.Roles {
				x.addRole(r)
				x.addHeld(r, d, store.HeldByAttendance)
			}
			x.addExample(d, at.Span, true) // the line that gives the role comes first
		}
	}
	// Speakers of turns: counted by name, and a record for one named in
	// full that nothing else made.
	turns := make([]int, len(d.Speakers))
	label := make([]model.Span, len(d.Speakers))
	for _, t := range d.Turns {
		if t.Speaker >= 0 && t.Speaker < len(turns) {
			if turns[t.Speaker] == 0 {
				label[t.Speaker] = t.Label
			}
			turns[t.Speaker]++
		}
	}
	for i, s := range d.Speakers {
		k := nameKey(s.Name)
		if turns[i] == 0 || k == "" {
			continue
		}
		c.turns[k] += turns[i]
		if len(strings.Fields(c.bareName(s.Name))) >= 2 {
			if to := mentionAt(label[i]); to != "" && to != k {
				if was, ok := c.labelled[k]; ok && was != to {
					to = ""
				}
				c.labelled[k] = to
			}
			if c.labelled[k] != "" {
				continue // the label's record, made by its mentions
			}
		}
		if c.by[k] == nil && len(strings.Fields(c.bareName(s.Name))) >= 2 {
			x := c.get(k, s.Name, "", true)
			c.seen(x, d)
			x.addExample(d, label[i], false)
		}
	}
	for _, q := range a.Quotes {
		if q.SpeakerBy == model.SpeakerByDescription || q.SpeakerBy == model.SpeakerByPhrase {
			continue // no one's name
		}
		if k := nameKey(q.Speaker); k != "" && !q.Anonymous {
			c.quotes[k]++
		}
	}
}

// articleRolesAgree reports whether the roles articles state for x and
// y leave them one person: when both have such roles, one of x's shares
// a word with one of y's ("Chief Justice Roberts" is not "Charlotte Mayor
// Jennifer Roberts", though both are Roberts).
func articleRolesAgree(x, y *actorAcc) bool {
	words := map[string]bool{}
	for _, h := range y.Held {
		if h.By == store.HeldByArticle {
			for _, w := range strings.Fields(strings.ToLower(h.Role)) {
				words[w] = true
			}
		}
	}
	stated := false
	for _, h := range x.Held {
		if h.By != store.HeldByArticle {
			continue
		}
		stated = true
		for _, w := range strings.Fields(strings.ToLower(h.Role)) {
			if words[w] {
				return true
			}
		}
	}
	return !stated || len(words) == 0
}

func (x *actorAcc) addForm(form string, n int) {
	if _, ok := x.forms[form]; ok || len(x.forms) < maxForms {
		if !ok {
			form = strings.Clone(form)
		}
		x.forms[form] += n
	}
}

// addExample keeps span s of d as evidence, first or last.
func (x *actorAcc) addExample(d *model.Document, s model.Span, first bool) {
	if s.Start < 0 || s.End > len(d.Text) || s.Start >= s.End {
		return
	}
	for _, e := range x.Examples {
		if e.Doc == d.ID && e.Start == s.Start && e.End == s.End {
			return
		}
	}
	e := model.EvidenceOf(d.ID, s)
	e.Text = strings.Clone(d.Text[s.Start:s.End])
	if first {
		x.Examples = append([]model.Evidence{e}, x.Examples...)
	} else {
		x.Examples = append(x.Examples, e)
	}
	if len(x.Examples) > maxExamples {
		x.Examples = x.Examples[:maxExamples]
	}
}

func (x *actorAcc) addRole(role string) {
	role = strings.TrimSpace(role)
	if role == "" || len(x.Roles) >= maxRoles {
		return
	}
	for _, r := range x.Roles {
		if strings.EqualFold(r, role) {
			return
		}
	}
	x.Roles = append(x.Roles, strings.Clone(role))
}

// merge makes y part of x.
func (x *actorAcc) merge(y *actorAcc) {
	x.Mentions += y.Mentions
	x.Quotes += y.Quotes
	x.Turns += y.Turns
	x.docs.union(&y.docs)
	forms := make([]string, 0, len(y.forms))
	for f := range y.forms {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	for _, f := range forms {
		x.addForm(f, y.forms[f])
	}
	for _, r := range y.Roles {
		x.addRole(r)
	}
	for _, h := range y.Held {
		found := false
		for i := range x.Held {
			g := &x.Held[i]
			if g.By == h.By && strings.EqualFold(g.Role, h.Role) {
				if h.From != "" && (g.From == "" || h.From < g.From) {
					g.From = h.From
				}
				if h.To > g.To {
					g.To = h.To
				}
				found = true
			}
		}
		if !found && len(x.Held) < maxRoles {
			x.Held = append(x.Held, h)
		}
	}
	if !y.first.IsZero() && (x.first.IsZero() || y.first.Before(x.first)) {
		x.first = y.first
	}
	if y.last.After(x.last) {
		x.last = y.last
	}
	for _, e := range y.Examples {
		if len(x.Examples) < maxExamples {
			x.Examples = append(x.Examples, e)
		}
	}
	if x.Code == "" {
		x.Code = y.Code
	}
}

// docSet is a set of document ordinals, added in ascending order: a
// sorted list while it is sparse, a bitmap once the list would take more
// room than one bit per document so far, so that an actor named in most
// documents costs a bit, not four bytes, per document.
type docSet struct {
	list []int32
	bits []uint64
	n    int
}

// add adds ordinal d, not below any added before; false when it was
// there already.
func (s *docSet) add(d int32) bool {
	if s.bits != nil {
		w, b := int(d)/64, uint(d)%64
		for len(s.bits) <= w {
			s.bits = append(s.bits, 0)
		}
		if s.bits[w]&(1<<b) != 0 {
			return false
		}
		s.bits[w] |= 1 << b
		s.n++
		return true
	}
	if n := len(s.list); n > 0 && s.list[n-1] == d {
		return false
	}
	s.list = append(s.list, d)
	s.n++
	if len(s.list)*32 > int(d)+64 {
		s.toBits()
	}
	return true
}

func (s *docSet) toBits() {
	if s.bits != nil {
		return
	}
	s.bits = []uint64{}
	for _, d := range s.list {
		w := int(d) / 64
		for len(s.bits) <= w {
			s.bits = append(s.bits, 0)
		}
		s.bits[w] |= 1 << (uint(d) % 64)
	}
	s.list = nil
}

// len is the number of documents in the set.
func (s *docSet) len() int { return s.n }

// union adds the documents of t.
func (s *docSet) union(t *docSet) {
	if s.bits == nil && t.bits == nil {
		s.list = unionSorted(s.list, t.list)
		s.n = len(s.list)
		return
	}
	s.toBits()
	n := 0
	add := func(w int, v uint64) {
		for len(s.bits) <= w {
			s.bits = append(s.bits, 0)
		}
		s.bits[w] |= v
	}
	if t.bits != nil {
		for w, v := range t.bits {
			add(w, v)
		}
	} else {
		for _, d := range t.list {
			add(int(d)/64, 1<<(uint(d)%64))
		}
	}
	for _, v := range s.bits {
		n += bits.OnesCount64(v)
	}
	s.n = n
}

func unionSorted(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

// bareName is a name without the honorifics and role words before it
// ("Councillor Roe" → "Roe", "Mr John Roe" → "John Roe").
func (c *Collector) bareName(name string) string {
	s := strings.Join(strings.Fields(name), " ")
	if c.names == nil {
		return s
	}
	for {
		w := strings.Fields(s)
		if len(w) < 2 {
			return s
		}
		if c.names.Honorifics[strings.ToUpper(w[0])] {
			s = strings.Join(w[1:], " ")
			continue
		}
		cut := false
		for _, r := range c.names.Roles { // longest first
			if len(s) > len(r) && strings.EqualFold(s[:len(r)], r) && s[len(r)] == ' ' {
				s, cut = strings.TrimSpace(s[len(r):]), true
				break
			}
		}
		if !cut {
			return s
		}
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// List joins the records given by surname alone to the one person of
// that surname, gives the quotes and turns to their speakers' records,
// and returns the records, most mentioned first.
func (c *Collector) List() []store.Actor {
	keys := make([]string, 0, len(c.by))
	for k := range c.by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	alias := map[string]string{}
	// A full name with role words or an honorific before it ("Mr John
	// Roe") is the record of that full name, when there is one.
	for _, k := range keys {
		x := c.by[k]
		if x == nil || !x.Person {
			continue
		}
		bare := nameKey(c.bareName(x.Name))
		to := c.by[bare]
		if bare == k || len(strings.Fields(bare)) < 2 || to == nil || !to.Person || x.Code != "" && to.Code != "" && x.Code != to.Code {
			continue
		}
		to.merge(x)
		alias[k] = bare
		delete(c.by, k)
	}
	// The people named in full, by surname.
	full := map[string][]*actorAcc{}
	var alone []*actorAcc
	for _, k := range keys {
		x := c.by[k]
		if x == nil || !x.Person {
			continue
		}
		switch w := strings.Fields(c.bareName(x.Name)); {
		case len(w) == 1:
			alone = append(alone, x)
		case len(w) > 1:
			last := strings.ToLower(w[len(w)-1])
			full[last] = append(full[last], x)
		}
	}
	left := map[string][]*actorAcc{} // by surname, in the order documents came
	for _, x := range alone {
		to := full[strings.ToLower(c.bareName(x.Name))]
		if len(to) != 1 || x.Code != "" && to[0].Code != "" && x.Code != to[0].Code || !articleRolesAgree(x, to[0]) {
			// nobody, more than one, or another's title: it stays apart
			sur := nameKey(c.bareName(x.Name))
			left[sur] = append(left[sur], x)
			continue
		}
		to[0].merge(x)
		alias[x.Key] = to[0].Key
		delete(c.by, x.Key)
	}
	// The documents' records of one surname left apart are one record
	// where their codes and the roles their articles state agree, and
	// stay several where they do not ("President Clinton" in one, "Clinton,
	// the former secretary of state" in another): several records of a
	// name are keyed by it and their order ("clinton#2"), so that none of
	// them is taken for the one of that name, and a quote by that surname
	// counts for none of them.
	several := map[string]bool{}
	renamed := map[string]string{} // a group's key in its first document → its record's key
	surnames := make([]string, 0, len(left))
	for sur := range left {
		surnames = append(surnames, sur)
	}
	sort.Strings(surnames)
	for _, sur := range surnames {
		var groups []*actorAcc
		for _, x := range left[sur] {
			joined := false
			for _, g := range groups {
				if (x.Code == "" || g.Code == "" || x.Code == g.Code) && articleRolesAgree(x, g) && articleRolesAgree(g, x) {
					g.merge(x)
					alias[x.Key] = g.Key
					delete(c.by, x.Key)
					joined = true
					break
				}
			}
			if !joined {
				groups = append(groups, x)
			}
		}
		if len(groups) > 1 {
			several[sur] = true
		}
		for i, g := range groups {
			key, _, _ := strings.Cut(g.Key, aloneMark)
			if len(groups) > 1 {
				key += "#" + strconv.Itoa(i+1)
			}
			if c.by[key] != nil && c.by[key] != g {
				key = g.Key // (a record of that key already: keep the document's)
			}
			delete(c.by, g.Key)
			renamed[g.Key] = key
			g.Key = key
			c.by[key] = g
		}
	}
	// Forms that belong to one record only.
	formOf := map[string]*actorAcc{}
	shared := map[string]bool{}
	for _, k := range keys {
		x := c.by[k]
		if x == nil || !x.Person {
			continue
		}
		for f := range x.forms {
			if !hasUpper(f) {
				continue // pronouns and the like
			}
			f = nameKey(f)
			if y, ok := formOf[f]; ok && y != x {
				shared[f] = true
			}
			formOf[f] = x
		}
	}
	resolve := func(name string) *actorAcc {
		k := name
		if to := c.labelled[k]; to != "" {
			k = to
		}
		if to, ok := alias[k]; ok {
			k = to
		}
		if to, ok := renamed[k]; ok {
			k = to
		}
		if x := c.by[k]; x != nil {
			if x.Person {
				return x
			}
			return nil
		}
		switch w := strings.Fields(c.bareName(name)); {
		case len(w) == 1:
			if several[strings.ToLower(w[0])] {
				return nil
			}
			if to := full[strings.ToLower(w[0])]; len(to) == 1 && c.by[to[0].Key] == to[0] {
				return to[0]
			}
			return nil
		case len(w) > 1:
			if x := c.by[nameKey(strings.Join(w, " "))]; x != nil && x.Person {
				return x
			}
		}
		if x := formOf[k]; x != nil && !shared[k] {
			return x
		}
		return nil
	}
	for name, n := range c.quotes {
		if x := resolve(name); x != nil {
			x.Quotes += n
		}
	}
	for name, n := range c.turns {
		if x := resolve(name); x != nil {
			x.Turns += n
		}
	}

	out := make([]store.Actor, 0, len(c.by))
	for _, x := range c.by {
		forms := make([]string, 0, len(x.forms))
		for f := range x.forms {
			forms = append(forms, f)
		}
		sort.Slice(forms, func(i, j int) bool {
			if x.forms[forms[i]] != x.forms[forms[j]] {
				return x.forms[forms[i]] > x.forms[forms[j]]
			}
			return forms[i] < forms[j]
		})
		if len(forms) > maxNames {
			forms = forms[:maxNames]
		}
		x.Names = forms
		x.Documents = x.docs.len()
		c.addTenures(x)
		out = append(out, x.Actor)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Key < out[j].Key
	})
	return out
}

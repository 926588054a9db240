package mentions

import (
	"fmt"
	"io/fs"
	"log/slog"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Resolver finds and resolves actor mentions. It is immutable once built
// and safe for concurrent use.
type Resolver struct {
	dict *actors.Dictionary
	// places are names of places in countries (data/actors/places.yaml),
	// read only in "X of Y", where they say a person's country. nil: none.
	places *actors.Dictionary
	v      *vocab
	err    error
	// tripped is told of a bug Find recovered from; nil logs it (a test
	// sets it to fail).
	tripped func(doc string, p any)
}

// New returns a resolver that codes actors with dict and reads its
// vocabulary from the embedded data files. Should the vocabulary fail to
// load (it cannot, unless the binary was built without it), the resolver
// still works with dictionary knowledge alone and Err reports why.
func New(dict *actors.Dictionary) *Resolver {
	r, err := NewFromData(dict, data.Embedded())
	if err != nil {
		return &Resolver{dict: dict, v: emptyVocab(), err: err}
	}
	return r
}

// NewFromData is New with the vocabulary taken from fsys (laid out like
// the data directory: mentions/vocabulary.yaml and the nouns for persons,
// quotes/person-nouns.txt), for user overrides through data.Open.
func NewFromData(dict *actors.Dictionary, fsys fs.FS) (*Resolver, error) {
	v, err := loadVocab(fsys, VocabularyFile)
	if err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	if v.personNouns, err = loadPersonNouns(fsys, PersonNounsFile); err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	return &Resolver{dict: dict, v: v}, nil
}

// WithPlaces returns a copy of r that knows the names of places in
// countries, as what a person is of: "Gov. Ana Ruiz of Y", with Y a
// place of a country, is Ana Ruiz of that country. A place is never a
// mention of its own.
func (r *Resolver) WithPlaces(places *actors.Dictionary) *Resolver {
	c := *r
	c.places = places
	return &c
}

// trip reports a bug recovered from in the analysis of document doc.
func (r *Resolver) trip(doc string, p any) {
	if r.tripped != nil {
		r.tripped(doc, p)
		return
	}
	slog.Warn("mentions: an internal error cut the analysis short; its mentions or speakers may be incomplete", "doc", doc, "error", p)
}

// Err reports a problem met while building the resolver with New.
func (r *Resolver) Err() error { return r.err }

func emptyVocab() *vocab {
	return &vocab{
		pronouns: map[string]pronounKind{}, honorifics: map[string]bool{},
		definite: map[string]bool{}, indefinite: map[string]bool{},
		former: map[string]bool{}, sourceNouns: map[string]bool{}, anonHeads: map[string]bool{},
		locative: map[string]bool{}, linkSuffixes: map[string]bool{},
		heads: map[string]string{}, orgWords: map[string]bool{}, personNouns: map[string]bool{},
	}
}

// Find returns the actor mentions of doc, resolved and with in-document
// coreference applied, sorted by Start. td must be the text layer of
// doc.Text; when it is nil or of another text, only transcript speakers
// are returned. Find never panics: should a bug trip it, it logs a
// warning and returns what it found before.
func (r *Resolver) Find(doc *model.Document, td *text.Doc) (out []model.Mention) {
	if r == nil || doc == nil {
		return nil
	}
	a := r.newAnalysis(doc, td)
	defer func() {
		if p := recover(); p != nil {
			r.trip(doc.ID, p)
			out = a.mentions()
		}
	}()
	a.run()
	return a.mentions()
}

// analysis is the state of one Find call.
type analysis struct {
	r    *Resolver
	dict *actors.Dictionary
	v    *vocab
	doc  *model.Document
	td   *text.Doc
	date time.Time
	// names maps a candidate name's start offset to the name.
	names map[int]text.Name
	sents []*sent
	cands []*cand
	// labels are the spans of speaker labels.
	labels []model.Span
	ents   []*entity
	byKey  map[string]*entity
	roles  []roleHolder
	// rolesBy indexes roles by role, for docHolder.
	rolesBy map[string][]roleHolder
	// orgs counts the organisation codes (countries, IGOs) mentioned.
	orgs map[string]int
	// bodyHeads are the last words of the organisations named so far
	// (cands[:bodyHeadsUpTo]), for namedBodyEndingIn.
	bodyHeads     map[string]bool
	bodyHeadsUpTo int
	// otherSurnames are the surnames of people the document names in
	// full whom the dictionary does not know (see surnamesOfOthers).
	otherSurnames map[string]bool
	// fullNameEnds: the last word of each name of several words, with
	// the first offset of such a name (namedInFullBefore; made on first
	// use)
	fullNameEnds map[string]int
	// ambiguousBySent are, by sentence, the candidates several of the
	// document's people may be (set by resolvePronouns, for ambiguousIn)
	ambiguousBySent map[int][]*cand
}

// sent is one sentence's tokens with the forms matching needs.
type sent struct {
	idx  int
	toks []text.Token
	// words are the token texts given to the dictionary, with a linking
	// suffix removed ("Qaida-linked" → "Qaida").
	words []string
	// low are the tokens lower-cased with straight apostrophes.
	low    []string
	linked []bool
	// dw are the words prepared for the dictionary, and hits memoises
	// its longest match at each word (see dictMatch).
	dw   *actors.Words
	hits []dictHit
	// closes is quotationCloses of the sentence, once asked
	// (analysis.quotationCloses)
	closes []int
}

// dictHit is a memoised dictionary match.
type dictHit struct {
	e    *actors.Entry
	n    int
	done bool
}

type candKind int

const (
	cResolved candKind = iota
	cName              // a name left for the document's people
	cRole              // a role phrase left for its holder
	cDefinite          // "the Council"
	cPronoun
)

// cand is a mention candidate.
type cand struct {
	kind   candKind
	span   model.Span
	sent   int
	ti, tj int // tokens [ti, tj) of the sentence
	// order is the candidate's place among its sentence's, set while
	// pronouns are resolved.
	order int
	actor model.Actor
	rule  string
	ent   *entity
	// entry is the dictionary entry of a resolved organisation mention.
	entry *actors.Entry
	// dictPerson is the dictionary entry of a person mention.
	dictPerson *actors.Entry
	// Stated role (with a name) or role to resolve (cRole).
	role      *actors.Entry
	roleOrg   string
	former    bool
	name      string // the name's words without a form of address
	honorific bool
	// titled: a noun for a person in lower case stands right before
	// the name ("the nominee Jane Doe").
	titled  bool
	ctx     bool // the code comes from a role stated in the text
	plural  bool
	subject bool
	// subjTree: whether the tree makes a word of tokens subjFrom to
	// subjTo a subject (treeSubject) is still to be asked, and makes
	// subject true if so; see subjectOf.
	subjTree         bool
	subjFrom, subjTo int
	// noDict: the dictionary's reading of the name was undone (see
	// surnamesOfOthers) and is not to be looked up again
	noDict  bool
	head    string
	pron    pronounKind
	dropped bool
	// ambiguous: a name dropped because several of the document's people
	// bear it
	ambiguous bool
	speaker   bool
	// addressed: a given name alone, set off in a turn ("Thank you,
	// Lester."), is the person spoken to, whom no "he" or "she" of the
	// turn stands for
	addressed bool
	// gender is the gender of a name resolved to no entity, from its
	// form of address ("Mrs. Clinton"); 0 unknown
	gender byte
}

// entity is a person the document refers to.
type entity struct {
	name    string
	code    string
	ctx     bool
	dict    *actors.Entry
	surname string
	full    string // normalised full name
	first   int    // offset of the first naming mention
	hasFull bool   // the document writes the full name somewhere
	// gender is 'm' or 'f' when a given name or a form of address the
	// document writes the person with says so, 0 when none does or they
	// disagree (gone, once 'x')
	gender byte
}

// note records a clue of gender g (0: none).
func (e *entity) note(g byte) {
	switch {
	case g == 0 || e.gender == g:
	case e.gender == 0:
		e.gender = g
	default:
		e.gender = 'x'
	}
}

// otherGender reports whether c is a person of the other gender than g.
func (c *cand) otherGender(g byte) bool {
	if c.ent == nil {
		return otherGender(c.gender, g)
	}
	return c.ent.conflicts(g)
}

// subjectByTree leaves it to the tree to say whether the candidate,
// whose words [from, to) the words after it did not make a subject, is
// one: asked when needed (subjectOf).
func (c *cand) subjectByTree(from, to int) {
	if !c.subject {
		c.subjTree, c.subjFrom, c.subjTo = true, from, to
	}
}

// ofGender reports whether the candidate's person is known to be of
// gender g ('m', 'f'; never for 0).
func (c *cand) ofGender(g byte) bool {
	return g != 0 && c.ent != nil && c.ent.gender == g
}

// conflicts reports whether the person is of the other gender than g
// ('m', 'f'; 0 conflicts with none).
func (e *entity) conflicts(g byte) bool { return otherGender(e.gender, g) }

// otherGender reports whether a known gender have ('m', 'f'; anything
// else is unknown) is the other than g (0: none).
func otherGender(have, g byte) bool {
	return g != 0 && (have == 'm' || have == 'f') && have != g
}

// roleHolder records that a person holds a role in this document.
type roleHolder struct {
	role string // canonical role, normalised
	// written is the role as the text gives it before the name,
	// normalised ("secretary of state", whose canonical role is
	// "foreign minister"), or ""
	written string
	org     string // organisation code, or ""
	ent     *entity
	pos     int
}

func (r *Resolver) newAnalysis(doc *model.Document, td *text.Doc) *analysis {
	a := &analysis{
		r: r, dict: r.dict, v: r.v, doc: doc, date: doc.Date,
		names: map[int]text.Name{}, byKey: map[string]*entity{}, orgs: map[string]int{},
	}
	if td != nil && td.Text == doc.Text {
		a.td = td
	}
	return a
}

func (a *analysis) run() {
	a.speakers()
	if a.td != nil {
		for _, n := range a.td.Names() {
			a.names[n.Start] = n
		}
		for _, p := range a.td.Paragraphs {
			if !p.Label.Empty() {
				a.labels = append(a.labels, p.Label)
			}
		}
		// one slab of each per-word slice for the whole document, cut
		// per sentence (a sentence's slices must not grow)
		n := len(a.td.Tokens)
		sl := sentSlab{
			sents:  make([]sent, len(a.td.Sentences)),
			words:  make([]string, n),
			low:    make([]string, n),
			linked: make([]bool, n),
			hits:   make([]dictHit, n),
		}
		a.sents = make([]*sent, 0, len(a.td.Sentences))
		for i := range a.td.Sentences {
			s := a.newSent(i, &sl)
			a.sents = append(a.sents, s)
			a.chunk(s)
		}
	}
	a.dropLabelOverlaps()
	a.buildEntities()
	a.surnameTokens()
	a.resolveNames()
	// resolveNames makes the people the dictionary does not know named
	// in full: their surnames alone are theirs too
	if a.surnameTokens() {
		a.resolveNames()
	}
	a.resolveRoles()
	a.resolveDefinites()
	a.resolvePronouns()
	a.addressees()
}

// mentions returns the resolved candidates as sorted mentions whose spans
// round-trip to the document text.
func (a *analysis) mentions() []model.Mention {
	out := make([]model.Mention, 0, len(a.cands))
	for _, c := range a.cands {
		if c.dropped || c.kind != cResolved {
			continue
		}
		if c.span.Check(a.doc.Text) != nil || c.span.Empty() {
			continue
		}
		m := model.Mention{Span: c.span, Actor: c.actor, Sentence: c.sent, Rule: c.rule}
		// a role stated beside a name the coreference step matched by
		// surname, role or pronoun is not taken for that person's: the
		// match may be wrong ("Chief Justice Roberts" is not every Roberts)
		if c.actor.Person && c.actor.Name != "" && (!strings.HasPrefix(c.rule, "coref:") || c.rule == ruleName) {
			m.Role, m.RoleTitle = a.statedRole(c)
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}

// sentSlab holds the backing arrays of a document's sents.
type sentSlab struct {
	sents  []sent
	words  []string
	low    []string
	linked []bool
	hits   []dictHit
}

func (a *analysis) newSent(i int, sl *sentSlab) *sent {
	toks := a.td.SentenceTokens(i)
	f, e := a.td.Sentences[i].FirstToken, a.td.Sentences[i].EndToken
	s := &sl.sents[i]
	*s = sent{idx: i, toks: toks, words: sl.words[f:e:e], low: sl.low[f:e:e], linked: sl.linked[f:e:e], hits: sl.hits[f:e:e]}
	for k, t := range toks {
		s.words[k] = t.Text
		s.low[k] = lowerWord(t.Text)
		if h := lastIndexDash(t.Text); h > 0 {
			suffix := strings.ToLower(strings.TrimLeft(t.Text[h:], "-‐‑"))
			if a.v.linkSuffixes[suffix] {
				s.words[k] = t.Text[:h]
				s.linked[k] = true
			}
		}
	}
	s.dw = actors.NewWords(s.words)
	return s
}

// dateRule is the suffix of rules that used the document date.
func (a *analysis) dateRule() string {
	if a.date.IsZero() {
		return " (date unknown)"
	}
	return "@" + a.date.Format("2006-01-02")
}

func (a *analysis) add(c *cand) { a.cands = append(a.cands, c) }

func (a *analysis) span(start, end int) model.Span { return model.NewSpan(a.doc.Text, start, end) }

// dropLabelOverlaps removes sentence candidates that overlap a speaker
// label: the label is already a speaker mention.
func (a *analysis) dropLabelOverlaps() {
	var spans []model.Span
	for _, t := range a.doc.Turns {
		if !t.Label.Empty() {
			spans = append(spans, t.Label)
		}
	}
	spans = append(spans, a.labels...)
	if len(spans) == 0 {
		return
	}
	// By start, with the furthest end so far: a candidate overlaps a
	// label when a label starting before its end reaches past its start.
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	reach := make([]int, len(spans))
	for i, l := range spans {
		reach[i] = l.End
		if i > 0 && reach[i-1] > reach[i] {
			reach[i] = reach[i-1]
		}
	}
	for _, c := range a.cands {
		if c.rule == ruleSpeaker {
			continue
		}
		k := sort.Search(len(spans), func(i int) bool { return spans[i].Start >= c.span.End }) - 1
		if k >= 0 && reach[k] > c.span.Start {
			c.dropped = true
		}
	}
}

// lowerWord lower-cases a token and straightens its apostrophes.
func lowerWord(s string) string {
	s = strings.ToLower(s)
	if !isASCII(s) && strings.ContainsAny(s, "’‘") {
		s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	}
	return s
}

// dashes are the hyphens that join a word to a linking suffix.
const dashes = "-‐‑"

// indexDash is strings.IndexAny(s, dashes), quick on ASCII words.
func indexDash(s string) int {
	if !isASCII(s) {
		return strings.IndexAny(s, dashes)
	}
	return strings.IndexByte(s, '-')
}

// lastIndexDash is strings.LastIndexAny(s, dashes), quick on ASCII words.
func lastIndexDash(s string) int {
	if !isASCII(s) {
		return strings.LastIndexAny(s, dashes)
	}
	return strings.LastIndexByte(s, '-')
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

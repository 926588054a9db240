package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Model is a trained tagger, lemmatizer and parser. Once loaded (and
// given its rules with SetRetag, before any use) it is read-only and safe
// for concurrent use; each goroutine passes its own Scratch.
type Model struct {
	xpos   []string
	tagger *tagger
	lem    *lemmatizer
	parser *parser
	// retag gives a function word in a relation its class (SetRetag);
	// retagFrom marks the classes it may change.
	retag     map[retagKey]uint16
	retagFrom []bool
	// retagWords holds the words (by hash) that some rule of retag is for
	retagWords map[uint64]bool
	// spanWords and orderWords are the words of fixTimeSpans
	// (SetTimeSpans), spanRels the labels it writes
	spanWords, orderWords map[uint64]bool
	spanRels              [5]int
	// vocRels are the labels fixVocatives reads and writes: nsubj,
	// vocative and punct (-1 when the model has no such label)
	vocRels [3]int
	// flatRels are the labels fixFlatCommas reads and writes: flat,
	// appos.
	flatRels [2]int
}

// Scratch holds one goroutine's working buffers, and the sums and word
// features it keeps from one sentence to the next: a Scratch serves one
// Model only. The zero value is ready.
type Scratch struct{ s scratch }

// Annotate fills in the UPOS, XPOS, Lemma, Head and Rel of words from
// their Form. Heads are 1-based; 0 is the root. It allocates only the
// lemmas that differ from the word's form.
func (m *Model) Annotate(words []Word, sc *Scratch) {
	n := len(words)
	if n == 0 {
		return
	}
	s := &sc.s
	forms := s.forms[:0]
	for i := range words {
		forms = append(forms, words[i].Form)
	}
	s.forms = forms
	m.annotate(forms, nil, s)
	if cap(s.heads) < n {
		s.heads = make([]int, n+n/2)
	}
	heads, rels := s.heads[:n], s.rels(n)
	m.parseInto(forms, heads, rels, s)
	for i := range words {
		c := m.tagger.classes[s.class[i]]
		words[i].UPOS, words[i].XPOS = c.UPOS, c.XPOS
		words[i].Lemma = m.lem.lemma(words[i].Form, c.xpos, s.buf)
		words[i].Head = heads[i]
		words[i].Rel = m.parser.labels[rels[i]]
	}
}

// Tags holds the per-word results of Analyze (or Tag, or ParseTagged), in
// slices that the next call with the same Scratch may reuse: copy what
// must be kept.
type Tags struct {
	UPOS, XPOS []string
	Head       []int // 1-based; 0 is the root
	Rel        []string
	xpos       []uint8 // the index of XPOS in Model.xpos
	// class is the tagger's class of each word, before the parse may
	// change a function word's (Classes)
	class []uint8
}

// Classes returns the tagger's class of each word of the sentence that
// Tag, Analyze or ParseTagged last put in t: identifiers of the model's
// own, which ParseTagged takes back. The slice is t's: copy it to keep
// it.
func (t *Tags) Classes() []uint8 { return t.class }

// Analyze tags and parses the words of one sentence without lemmas, into
// out (whose slices are reused). names, when not nil, marks the words the
// caller knows to be proper names (from the rest of the document): such a
// word that the tagger takes for a verb, or, opening the sentence, for a
// common noun, is tagged a proper noun before the words after it are
// tagged and the sentence is parsed. (Inside a sentence a capital already
// tells the tagger a name from a common noun, and a word of a longer name
// is tagged with the rest of it: "Committee" of "the Committee for a
// Responsible Federal Budget".)
func (m *Model) Analyze(forms []string, names []bool, out *Tags, sc *Scratch) {
	m.analyze(forms, names, nil, out, sc, true)
}

// Tag is Analyze without the parse: it tags the words of one sentence as
// Analyze does, but for the function words whose class Analyze takes from
// their relation (SetRetag), which keep the tagger's; it leaves
// every word without a head (Head 0, Rel ""). A caller that needs the trees of
// some sentences only (batch event coding needs none in a sentence with
// no possible trigger) saves the parse, about four fifths of Analyze.
func (m *Model) Tag(forms []string, names []bool, out *Tags, sc *Scratch) {
	m.analyze(forms, names, nil, out, sc, false)
}

// ParseTagged is Analyze for words that Tag has tagged: given the classes
// Tag gave them (Tags.Classes, one per word), it parses them, and gives
// out what Analyze would have, without tagging them again.
func (m *Model) ParseTagged(forms []string, classes []uint8, out *Tags, sc *Scratch) {
	if len(classes) != len(forms) {
		panic("syntax: ParseTagged needs one class per word")
	}
	m.analyze(forms, nil, classes, out, sc, true)
}

// parseInto parses the words annotate or classify prepared in s, into
// heads and rels: the parse, punctuation attached by UD's rules, and the
// classes of function words their relation fixes.
func (m *Model) parseInto(forms []string, heads, rels []int, s *scratch) {
	m.parser.parse(s.lex, s.tags, heads, rels, s)
	m.fixTimeSpans(s.lex, heads, rels)
	m.fixVocatives(forms, heads, rels, s.class)
	m.fixFlatCommas(forms, heads, rels)
	m.fixPunct(forms, heads, rels, s)
	m.applyRetag(s.lex, rels, s.class)
}

// analyze is Analyze, or Tag without parse; with classes (from Tag) it
// takes them instead of tagging.
func (m *Model) analyze(forms []string, names []bool, classes []uint8, out *Tags, sc *Scratch, parse bool) {
	n := len(forms)
	s := &sc.s
	grow := func(x []string) []string {
		if cap(x) < n {
			return make([]string, n)
		}
		return x[:n]
	}
	out.UPOS, out.XPOS, out.Rel = grow(out.UPOS), grow(out.XPOS), grow(out.Rel)
	if cap(out.Head) < n {
		out.Head = make([]int, n)
	}
	if cap(out.xpos) < n {
		out.xpos = make([]uint8, n)
	}
	if cap(out.class) < n {
		out.class = make([]uint8, n)
	}
	out.Head, out.xpos, out.class = out.Head[:n], out.xpos[:n], out.class[:n]
	if n == 0 {
		return
	}
	if classes != nil {
		m.classify(forms, classes, s)
	} else {
		m.annotate(forms, names, s)
	}
	for i, c := range s.class {
		out.class[i] = uint8(c)
	}
	var rels []int
	if parse {
		rels = s.rels(n)
		m.parseInto(forms, out.Head, rels, s)
	}
	for i := range n {
		c := m.tagger.classes[s.class[i]]
		out.UPOS[i], out.XPOS[i], out.xpos[i] = c.UPOS, c.XPOS, c.xpos
		if parse {
			out.Rel[i] = m.parser.labels[rels[i]]
		} else {
			out.Head[i], out.Rel[i] = 0, ""
		}
	}
}

// LemmaOf returns the lemma of word i of the sentence that Analyze (or
// Tag) last put in out, whose form is form: Lemma(form, out.XPOS[i]), without
// looking the tag up. Each goroutine keeps the lemmas of the words it has
// seen with their tags (up to maxKeptWords).
func (m *Model) LemmaOf(form string, out *Tags, i int, sc *Scratch) string {
	s := &sc.s
	k := lemmaKey{form, out.xpos[i]}
	if s.lemmas == nil {
		s.lemmas = newWordCache[lemmaKey, string](maxKeptWords)
	}
	if l, ok := s.lemmas.get(k); ok {
		return l
	}
	l := m.lem.lemma(form, k.xpos, s.buf)
	// a copy: the form may hold a whole document in memory
	k.form = strings.Clone(form)
	if l == form {
		l = k.form
	}
	s.lemmas.put(k, l)
	return l
}

// lemmaKey is a word and its tag, whose lemma a goroutine keeps.
type lemmaKey struct {
	form string
	xpos uint8
}

// fixPunct re-attaches the punctuation of a parse (heads 1-based) by
// the treebank's rules (see punct.go).
func (m *Model) fixPunct(forms []string, heads, rels []int, s *scratch) {
	n := len(heads)
	if cap(s.head0) < n {
		s.head0 = make([]int, n+n/2)
		s.punct = make([]bool, n+n/2)
	}
	h0, punct := s.head0[:n], s.punct[:n]
	for i := range n {
		h0[i] = heads[i] - 1
		punct[i] = m.tagger.classes[s.class[i]].UPOS == "PUNCT"
	}
	fixPunct(h0, punct, forms)
	for i := range n {
		heads[i] = h0[i] + 1
		// the root is the root, and only the root
		switch root := m.parser.root; {
		case heads[i] == 0:
			rels[i] = root
		case rels[i] == root && punct[i]:
			rels[i] = m.parser.label("punct")
		case rels[i] == root:
			rels[i] = m.parser.label("parataxis")
		}
	}
}

// label returns the index of a relation, or the root's when the model has
// no such relation.
func (p *parser) label(name string) int { return p.labelOr(name, p.root) }

// labelOr returns the index of a relation, or none when the model has no
// such relation.
func (p *parser) labelOr(name string, none int) int {
	for i, l := range p.labels {
		if l == name {
			return i
		}
	}
	return none
}

// Lemma returns the lemma of a word with the given Penn tag.
func (m *Model) Lemma(form, xpos string, sc *Scratch) string {
	x := uint8(255)
	for i, t := range m.xpos {
		if t == xpos {
			x = uint8(i)
			break
		}
	}
	return m.lem.lemma(form, x, sc.s.buf)
}

// annotate computes the lexical features and tags of forms into s.
func (m *Model) annotate(forms []string, names []bool, s *scratch) {
	m.lexicalize(forms, s)
	first := firstWord(forms)
	m.tagger.tag(s.lex, s.class, names, forms, first, s)
	m.nameRuns(forms, s.lex, s.class)
	m.knownNames(names, first, s.class)
	m.speakerNames(forms, s.class)
	m.finiteVerb(forms, s.class)
	m.participles(forms, s.class)
	m.setClasses(s)
}

// participles tags a past tense that can have no subject as the
// participle it is: straight after a preposition, a possessive or
// "enough", or after a number before a plural noun, and before a noun
// ("in pledged delegates", "its pointed attacks", "758 pledged
// delegates"; not "Ten said billionaires …" read otherwise, nor "This
// was pizza"). The tagger, trained on web text, took "pledged" before
// "delegates" for a past tense 27 times in PolNeAR's train articles,
// and the parse then had a clause with "delegates" for its object.
func (m *Model) participles(forms []string, class []int) {
	t := m.tagger
	if t.vbd == 0 || t.vbn == 0 {
		return
	}
	for i := 1; i+1 < len(forms); i++ {
		if class[i] == t.vbd-1 && subjectless(forms, t.classes, class, i) {
			class[i] = t.vbn - 1
		}
	}
}

// subjectless reports whether the word at i, between the words before
// and after it, can have no subject (participles).
func subjectless(forms []string, classes []tagClass, class []int, i int) bool {
	x := func(i int) string { return classes[class[i]].XPOS }
	next := x(i + 1)
	if next != "NN" && next != "NNS" {
		return false
	}
	switch p := x(i - 1); {
	case p == "IN" && !strings.EqualFold(forms[i-1], "that") || p == "PRP$" || strings.EqualFold(forms[i-1], "enough"):
		// ("that" may be a subject: "… that ignited something")
		return true
	case p == "CD" && next == "NNS":
		return true
	}
	return false
}

// classify is annotate for words already tagged: it takes their classes
// (from Tag) instead of tagging them.
func (m *Model) classify(forms []string, classes []uint8, s *scratch) {
	m.lexicalize(forms, s)
	for i := range s.class {
		s.class[i] = int(classes[i])
	}
	m.setClasses(s)
}

// lexicalize sizes the scratch for the words and finds their lexical
// features.
func (m *Model) lexicalize(forms []string, s *scratch) {
	n := len(forms)
	if cap(s.lex) < n {
		s.lex = make([]lexical, n+n/2)
		s.class = make([]int, n+n/2)
		s.xpos = make([]uint8, n+n/2)
		s.tags = make([]uint8, n+n/2)
	}
	s.lex, s.class, s.xpos, s.tags = s.lex[:n], s.class[:n], s.xpos[:n], s.tags[:n]
	if s.words == nil {
		s.words = newWordCache[string, lexical](maxKeptWords)
	}
	s.buf = lexicalizeKept(forms, m.tagger.lx, s.lex, s.buf, s.words)
}

// setClasses gives the parser the words' tags from their classes.
func (m *Model) setClasses(s *scratch) {
	for i, c := range s.class {
		s.xpos[i] = m.tagger.classes[c].xpos
		s.tags[i] = uint8(c)
	}
}

// nameRuns makes a capitalised common noun that stands straight before a
// proper noun a proper noun too: "President Juma Otieno", "Fisheries
// Minister Ana Ruiz". The treebank tags such words PROPN, but a name the
// training data never saw ("Juma") is easily taken for a common noun, and
// the parse then breaks the name apart. At the start of a sentence, where
// every word is capitalised, only a word the training data never saw, or
// saw as a proper noun, is changed ("Grace Njeri said", not "Yesterday
// Ruiz said"). It reads right to left, so that a run of such words is
// joined.
func (m *Model) nameRuns(forms []string, lex []lexical, class []int) {
	t := m.tagger
	if t.propn == 0 {
		return
	}
	start := 0
	for start < len(forms) && t.classes[class[start]].UPOS == "PUNCT" {
		start++
	}
	nnp := t.classes[t.propn-1].xpos
	for i := len(forms) - 2; i >= start; i-- {
		next := t.classes[class[i+1]].XPOS
		if next != "NNP" && next != "NNPS" || !capitalised(forms[i]) {
			continue
		}
		if i == start && lex[i].amb != 0 && lex[i].amb&(1<<nnp) == 0 {
			continue
		}
		switch t.classes[class[i]].XPOS {
		case "NN":
			class[i] = t.propn - 1
		case "NNS":
			if t.propns > 0 {
				class[i] = t.propns - 1
			}
		}
	}
}

// knownNames makes a word the document shows to be a name (names, as for
// Tag) that was tagged an adjective or an adverb a proper noun, when a
// verb follows it, an adverb between them allowed: "Cuban also
// complained", "Early described it", the word opening its sentence
// (first, as for tagger.tag). (The tagger
// itself makes such a word a name only where it took it for a noun or a
// verb; an adjective before a noun stays one: "Cuban officials said".)
func (m *Model) knownNames(names []bool, first int, class []int) {
	t := m.tagger
	if t.propn == 0 {
		return
	}
	verb := func(i int) bool { return FiniteTag(t.classes[class[i]].XPOS) }
	for i, name := range names {
		if i > first {
			break // inside a sentence "the Texan said" is no name
		}
		if !name || i+1 >= len(class) {
			continue
		}
		if x := t.classes[class[i]].XPOS; x != "JJ" && x != "RB" {
			continue
		}
		j := i + 1
		if t.classes[class[j]].XPOS == "RB" && j+1 < len(class) {
			j++
		}
		if verb(j) {
			class[i] = t.propn - 1
		}
	}
}

// speakerNames makes a capitalised word between a quotation that ends
// with a comma, a question or an exclamation mark and a finite verb a
// proper noun: in "“…,” Sharp said" or "“…?” Young asked" the word can
// only be the speaker's name (in the middle of a sentence a common noun
// is not capitalised), but a name that is also an adjective or a noun is
// easily tagged as one, and the parse then loses the speaker. Pronouns
// and other closed classes ("“…,” I said") are left alone.
func (m *Model) speakerNames(forms []string, class []int) {
	t := m.tagger
	if t.propn == 0 {
		return
	}
	for i := 2; i+1 < len(forms); i++ {
		if !capitalised(forms[i]) {
			continue
		}
		// the closing mark may be two tokens ("''")
		j := i - 1
		for j > 0 && i-j <= 2 && closingQuote(forms[j]) {
			j--
		}
		if j == i-1 {
			continue
		}
		if p := forms[j]; p != "," && p != "?" && p != "!" {
			continue
		}
		if v := t.classes[class[i+1]].XPOS; v != "VBD" && v != "VBZ" {
			continue
		}
		switch t.classes[class[i]].XPOS {
		case "NN", "NNS", "JJ", "VB", "VBD", "VBN", "VBP", "VBZ", "VBG", "RB", "UH":
			// (an interjection too: "“…,” Bozell concludes")
			class[i] = t.propn - 1
		}
	}
}

// finiteVerb gives a clause with no finite verb the one it must have:
// in a stretch of a sentence between semicolons or colons, a past
// participle straight after a noun, a pronoun or a number (adverbs
// between them skipped; a comma only where another comma before it opens
// an apposition) is tagged a past tense when no finite verb (VBD, VBZ,
// VBP, MD) stands before it, and every finite verb after it
// has a subordinating word or a coordinator between ("Liberian riot
// police used tear gas", "X, a professor at Y, described", "inhabitants
// threatened to strike unless Z rescinded"). The treebank is web text,
// where the simple past of news is rare, and the tagger takes such verbs
// for participles; the parse then has no verb to hang the clause from.
// Not changed: a participle before "by" (an agent: "a complaint filed
// by"), at the end of the stretch ("Site made!"), before a finite verb of
// the same clause ("troops stationed there fired"), or straight before a
// noun when a later word qualifies too ("guided missiles killed") or
// written with a hyphen ("a government-financed radio"), or anywhere after
// a base form in the sentence (an imperative: "give us this: the taxes
// paid").
func (m *Model) finiteVerb(forms []string, class []int) {
	t := m.tagger
	if t.vbd == 0 {
		return
	}
	start, base := 0, false
	for end := 0; end <= len(class); end++ {
		if end < len(class) && t.classes[class[end]].XPOS != ":" {
			continue
		}
		if base {
			return // an imperative or an infinitive before: "give us this: the taxes paid"
		}
		if i := finiteCandidate(forms[start:end], t.classes, class[start:end]); i >= 0 {
			class[start+i] = t.vbd - 1
		}
		for k := start; k < end; k++ {
			base = base || t.classes[class[k]].XPOS == "VB"
		}
		start = end + 1
	}
}

// finiteCandidate returns the word of a stretch that finiteVerb retags,
// or -1.
func finiteCandidate(forms []string, classes []tagClass, class []int) int {
	n := len(forms)
	x := func(i int) string { return classes[class[i]].XPOS }
	finite := func(i int) bool { return FiniteTag(x(i)) }
	noun := func(i int) bool {
		switch x(i) {
		case "NN", "NNS", "NNP", "NNPS":
			return true
		}
		return false
	}
	// boundary: a word that opens another clause before a finite verb
	boundary := func(i int) bool {
		switch classes[class[i]].UPOS {
		case "SCONJ", "CCONJ":
			return true
		}
		switch x(i) {
		case "WDT", "WP", "WRB":
			return true
		}
		return false
	}
	// the clause of the word at i has no finite verb after it
	alone := func(i int) bool {
		for k := i + 1; k < n; k++ {
			if boundary(k) {
				return true
			}
			if finite(k) {
				return false
			}
		}
		return true
	}
	// relEnd: the comma that closes the first relative clause opened by
	// a comma and a relative pronoun after a noun (relativeEnd; only the
	// first is read, so that a stretch costs what its words do)
	relEnd, relRead := -1, false
	found := -1
	for i := range n {
		if i < relEnd {
			continue
		}
		if !relRead && i > 0 && i+2 < n && x(i) == "," && noun(i-1) && (x(i+1) == "WP" || x(i+1) == "WDT") {
			relRead = true
			if relEnd = relativeEnd(x, n, i); relEnd >= 0 {
				continue
			}
		}
		if finite(i) || x(i) == "VB" {
			break // a finite verb, an imperative or an infinitive before it
		}
		if x(i) != "VBN" || i == 0 || i+1 >= n || x(i+1) == "." || strings.EqualFold(forms[i+1], "by") {
			continue
		}
		j := i - 1
		for j >= 0 && x(j) == "RB" {
			j--
		}
		afterRel := j > 0 && j == relEnd // the verb of the noun before the relative clause
		if !afterRel && j > 0 && x(j) == "," {
			comma := false
			for k := range j {
				comma = comma || x(k) == ","
			}
			if !comma {
				continue
			}
			j--
		}
		if j < 0 {
			continue
		}
		if !afterRel && !noun(j) && x(j) != "PRP" && x(j) != "CD" {
			continue
		}
		if !alone(i) || strings.Contains(forms[i], "-") && noun(i+1) {
			continue // a compound before its noun: "a government-financed radio"
		}
		if found >= 0 || afterRel {
			return i // the first stood before a noun: "guided missiles killed"
		}
		found = i
		if noun(i + 1) {
			continue // a later one may be the verb
		}
		return i
	}
	return found
}

// relativeEnd returns the comma that closes the relative clause opened by
// the comma at i and the relative pronoun after it, when the clause has a
// finite verb of its own and a past participle follows that comma
// (adverbs aside): "Orlen, who has campaigned for her since he left,
// criticized". The clause's finite verbs are not the main clause's, and
// that participle is the main clause's verb. It returns -1 otherwise,
// reading no further than a finite verb after a comma (the main clause's).
// x gives each word's Penn tag; n is the number of words.
func relativeEnd(x func(int) string, n, i int) int {
	own := false // a finite verb of the clause's own
	for k := i + 2; k < n; k++ {
		if x(k) != "," {
			own = own || FiniteTag(x(k))
			continue
		}
		v := k + 1
		for v < n && x(v) == "RB" {
			v++
		}
		switch {
		case v < n && x(v) == "VBN":
			if own {
				return k
			}
			return -1
		case v < n && FiniteTag(x(v)):
			return -1
		}
	}
	return -1
}

// firstWord returns the index of the first of forms with a letter or a
// digit (len(forms) when none has).
func firstWord(forms []string) int {
	for i, f := range forms {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			return i
		}
	}
	return len(forms)
}

// startsLower reports whether w starts with a lower-case letter.
func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// capitalised reports whether a word starts with a capital letter and
// goes on in lower case ("Juma", not "AU" or "iPhone").
func capitalised(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || n == len(w) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(w[n:])
	return unicode.IsLower(r2)
}

func (s *scratch) rels(n int) []int {
	if cap(s.relBuf) < n {
		s.relBuf = make([]int, n+n/2)
	}
	return s.relBuf[:n]
}

// Labels returns the dependency relations the parser knows.
func (m *Model) Labels() []string { return m.parser.labels }

// ---------------------------------------------------------------- file format

const (
	magic   = "dossier-syntax\x00\x01"
	version = 2
)

// Model file flags.
const (
	shareUPOS  = 1 << iota // the tagger's classes share weights by UPOS
	shareMoves             // the parser's classes share weights by move
)

// Encode writes the model in its binary form: little-endian, one section
// after the other, no compression (the file is read once, straight into
// the slices inference uses).
func (m *Model) Encode(w io.Writer) error {
	e := newEncoder(w)
	e.bytes([]byte(magic))
	e.u32(version)
	var flags uint32
	if m.tagger.share.total > len(m.tagger.classes) {
		flags |= shareUPOS
	}
	if m.parser.share.total > m.parser.nClasses() {
		flags |= shareMoves
	}
	e.u32(flags)
	e.strings(m.xpos)
	e.u32(uint32(len(m.tagger.classes)))
	for _, c := range m.tagger.classes {
		e.str(c.UPOS)
		e.str(c.XPOS)
		e.u32(uint32(c.xpos))
	}
	e.u64map(m.tagger.lx.amb)
	e.u64map(m.tagger.lx.clusters)
	e.u64map(m.tagger.lx.wordnet)
	e.u64map(m.tagger.lx.sure)
	e.weights(m.tagger.w)
	e.u32(uint32(len(m.lem.rules)))
	for _, r := range m.lem.rules {
		k := uint32(0)
		if r.KeepCase {
			k = 1
		}
		e.u32(k)
		e.u32(uint32(r.Strip))
		e.str(r.Add)
	}
	e.u64map(m.lem.exc)
	e.u64map(m.lem.suf)
	e.strings(m.parser.labels)
	e.u32(uint32(m.parser.root))
	e.weights(m.parser.w)
	return e.flush()
}

func newEncoder(w io.Writer) *encoder { return &encoder{w: bufio.NewWriter(w)} }

func (e *encoder) flush() error {
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

type encoder struct {
	w   *bufio.Writer
	err error
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}
func (e *encoder) u32(v uint32) { e.bytes(binary.LittleEndian.AppendUint32(nil, v)) }
func (e *encoder) str(s string) { e.u32(uint32(len(s))); e.bytes([]byte(s)) }
func (e *encoder) strings(ss []string) {
	e.u32(uint32(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}
func (e *encoder) u64s(v []uint64) {
	e.u32(uint32(len(v)))
	b := make([]byte, 0, 8*len(v))
	for _, x := range v {
		b = binary.LittleEndian.AppendUint64(b, x)
	}
	e.bytes(b)
}
func (e *encoder) u64map(t *u64map) {
	e.u64s(t.keys)
	e.u64s(t.vals)
}
func (e *encoder) weights(m *weights) {
	e.u64s(m.slots)
	e.u64s(m.over)
	e.u32(uint32(len(m.rows)))
	e.bytes(m.rows)
	e.u32(math.Float32bits(m.scale))
}

// Load reads a model written by Encode.
func Load(b []byte) (*Model, error) {
	d := &decoder{b: b}
	if string(d.take(len(magic))) != magic {
		return nil, errors.New("not a dossier syntax model")
	}
	if v := d.u32(); v != version && d.err == nil {
		return nil, fmt.Errorf("syntax model version %d, this dossier reads version %d", v, version)
	}
	m := &Model{tagger: &tagger{}, lem: &lemmatizer{}, parser: &parser{}}
	flags := d.u32()
	m.xpos = d.strings()
	nc := int(d.u32())
	for i := 0; i < nc && d.err == nil; i++ {
		c := tagClass{UPOS: d.str(), XPOS: d.str(), xpos: uint8(d.u32())}
		m.tagger.classes = append(m.tagger.classes, c)
	}
	m.tagger.lx = &lexTables{amb: d.u64map(), clusters: d.u64map(), wordnet: d.u64map(), sure: d.u64map()}
	m.tagger.w = d.weights()
	nr := int(d.u32())
	for i := 0; i < nr && d.err == nil; i++ {
		r := lemmaRule{KeepCase: d.u32() == 1, Strip: uint8(d.u32()), Add: d.str()}
		m.lem.rules = append(m.lem.rules, r)
	}
	m.lem.exc = d.u64map()
	m.lem.suf = d.u64map()
	m.lem.wn = m.tagger.lx.wordnet
	m.lem.need = wordnetNeeds(m.xpos)
	m.parser.labels = d.strings()
	m.parser.root = int(d.u32())
	m.parser.w = d.weights()
	if d.err != nil {
		return nil, fmt.Errorf("syntax model: %w", d.err)
	}
	if len(m.tagger.classes) == 0 || len(m.parser.labels) == 0 || m.parser.root >= len(m.parser.labels) ||
		m.parser.nClasses() > maxClasses || len(m.tagger.classes) > maxClasses {
		return nil, errors.New("syntax model: inconsistent tables")
	}
	m.tagger.share = uposShare(m.tagger.classes, flags&shareUPOS != 0)
	m.tagger.findNames()
	m.parser.share = moveShare(m.parser.labels, flags&shareMoves != 0)
	m.parser.setGroups()
	if m.tagger.share.total > maxClasses || m.parser.share.total > maxClasses {
		return nil, errors.New("syntax model: inconsistent tables")
	}
	for _, c := range m.tagger.classes {
		if int(c.xpos) >= len(m.xpos) {
			return nil, errors.New("syntax model: inconsistent tables")
		}
	}
	if err := m.tagger.w.check(m.tagger.share.total); err != nil {
		return nil, err
	}
	if err := m.parser.w.check(m.parser.share.total); err != nil {
		return nil, err
	}
	m.setRepairLabels()
	return m, nil
}

// setRepairLabels looks up the labels the repairs after each parse read
// and write (fixVocatives, fixFlatCommas), once a model's parser is built
// or loaded.
func (m *Model) setRepairLabels() {
	m.vocRels = [3]int{m.parser.labelOr("nsubj", -1), m.parser.labelOr("vocative", -1), m.parser.labelOr("punct", -1)}
	m.flatRels = [2]int{m.parser.labelOr("flat", -1), m.parser.labelOr("appos", -1)}
}

// check verifies that every slot points inside the weights and every
// class is in range, so that a damaged file cannot make score panic.
func (m *weights) check(classes int) error {
	nb := len(m.slots) / bucketSlots
	if len(m.rows)%3 != 0 || len(m.slots)%bucketSlots != 0 || len(m.over) != (nb+63)/64 {
		return errors.New("syntax model: bad weights")
	}
	// A lookup stops at the first bucket that never overflowed.
	stops := false
	for b := range nb {
		if m.over[b>>6]>>(b&63)&1 == 0 {
			stops = true
			break
		}
	}
	// index has checked that every slot's row is inside the rows.
	top := uint64(0) // the highest class
	for _, s := range m.slots {
		switch s >> 16 & 3 {
		case 0:
			if s != 0 {
				return errors.New("syntax model: bad weights")
			}
		case 2:
			top = max(top, s>>41&127)
			fallthrough
		case 1:
			top = max(top, s>>18&127)
		case slotRow:
			start := 3 * uint64(uint32(s>>18))
			for i := start; i < start+3*(s>>50&255); i += 3 {
				top = max(top, uint64(m.rows[i]&127))
			}
		}
	}
	if top >= uint64(classes) {
		return errors.New("syntax model: bad class")
	}
	if !stops && nb > 0 {
		return errors.New("syntax model: full table")
	}
	return nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b) {
		d.err = errors.New("file too short")
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}
func (d *decoder) u32() uint32 {
	if b := d.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}
func (d *decoder) str() string { return string(d.take(int(d.u32()))) }
func (d *decoder) strings() []string {
	n := int(d.u32())
	if n > len(d.b) {
		d.err = errors.New("file too short")
		return nil
	}
	out := make([]string, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.str())
	}
	return out
}
func (d *decoder) u64s() []uint64 {
	n := int(d.u32())
	b := d.take(8 * n)
	if b == nil {
		return nil
	}
	out := make([]uint64, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return out
}
func (d *decoder) u64map() *u64map {
	t := &u64map{keys: d.u64s(), vals: d.u64s()}
	if d.err == nil && (len(t.keys) != len(t.vals) || len(t.keys) > 0 && !slices.Contains(t.keys, 0)) {
		d.err = errors.New("bad map")
	}
	return t
}
func (d *decoder) weights() *weights {
	m := &weights{slots: d.u64s(), over: d.u64s()}
	// The rows are copied: the model must not change if the caller's
	// bytes do.
	m.rows = append([]byte(nil), d.take(int(d.u32()))...)
	m.scale = math.Float32frombits(d.u32())
	if d.err == nil {
		d.err = m.index()
	}
	return m
}

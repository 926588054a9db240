package text

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/syntax"
)

// Analyzer splits, tags and parses documents. It holds only read-only
// tables once built, so one Analyzer serves any number of goroutines.
type Analyzer struct {
	lex  *lexicon
	fsys fs.FS

	// The syntax model is read on first use, so that commands that only
	// split text (dossier timex) never pay for it.
	once  sync.Once
	model *syntax.Model
	err   error
	// scratch holds per-goroutine buffers for the model.
	scratch sync.Pool
}

// modelFile is the trained tagger, lemmatizer and parser, in the data
// directory (scripts/train-parser writes it).
const modelFile = "text/syntax.model"

// retagFile is the class a function word takes in a relation, applied
// after parsing (scripts/gen-retag writes it).
const retagFile = "text/retag.tsv"

// New loads the embedded word lists (data/text/) and Punkt's English
// training data. The syntax model is loaded on the first call that needs
// it; call LoadModel to load it now and see any error.
func New() (*Analyzer, error) {
	return NewFromData(data.Embedded())
}

// NewFromData is New with the data files taken from fsys (laid out like
// the data directory: text/abbreviations.txt, ...), for user overrides
// through data.Open.
func NewFromData(fsys fs.FS) (*Analyzer, error) {
	lx, err := loadLexicon(fsys)
	if err != nil {
		return nil, fmt.Errorf("text: %w", err)
	}
	a := &Analyzer{lex: lx, fsys: fsys}
	a.scratch.New = func() any { return new(parseScratch) }
	return a, nil
}

// LoadModel loads the syntax model if it is not loaded yet, and reports
// whether it could be. Analyze loads it too, but cannot report an error:
// a document analysed without a model has tokens without tags or tree.
func (a *Analyzer) LoadModel() error {
	a.once.Do(func() {
		b, err := fs.ReadFile(a.fsys, modelFile)
		if err != nil {
			a.err = fmt.Errorf("text: the syntax model: %w", err)
			return
		}
		if a.model, err = syntax.Load(b); err != nil {
			a.err = fmt.Errorf("text: %s: %w", modelFile, err)
			return
		}
		// the words of "two days before X voted" (syntax.SetTimeSpans)
		a.model.SetTimeSpans(a.lex.timeSpans, a.lex.timeOrders)
		// the classes of function words by their relation (see
		// syntax.RetagRule); a data folder without the file has none
		r, err := a.fsys.Open(retagFile)
		if errors.Is(err, fs.ErrNotExist) {
			return
		}
		if err != nil {
			a.err = fmt.Errorf("text: %s: %w", retagFile, err)
			return
		}
		defer r.Close()
		rules, err := syntax.ReadRetag(r)
		if err != nil {
			a.err = fmt.Errorf("text: %s: %w", retagFile, err)
			return
		}
		if kept := a.model.SetRetag(rules); kept < len(rules) {
			// rules the model has no class or relation for: the file was
			// made for another model
			a.err = fmt.Errorf("text: %s: %d of its %d rules name a class or a relation the syntax model lacks (run go run ./scripts/gen-retag)", retagFile, len(rules)-kept, len(rules))
		}
	})
	return a.err
}

// Doc is an analysed document. All offsets are byte offsets into Text;
// every span's text equals Text[Start:End]. A Doc is read-only once
// returned and safe to share between goroutines (but for one from
// AnalyzeSome with a parse still deferred, which Parse writes); callers
// must not modify its slices.
type Doc struct {
	Text       string
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
	// Quotations are the quotations of every paragraph, in text order
	// (Paragraph.FirstQuotation, ParagraphQuotations).
	Quotations []Quotation

	names []Name
	// lex is the analyzer's lexicon (nil for a Doc built by hand)
	lex *lexicon
	// the tree, by token: first dependent and next sibling (-1 for none),
	// and the first and last token of each token's subtree
	firstDep, nextSib []int32
	subFirst, subLast []int32
	// later, when not nil, is what Parse needs for the sentences whose
	// parse AnalyzeSome deferred.
	later *deferred
}

// Paragraph is a block of text between blank lines, or a speaker turn.
type Paragraph struct {
	model.Span
	// FirstSentence and EndSentence are the paragraph's sentences,
	// Doc.Sentences[FirstSentence:EndSentence].
	FirstSentence, EndSentence int
	// FirstQuotation and EndQuotation are the paragraph's quotations,
	// Doc.Quotations[FirstQuotation:EndQuotation].
	FirstQuotation, EndQuotation int
	// Label is the speaker label that opens the paragraph, without its
	// colon or role in parentheses ("AMINA YUSUF", "Q"), as given by
	// Labels or TurnLabels; empty when the paragraph has none. The
	// label's tokens are part of the first sentence.
	Label model.Span
}

// Sentence is one sentence of a paragraph.
type Sentence struct {
	model.Span
	// Para indexes Doc.Paragraphs.
	Para int
	// FirstToken and EndToken are the sentence's tokens,
	// Doc.Tokens[FirstToken:EndToken].
	FirstToken, EndToken int
}

// Token is a word, number or punctuation mark. Text == Doc.Text[Start:End].
// The tags, lemma and tree are set by Analyze, not by Segment.
type Token struct {
	Start, End int
	Text       string
	// Tag is the Penn Treebank part-of-speech tag (NNP, VBD, ``, -LRB-,
	// HYPH, ...), as English Web Treebank writes them.
	Tag string
	// UPOS is the Universal Dependencies part of speech (PROPN, VERB,
	// AUX, ...).
	UPOS string
	// Lemma is the word's dictionary form ("say" for "said").
	Lemma string
	// Head is the index in Doc.Tokens of the token this one depends on,
	// or -1 for the root of its sentence; Rel is the Universal
	// Dependencies relation to it (nsubj, obj, obl, nmod:poss, ...;
	// "root" for the root).
	Head int
	Rel  string
}

// Name is a candidate proper name: a run of capitalised words.
type Name struct {
	model.Span
	// Sentence indexes Doc.Sentences.
	Sentence int
	// Honorific is the form of address right before the name ("Mr.",
	// "Gen", "Sir"), which is not part of the name; empty when none.
	Honorific model.Span
	// Label is true when the name is a speaker label ("AMINA YUSUF:").
	Label bool
}

// PluralTag reports whether a Penn tag is a plural noun's (NNS, NNPS).
func PluralTag(tag string) bool { return tag == "NNS" || tag == "NNPS" }

// FiniteTag reports whether a Penn tag is a finite verb's or a modal's
// (syntax.FiniteTag, for the stages that read the text layer).
func FiniteTag(tag string) bool { return syntax.FiniteTag(tag) }

// SentenceTokens returns the tokens of sentence i, or nil when i is out
// of range.
func (d *Doc) SentenceTokens(i int) []Token {
	if i < 0 || i >= len(d.Sentences) {
		return nil
	}
	s := d.Sentences[i]
	return d.Tokens[s.FirstToken:s.EndToken]
}

// SentenceAt returns the index of the sentence whose span contains the
// byte offset, or -1 when the offset lies outside every sentence (in
// white space between sentences, or out of range).
func (d *Doc) SentenceAt(offset int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > offset })
	if i < len(d.Sentences) && d.Sentences[i].Start <= offset {
		return i
	}
	return -1
}

// TokenAt returns the index of the token whose span contains the byte
// offset, or -1.
func (d *Doc) TokenAt(offset int) int {
	i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > offset })
	if i < len(d.Tokens) && d.Tokens[i].Start <= offset {
		return i
	}
	return -1
}

// Names returns the candidate proper names of the document in text
// order. They are computed by Analyze; the slice is shared, do not
// modify it.
func (d *Doc) Names() []Name { return d.names }

// FunctionWord reports whether w is a function word (a determiner,
// pronoun, preposition, conjunction, modal or wh-word;
// data/text/function-words.txt), whatever its case.
func (a *Analyzer) FunctionWord(w string) bool {
	return a != nil && a.lex != nil && a.lex.functionWords[strings.ToLower(w)]
}

// Title reports whether token k is a form of address written before
// names: an abbreviated title ("Gen.", "Lt.", "Gov.", data/text/
// abbreviations.txt) or a capitalised honorific ("Sir", "Sheikh",
// data/text/honorifics.txt), wherever it stands.
func (d *Doc) Title(k int) bool {
	if d.lex == nil || k < 0 || k >= len(d.Tokens) {
		return false
	}
	w := d.Tokens[k].Text
	if !model.StartsUpper(w) {
		return false
	}
	return d.lex.honorifics[w] || d.lex.abbrev(strings.TrimSuffix(w, ".")) == abbrevTitle
}

// CommonWord reports whether Punkt's English training data saw the word
// w written in lower case, whatever its case here: a common word
// ("commissioner", "young", "association"), not only a name ("John",
// "Aalto"). It is false for a Doc built by hand.
func (d *Doc) CommonWord(w string) bool {
	if d.lex == nil || len(w) > 32 {
		return false
	}
	var buf [128]byte
	return d.lex.ortho[string(appendLower(buf[:0], w))]&orthoLc != 0
}

// Gender returns 'm' or 'f' for a word of the kind given that
// data/text/genders.txt gives one gender ("she", "Mrs." with or without
// its period, "Hillary"), else 0; the case of w does not matter.
func (d *Doc) Gender(w string, kind GenderKind) byte {
	if d == nil || d.lex == nil || kind < 0 || kind >= numGenderKinds {
		return 0
	}
	return d.lex.genders[kind][strings.ToLower(strings.TrimSuffix(w, "."))]
}

// NameGender returns the gender the first word of a name of two words or
// more says, a title or a given name ("Mrs. Varga", "Hillary Clinton"),
// else 0: "Chris Christie" and a name of one word (it may be a surname)
// give none.
func (d *Doc) NameGender(name string) byte {
	first, rest, ok := strings.Cut(strings.TrimSpace(name), " ")
	if !ok || strings.TrimSpace(rest) == "" {
		return 0
	}
	if g := d.Gender(first, GenderTitle); g != 0 {
		return g
	}
	return d.Gender(first, GenderName)
}

// Option changes how Analyze, Segment and Sentences read a document.
type Option struct {
	labels []model.Span
}

// Labels gives the speaker labels of a transcript as spans of the text:
// each label as written, without its colon ("AMINA YUSUF", "MAYOR RUIZ
// (chair)", "Q"). A label that opens a line starts a paragraph there,
// and its name part (without a role in parentheses) is the paragraph's
// Label. The text layer does not look for labels itself: ingest reads
// them (model.Document.Turns), and a text given no labels has none.
// Spans outside the text, or not at the start of a line, are ignored.
func Labels(spans []model.Span) Option { return Option{labels: spans} }

// TurnLabels is Labels with the labels of doc's speaker turns; it gives
// no labels for a document without turns.
func TurnLabels(doc *model.Document) Option {
	if doc == nil || len(doc.Turns) == 0 {
		return Option{}
	}
	spans := make([]model.Span, 0, len(doc.Turns))
	for _, t := range doc.Turns {
		if !t.Label.Empty() {
			spans = append(spans, t.Label)
		}
	}
	return Labels(spans)
}

// labelsOf collects the labels of opts that lie inside src, by start.
func labelsOf(src string, opts []Option) []model.Span {
	var all []model.Span
	for _, o := range opts {
		all = append(all, o.labels...)
	}
	if len(all) == 0 {
		return nil
	}
	return labelSpans(src, all)
}

// Analyze splits src into paragraphs, sentences and tokens, tags,
// lemmatises and parses the tokens and finds candidate names. It never
// panics, whatever src holds, and is safe for concurrent use. Pass
// TurnLabels (or Labels) for a transcript, so that its turns start
// paragraphs and its speaker labels are known.
func (a *Analyzer) Analyze(src string, opts ...Option) *Doc {
	d, _ := a.analyze(src, opts...)
	return d
}

// analyze is Analyze, also returning the tokenizer's token kinds.
func (a *Analyzer) analyze(src string, opts ...Option) (*Doc, []tinfo) {
	d, info := a.segment(src, opts)
	if len(d.Tokens) > 0 {
		a.parseAll(d, nil, nil)
		d.names = a.findNames(d, info)
	}
	return d, info
}

// AnalyzeSome is Analyze for a caller that may not need the analysis,
// or the trees of some sentences only: it splits src as Segment does and
// gives want the split (its sentences and tokens, not tagged) and a flag
// per sentence, all false; want sets the flags of the sentences to parse
// and reports whether to analyse the text at all. Every sentence of an
// analysed text is tagged and lemmatised, and its names found, as Analyze
// does; the sentences want did not flag are not parsed (their tokens have
// Head -1 and no Rel, and a word for which Doc.Retaggable holds has the
// tagger's tags and lemma) until Doc.Parse is called for them, which
// gives them the tree, tags and lemmas Analyze would have. Parsing is
// most of the cost of Analyze.
//
// With confirm (it may be nil), a flagged sentence is tagged first and
// given to confirm, which reads its tags (those of a word for which
// Doc.Retaggable holds may still change) and reports whether to parse
// it now; if not, its parse is deferred as for the others.
//
// Such a Doc, while some parse is deferred (Doc.Deferred), is not safe to
// share between goroutines: Doc.Parse writes it.
func (a *Analyzer) AnalyzeSome(src string, want func(d *Doc, parse []bool) bool, confirm func(d *Doc, sentence int) bool, opts ...Option) (*Doc, bool) {
	d, info := a.segment(src, opts)
	parse := make([]bool, len(d.Sentences))
	if !want(d, parse) {
		return d, false
	}
	if len(d.Tokens) > 0 {
		a.parseAll(d, parse, confirm)
		d.names = a.findNames(d, info)
	}
	return d, true
}

// Segment splits src into paragraphs, sentences and tokens as Analyze
// does, without tagging or parsing them (Token.Tag is empty).
func (a *Analyzer) Segment(src string, opts ...Option) *Doc {
	d, _ := a.segment(src, opts)
	return d
}

// Sentences returns the sentence spans of src, as Analyze finds them,
// without tagging: for callers that need only the sentences.
func (a *Analyzer) Sentences(src string, opts ...Option) []model.Span {
	d, _ := a.segment(src, opts)
	out := make([]model.Span, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Span
	}
	return out
}

// segment splits src into paragraphs, sentences and tokens.
func (a *Analyzer) segment(src string, opts []Option) (*Doc, []tinfo) {
	d := &Doc{Text: src, lex: a.lex}
	if src == "" {
		return d, nil
	}
	paras := splitParagraphs(src, labelsOf(src, opts), nil)
	est := len(src)/5 + 1
	toks := make([]Token, 0, est)
	info := make([]tinfo, 0, est)
	d.Paragraphs = make([]Paragraph, 0, len(paras))
	d.Sentences = make([]Sentence, 0, len(src)/100+1)
	for pi, p := range paras {
		from := len(toks)
		toks, info = a.tokenize(src, p.start, p.end, toks, info)
		first := len(d.Sentences)
		a.splitSentences(toks, info, from, len(toks), func(s, e int) {
			headlineBreaks(src, toks, info, s, e, func(s, e int) {
				d.Sentences = append(d.Sentences, Sentence{
					Span:       model.NewSpan(src, toks[s].Start, toks[e-1].End),
					Para:       pi,
					FirstToken: s,
					EndToken:   e,
				})
			})
		})
		fq := len(d.Quotations)
		d.Quotations = findQuotations(d.Quotations, src, p.start, p.end)
		par := Paragraph{
			Span:           model.NewSpan(src, p.start, p.end),
			FirstSentence:  first,
			EndSentence:    len(d.Sentences),
			FirstQuotation: fq,
			EndQuotation:   len(d.Quotations),
		}
		if p.labelEnd > p.labelStart {
			par.Label = model.NewSpan(src, p.labelStart, p.labelEnd)
		}
		d.Paragraphs = append(d.Paragraphs, par)
	}
	d.Tokens = toks
	return d, info
}

// afterLabel returns the first token of sentence s after the speaker's
// label that opens its paragraph and the colon after it ("ADLER: You
// know, Varga is hitting me": "You"), or s.FirstToken when the sentence
// opens with no label. The label is tagged and parsed as a unit of its
// own: it is no word of the sentence, and the parser made it a second
// subject of the sentence's verb.
func (d *Doc) afterLabel(s Sentence) int {
	if s.Para < 0 || s.Para >= len(d.Paragraphs) {
		return s.FirstToken
	}
	l := d.Paragraphs[s.Para].Label
	if l.Empty() || s.FirstToken >= s.EndToken || d.Tokens[s.FirstToken].Start != l.Start {
		return s.FirstToken
	}
	k := s.FirstToken
	for k < s.EndToken && d.Tokens[k].Start < l.End {
		k++
	}
	if k < s.EndToken && d.Tokens[k].Text == "(" {
		// the role in brackets after the name: "ASANTE (Foreign
		// Minister):"
		j := k
		for j < s.EndToken && d.Tokens[j].Text != ")" {
			j++
		}
		if j+1 < s.EndToken && d.Tokens[j+1].Text == ":" {
			k = j + 1
		}
	}
	if k < s.EndToken && d.Tokens[k].Text == ":" {
		k++
	}
	if k >= s.EndToken {
		return s.FirstToken // a label and nothing else: one unit
	}
	return k
}

// pieceEnd returns the end of the unit of sentence s parsed from token
// from: at most maxParse tokens, and the label (afterLabel's words) apart.
func pieceEnd(s Sentence, from, words int) int {
	to := min(from+maxParse, s.EndToken)
	if from < words && words < to {
		to = words
	}
	return to
}

// maxParse bounds the tokens parsed as one unit: a longer sentence (a list,
// a table flattened into one line) is parsed in pieces of this size, so
// that the work stays linear in the length of the text.
const maxParse = 150

type parseScratch struct {
	forms []string
	names []bool
	tags  syntax.Tags
	sc    syntax.Scratch
}

// setForms makes the words of toks the forms the model reads.
func (ps *parseScratch) setForms(toks []Token) {
	ps.forms = ps.forms[:0]
	for _, t := range toks {
		ps.forms = append(ps.forms, t.Text)
	}
}

// parseAll tags, lemmatises and parses the tokens of every sentence, or,
// when parse is not nil, of the sentences it marks; the others are tagged
// and lemmatised, and their parse is deferred (see Doc.Parse). With
// confirm, a marked sentence is tagged first, and parsed (from the classes
// the tagger gave) only if confirm, given the tagged sentence, says so;
// else its parse is deferred too.
func (a *Analyzer) parseAll(d *Doc, parse []bool, confirm func(d *Doc, sentence int) bool) {
	if a.LoadModel() != nil {
		for i := range d.Tokens {
			d.Tokens[i].Head = -1
		}
		return
	}
	ps := a.scratch.Get().(*parseScratch)
	defer a.scratch.Put(ps)
	defer d.indexTree()
	names := a.documentNames(d)
	for si, s := range d.Sentences {
		now := parse == nil || parse[si]
		if now && confirm == nil {
			a.analyzeSentence(d, s, names, ps, nil)
			continue
		}
		if d.later == nil {
			d.later = &deferred{a: a, left: make([]bool, len(d.Sentences)), classes: make([]uint8, len(d.Tokens))}
		}
		l := d.later
		l.left[si] = true
		l.n++
		a.analyzeSentence(d, s, names, ps, l.classes)
		if now && confirm(d, si) {
			a.parseSentence(d, s, ps, l.classes)
			l.left[si] = false
			l.n--
		}
	}
	if d.later != nil && d.later.n == 0 {
		d.later = nil // every sentence is parsed: the Doc is as Analyze makes it
	}
}

// analyzeSentence tags and lemmatises the tokens of sentence s of d, and
// parses them, unless classes is not nil: then it only tags them, and
// keeps each token's class (the tagger's, for parseSentence) at its index
// in classes; the tokens have no head and no relation.
func (a *Analyzer) analyzeSentence(d *Doc, s Sentence, names map[string]bool, ps *parseScratch, classes []uint8) {
	words := d.afterLabel(s)
	for from, to := s.FirstToken, 0; from < s.EndToken; from = to {
		to = pieceEnd(s, from, words)
		toks := d.Tokens[from:to]
		ps.setForms(toks)
		// (the model makes such a word a name where it opens the
		// sentence, or is tagged a verb: see syntax.Model.Analyze; the
		// first word of a later part of a long sentence opens nothing,
		// the first after a speaker's label opens the sentence)
		ps.names = ps.names[:0]
		lead := from != s.FirstToken && from != words
		for _, t := range toks {
			ps.names = append(ps.names, names[t.Text] && !lead)
			if hasWordChar(t.Text) {
				lead = false
			}
		}
		if classes == nil {
			a.model.Analyze(ps.forms, ps.names, &ps.tags, &ps.sc)
		} else {
			a.model.Tag(ps.forms, ps.names, &ps.tags, &ps.sc)
			copy(classes[from:to], ps.tags.Classes())
		}
		a.setTokens(toks, from, ps)
	}
}

// parseSentence parses sentence s of d, whose tokens analyzeSentence
// tagged, keeping their classes in classes: it gives them the tree, and
// the tags, that analyzeSentence without classes would have, without
// tagging them again.
func (a *Analyzer) parseSentence(d *Doc, s Sentence, ps *parseScratch, classes []uint8) {
	words := d.afterLabel(s)
	for from, to := s.FirstToken, 0; from < s.EndToken; from = to {
		to = pieceEnd(s, from, words)
		toks := d.Tokens[from:to]
		ps.setForms(toks)
		a.model.ParseTagged(ps.forms, classes[from:to], &ps.tags, &ps.sc)
		a.setTokens(toks, from, ps)
	}
}

// setTokens writes what the model put in ps.tags into the tokens toks,
// the first of which is the document's token from.
func (a *Analyzer) setTokens(toks []Token, from int, ps *parseScratch) {
	for i := range toks {
		t := &toks[i]
		t.Tag, t.UPOS, t.Rel = ps.tags.XPOS[i], ps.tags.UPOS[i], ps.tags.Rel[i]
		t.Head = -1
		if h := ps.tags.Head[i]; h > 0 {
			t.Head = from + h - 1
		}
		t.Lemma = a.model.LemmaOf(t.Text, &ps.tags, i, &ps.sc)
		if t.Tag == "VBD" || t.Tag == "VBN" {
			// an irregular past the treebank's suffix rules would guess
			if b, ok := a.lex.irregular[strings.ToLower(t.Text)]; ok {
				t.Lemma = b
			}
		}
	}
}

// deferred is what a Doc needs to parse the sentences whose parse
// AnalyzeSome deferred.
type deferred struct {
	a    *Analyzer
	left []bool // by sentence: its parse is still deferred
	n    int    // how many are
	// classes holds, by token, the tagger's class of the words of the
	// deferred sentences (syntax.Tags.Classes), which their parse takes
	classes []uint8
}

// Parse parses sentence i of the document if AnalyzeSome deferred its
// parse, giving its tokens the heads and relations Analyze gives them
// (and the tags Analyze gives them: a function word may take the class
// its relation fixes, see Retaggable); otherwise it does
// nothing. A reader of a sentence's tree in a document from AnalyzeSome
// calls it first. It writes the Doc: see AnalyzeSome.
func (d *Doc) Parse(i int) {
	if d == nil || d.later == nil || i < 0 || i >= len(d.later.left) || !d.later.left[i] {
		return
	}
	l := d.later
	l.left[i] = false
	ps := l.a.scratch.Get().(*parseScratch)
	s := d.Sentences[i]
	l.a.parseSentence(d, s, ps, l.classes)
	l.a.scratch.Put(ps)
	d.indexTokens(s.FirstToken, s.EndToken)
	if l.n--; l.n == 0 {
		d.later = nil // every sentence is parsed: the Doc is as Analyze makes it
	}
}

// Retaggable reports, while some sentence's parse is deferred, whether
// token i is a function word whose class its relation fixes ("that" is a
// pronoun as a subject, a conjunction as a marker; syntax.Model.MayRetag):
// in a deferred sentence (Deferred) such a word has the tagger's tags
// until Parse, and parsing may change them; every other word already has
// the tags that parsing leaves it. It is false once no parse is deferred.
func (d *Doc) Retaggable(i int) bool {
	if d == nil || d.later == nil || i < 0 || i >= len(d.Tokens) {
		return false
	}
	t := d.Tokens[i]
	return d.later.a.model.MayRetag(t.Text, t.UPOS)
}

// Deferred reports whether the parse of sentence i is deferred: the
// Doc is from AnalyzeSome, which was told the sentence's tree is not
// needed, and Parse(i) has not been called. Its tokens have tags and
// lemmas but no tree.
func (d *Doc) Deferred(i int) bool {
	return d != nil && d.later != nil && i >= 0 && i < len(d.later.left) && d.later.left[i]
}

// hasWordChar reports whether s holds a letter or a digit: a word, not
// a mark.
func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// documentNames returns the capitalised words that the document itself
// shows to be names: written with a capital inside a sentence of running
// text somewhere ("said Donald Trump"), never written in lower case, and
// not a function word. The tagger reads one sentence at a time and takes such a
// word opening a sentence for a common noun or a verb ("Trump said", with
// "trump" a verb in the treebank); these are tagged as names instead.
func (a *Analyzer) documentNames(d *Doc) map[string]bool {
	var names map[string]bool
	for _, s := range d.Sentences {
		// a sentence in title case ("Clinton Hid Past Health Problems"),
		// with no lower-case word but function words, shows nothing
		running := false
		for k := s.FirstToken; k < s.EndToken && !running; k++ {
			w := d.Tokens[k].Text
			running = startsLower(w) && !a.FunctionWord(w)
		}
		// (the sentence's first word, after any quotation marks or
		// brackets, is capitalised whatever it is)
		inside := false
		for k := s.FirstToken; k < s.EndToken; k++ {
			w := d.Tokens[k].Text
			r, size := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsLower(r):
			case !unicode.IsUpper(r) || size == len(w) || allUpper(w):
			case running && inside && !a.FunctionWord(w):
				if names == nil {
					names = map[string]bool{}
				}
				names[w] = true
			}
			inside = inside || hasWordChar(w)
		}
	}
	if len(names) == 0 {
		return names
	}
	// a word written somewhere in lower case is no name
	lowerOf := make(map[string][]string, len(names))
	for w := range names {
		l := strings.ToLower(w)
		lowerOf[l] = append(lowerOf[l], w)
	}
	for _, t := range d.Tokens {
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
			for _, w := range lowerOf[t.Text] {
				delete(names, w)
			}
		}
	}
	return names
}

// allUpper reports whether strings.ToUpper(w) == w, without making the
// upper-case string.
func allUpper(w string) bool {
	for _, r := range w {
		if r == utf8.RuneError {
			// bad UTF-8, which strings.ToUpper writes otherwise
			return strings.ToUpper(w) == w
		}
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// Lemmas appends to buf every lemma Analyze may give a token written form
// when it tags it with a Penn tag that tag accepts (every tag when tag is
// nil), each once (see syntax.Model.Lemmas); without a syntax model, none
// (Analyze then gives no lemmas).
func (a *Analyzer) Lemmas(form string, tag func(xpos string) bool, buf []string) []string {
	if a.LoadModel() != nil {
		return buf
	}
	return a.model.Lemmas(form, tag, buf)
}

// AnnotateWords tags, lemmatises and parses words that are already split
// (a CoNLL-U file's), filling in every field but Form. It loads the model
// if needed.
func (a *Analyzer) AnnotateWords(words []syntax.Word) error {
	if err := a.LoadModel(); err != nil {
		return err
	}
	ps := a.scratch.Get().(*parseScratch)
	defer a.scratch.Put(ps)
	a.model.Annotate(words, &ps.sc)
	return nil
}

// SetHeads replaces the parse of sentence i with heads (each an index
// into the sentence's tokens, or -1 for its root) and rels, one per
// token: for a caller that measures what a stage makes of a parse given
// from elsewhere (a gold tree, another parser's), and for tests that
// place a parse by hand. It reports false, and changes nothing, when the
// lengths differ from the sentence's or a head lies outside it.
func (d *Doc) SetHeads(i int, heads []int, rels []string) bool {
	if d == nil || i < 0 || i >= len(d.Sentences) || d.firstDep == nil {
		return false
	}
	s := d.Sentences[i]
	n := s.EndToken - s.FirstToken
	if len(heads) != n || len(rels) != n {
		return false
	}
	for _, h := range heads {
		if h < -1 || h >= n {
			return false
		}
	}
	for k, h := range heads {
		t := &d.Tokens[s.FirstToken+k]
		t.Head, t.Rel = -1, rels[k]
		if h >= 0 {
			t.Head = s.FirstToken + h
		}
	}
	d.indexTokens(s.FirstToken, s.EndToken)
	return true
}

// indexTree builds the dependents lists and subtree spans of the parse.
func (d *Doc) indexTree() {
	n := len(d.Tokens)
	d.firstDep, d.nextSib = make([]int32, n), make([]int32, n)
	d.subFirst, d.subLast = make([]int32, n), make([]int32, n)
	d.indexTokens(0, n)
}

// indexTokens builds the dependents lists and subtree spans of tokens
// [from, to), which must hold whole sentences (a token's head is in its
// sentence), as indexTree does for all of them.
func (d *Doc) indexTokens(from, to int) {
	n := len(d.Tokens)
	for i := from; i < to; i++ {
		d.firstDep[i], d.nextSib[i] = -1, -1
		d.subFirst[i], d.subLast[i] = int32(i), int32(i)
	}
	// Dependents in text order: link from the last token back.
	for i := to - 1; i >= from; i-- {
		if h := d.Tokens[i].Head; h >= 0 && h < n {
			d.nextSib[i] = d.firstDep[h]
			d.firstDep[h] = int32(i)
		}
	}
	// Spread each token's span up its chain of heads. A chain is walked
	// only while it widens a span, and spans only widen, so the work is
	// bounded by the tree's depth per token; trees are cut into pieces of
	// at most maxParse tokens.
	for i := from; i < to; i++ {
		lo, hi := int32(i), int32(i)
		for h, steps := d.Tokens[i].Head, 0; h >= 0 && h < n && steps < maxParse; h, steps = d.Tokens[h].Head, steps+1 {
			if d.subFirst[h] <= lo && d.subLast[h] >= hi {
				break
			}
			d.subFirst[h] = min(d.subFirst[h], lo)
			d.subLast[h] = max(d.subLast[h], hi)
			lo, hi = d.subFirst[h], d.subLast[h]
		}
	}
}

// Dependents appends the indexes of token i's dependents, in text order,
// to buf and returns it. It is empty for a document that was not parsed.
func (d *Doc) Dependents(i int, buf []int) []int {
	if i < 0 || i >= len(d.firstDep) {
		return buf
	}
	for k := d.firstDep[i]; k >= 0; k = d.nextSib[k] {
		buf = append(buf, int(k))
	}
	return buf
}

// Dependent returns token i's first dependent with one of the relations
// (compared without subtype when a relation has none: "obl" matches
// "obl:tmod"), or -1.
func (d *Doc) Dependent(i int, rels ...string) int {
	if i < 0 || i >= len(d.firstDep) {
		return -1
	}
	for k := d.firstDep[i]; k >= 0; k = d.nextSib[k] {
		if relIs(d.Tokens[k].Rel, rels...) {
			return int(k)
		}
	}
	return -1
}

// Subtree returns the tokens token i heads, itself included, as the
// range [first, end) of Doc.Tokens (trees are projective).
func (d *Doc) Subtree(i int) (first, end int) {
	if i < 0 || i >= len(d.subFirst) {
		return i, i + 1
	}
	return int(d.subFirst[i]), int(d.subLast[i]) + 1
}

// relIs reports whether rel is one of rels; a relation without a subtype
// in rels matches rel with any subtype.
func relIs(rel string, rels ...string) bool {
	for _, r := range rels {
		if rel == r {
			return true
		}
		if len(rel) > len(r) && rel[len(r)] == ':' && rel[:len(r)] == r && !strings.Contains(r, ":") {
			return true
		}
	}
	return false
}

// RelIs reports whether token i's relation is one of rels (see Dependent).
func (d *Doc) RelIs(i int, rels ...string) bool {
	return i >= 0 && i < len(d.Tokens) && relIs(d.Tokens[i].Rel, rels...)
}

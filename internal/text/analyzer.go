package text

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
)

// Analyzer splits and tags documents. It holds only read-only tables
// once built, so one Analyzer serves any number of goroutines.
type Analyzer struct {
	lex    *lexicon
	tagger *tagger
}

// New loads the embedded word lists (data/text/), Punkt's English
// training data and prose's POS model. It takes a few hundred
// milliseconds: call it once and share the Analyzer.
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
	tg, err := loadTagger()
	if err != nil {
		return nil, fmt.Errorf("text: %w", err)
	}
	return &Analyzer{lex: lx, tagger: tg}, nil
}

// Doc is an analysed document. All offsets are byte offsets into Text;
// every span's text equals Text[Start:End]. A Doc is read-only once
// returned and safe to share between goroutines; callers must not
// modify its slices.
type Doc struct {
	Text       string
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token

	names []Name
}

// Paragraph is a block of text between blank lines, or a speaker turn.
type Paragraph struct {
	model.Span
	// FirstSentence and EndSentence are the paragraph's sentences,
	// Doc.Sentences[FirstSentence:EndSentence].
	FirstSentence, EndSentence int
	// Label is the speaker label that opens the paragraph, without its
	// colon or role in parentheses ("AMINA YUSUF", "Q"); empty when the
	// paragraph has none. The label's tokens are part of the first
	// sentence.
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
type Token struct {
	Start, End int
	Text       string
	// Tag is the Penn Treebank part-of-speech tag (NNP, VBD, ``, ...).
	Tag string
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

// Analyze splits src into paragraphs, sentences and tokens, tags the
// tokens and finds candidate names. It never panics, whatever src holds,
// and is safe for concurrent use.
func (a *Analyzer) Analyze(src string) *Doc {
	d, _ := a.analyze(src)
	return d
}

// analyze is Analyze, also returning the tokenizer's token kinds.
func (a *Analyzer) analyze(src string) (*Doc, []tinfo) {
	d, info := a.segment(src)
	if len(d.Tokens) > 0 {
		a.tagAll(d, info)
		d.names = a.findNames(d, info)
	}
	return d, info
}

// Segment splits src into paragraphs, sentences and tokens as Analyze
// does, without tagging or parsing them (Token.Tag is empty).
func (a *Analyzer) Segment(src string) *Doc {
	d, _ := a.segment(src)
	return d
}

// Sentences returns the sentence spans of src, as Analyze finds them,
// without tagging: for callers that need only the sentences.
func (a *Analyzer) Sentences(src string) []model.Span {
	d, _ := a.segment(src)
	out := make([]model.Span, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Span
	}
	return out
}

// segment splits src into paragraphs, sentences and tokens.
func (a *Analyzer) segment(src string) (*Doc, []tinfo) {
	d := &Doc{Text: src}
	if src == "" {
		return d, nil
	}
	paras := splitParagraphs(src, nil)
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
			d.Sentences = append(d.Sentences, Sentence{
				Span:       model.NewSpan(src, toks[s].Start, toks[e-1].End),
				Para:       pi,
				FirstToken: s,
				EndToken:   e,
			})
		})
		par := Paragraph{
			Span:          model.NewSpan(src, p.start, p.end),
			FirstSentence: first,
			EndSentence:   len(d.Sentences),
		}
		if p.colonEnd > 0 {
			par.Label = model.NewSpan(src, p.labelStart, p.labelEnd)
		}
		d.Paragraphs = append(d.Paragraphs, par)
	}
	d.Tokens = toks
	return d, info
}

// tagAll tags the tokens of every sentence.
func (a *Analyzer) tagAll(d *Doc, info []tinfo) {
	var forms, fixed, tags []string
	var scratch tagScratch
	for _, s := range d.Sentences {
		n := s.EndToken - s.FirstToken
		if cap(forms) < n {
			forms = make([]string, n, n+16)
			fixed = make([]string, n, n+16)
			tags = make([]string, n, n+16)
		}
		forms, fixed, tags = forms[:n], fixed[:n], tags[:n]
		for i := range n {
			forms[i], fixed[i] = tagForm(d.Tokens[s.FirstToken+i].Text, info[s.FirstToken+i])
		}
		a.tagger.tag(forms, fixed, tags, &scratch)
		for i := range n {
			d.Tokens[s.FirstToken+i].Tag = tags[i]
		}
	}
}

// tagForm returns the token as the POS model expects to see it (Penn
// Treebank conventions: two backquotes and two apostrophes for double
// quotes, -- for dashes, ... for
// ellipses, straight apostrophes) and, for punctuation, the tag it gets
// by rule.
func tagForm(text string, in tinfo) (form, fixed string) {
	switch in.kind {
	case tkPeriod, tkEnd:
		return ".", "."
	case tkEllipsis:
		return "...", ":"
	case tkDash:
		if text == "-" {
			return "-", ":"
		}
		return "--", ":"
	case tkOpen:
		if !in.quote {
			return text, "("
		}
		if text == "‘" || text == "'" {
			return "`", "``"
		}
		return "``", "``"
	case tkClose:
		if !in.quote {
			return text, ")"
		}
		if text == "’" || text == "'" {
			// A possessive after a plural or a closing single quote:
			// the model decides.
			return "'", ""
		}
		return "''", "''"
	case tkURL:
		return text, "NN"
	case tkPunct:
		switch text {
		case ",":
			return text, ","
		case ";", ":":
			return text, ":"
		case "$", "€", "£", "¥":
			return text, "$"
		case "#":
			return text, "#"
		case "%":
			return text, "NN"
		case "&":
			return text, "CC"
		}
		return text, "SYM"
	}
	if strings.Contains(text, "’") {
		switch text {
		case "’s":
			return "'s", ""
		case "n’t":
			return "n't", ""
		}
		return strings.ReplaceAll(text, "’", "'"), ""
	}
	return text, ""
}

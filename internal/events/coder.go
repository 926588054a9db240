package events

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// Coder codes events from analysed documents and their actor mentions.
// It is immutable and safe for concurrent use.
type Coder struct {
	lx   *lexicon
	pats *Patterns
	// ai, when set, lets the coder read actors from noun phrases that
	// are not mentions (see WithActors).
	ai *actorInfo
	// sents keeps the sents of finished documents for the next ones
	// (getSent); shared by the coders WithActors and WithPeople make.
	sents *sync.Pool
}

// NewCoder returns a coder for the patterns p. When p carries no CAMEO
// code table or grammar lists (a PETRARCH dictionary loaded on its own),
// the shipped ones are used for what is missing.
func NewCoder(p *Patterns) *Coder {
	if p == nil {
		p = newPatterns()
	}
	if len(p.codes) == 0 || len(p.grammar) == 0 || len(p.irregular) == 0 {
		if def, err := DefaultPatterns(); err == nil {
			base := newPatterns()
			base.codes, base.roots, base.grammar, base.irregular = def.codes, def.roots, def.grammar, def.irregular
			p = base.Merge(p)
		}
	}
	return &Coder{lx: p.compile(), pats: p, sents: &sync.Pool{}}
}

// getSent returns a sent for coding doc, from the coder's pool: its
// buffers (words, flags and maps by token, reset for every sentence) are
// kept from one document to the next rather than grown again for each,
// which most of the allocations of coding were.
func (c *Coder) getSent(doc *model.Document, td *text.Doc) *sent {
	s, _ := c.sents.Get().(*sent)
	if s == nil {
		s = &sent{}
	}
	s.lx, s.doc, s.td, s.ai = c.lx, doc, td, c.ai
	return s
}

// putSent gives s back to the pool, without the document it read.
func (c *Coder) putSent(s *sent) {
	s.doc, s.td, s.toks, s.mwords = nil, nil, nil, nil
	clear(s.low[:cap(s.low)]) // lower-cased words may be slices of the text
	clear(s.buf[:cap(s.buf)])
	clear(s.ms)
	clear(s.sorted)
	c.sents.Put(s)
}

// Patterns returns the coder's patterns.
func (c *Coder) Patterns() *Patterns { return c.pats }

// Code codes the events of one document: td is its text analysis and ms
// its resolved actor mentions. Events come in text order with ids
// "<short doc id>-e<n>".
func (c *Coder) Code(doc *model.Document, td *text.Doc, ms []model.Mention) []model.Event {
	if doc == nil || td == nil || len(ms) == 0 && c.ai == nil {
		return nil
	}
	bySent := mentionsBySentence(td, ms)
	var out []model.Event
	s := c.getSent(doc, td)
	defer c.putSent(s)
	for si := range td.Sentences {
		if td.Deferred(si) {
			// Its parse was deferred as nothing in it can be coded
			// (Filter.Mark; pipeline.PrepareToCode): coding it would find
			// nothing, and read a tree it does not have.
			continue
		}
		sm := bySent[si]
		if len(sm) == 0 && (c.ai == nil || !capitalised(td.SentenceTokens(si))) {
			// Without a mention only a name can be a participant (see
			// modifiers.go), and a name is capitalised.
			continue
		}
		s.reset(td, si, sm)
		if s.ques {
			// A question asserts nothing: "Will the council impose
			// sanctions?" is not an event, not even a hypothetical one.
			continue
		}
		out = s.code(out)
	}
	for i := range out {
		out[i].ID = doc.ShortID() + "-e" + strconv.Itoa(i+1)
	}
	return out
}

// sent holds one sentence being coded. It is reused across sentences.
type sent struct {
	lx     *lexicon
	doc    *model.Document
	td     *text.Doc
	off    int // index in td.Tokens of the sentence's first token
	span   model.Span
	toks   []text.Token
	low    []string
	ms     []model.Mention
	sorted []model.Mention
	mtok   [][2]int // token range [start, end) of each mention
	mAt    []int    // mention covering each token, or -1
	hypo   bool     // the sentence is conditional
	ques   bool     // the sentence is a question: it is not coded
	conds  []int    // tokens that open a condition ("if", "unless")
	unas   []bool   // tokens in a denied or doubted clause (see markUnasserted)
	title  bool     // the sentence is a title-case headline
	done   map[[2]int]bool
	seen   map[evKey]bool // events of the sentence, by participants, code and flags
	buf    []string
	// ai is the actor dictionary, for actors that are not mentions (see
	// modifiers.go); mwords are the sentence's words prepared for it, and
	// refAt and modAt the mentions made per token (-2: not yet asked).
	ai     *actorInfo
	mwords *actors.Words
	refAt  []int
	modAt  []int
}

func (s *sent) reset(td *text.Doc, si int, ms []model.Mention) {
	toks := td.SentenceTokens(si)
	s.td, s.off = td, td.Sentences[si].FirstToken
	s.span, s.toks = td.Sentences[si].Span, toks
	s.low = s.low[:0]
	s.mAt = s.mAt[:0]
	s.refAt, s.modAt, s.mwords = s.refAt[:0], s.modAt[:0], nil
	for _, t := range toks {
		s.low = append(s.low, normWord(t.Text))
		s.mAt = append(s.mAt, -1)
		s.refAt = append(s.refAt, -2)
		s.modAt = append(s.modAt, -2)
	}
	ms = append(s.sorted[:0], ms...)
	s.sorted = ms
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	s.ms = s.ms[:0]
	s.mtok = s.mtok[:0]
	for _, m := range ms {
		// The tokens are in text order and do not overlap: the first one
		// that ends after the mention starts, and those after it up to
		// the mention's end, are its tokens (a binary search keeps a
		// sentence with many mentions from costing tokens × mentions).
		a, b := -1, -1
		for k := sort.Search(len(toks), func(k int) bool { return toks[k].End > m.Start }); k < len(toks) && toks[k].Start < m.End; k++ {
			if a < 0 {
				a = k
			}
			b = k + 1
		}
		if a < 0 {
			continue
		}
		// A mention inside one already placed (nested) is dropped.
		if s.mAt[a] >= 0 {
			continue
		}
		idx := len(s.ms)
		s.ms = append(s.ms, m)
		s.mtok = append(s.mtok, [2]int{a, b})
		for k := a; k < b; k++ {
			if s.mAt[k] < 0 {
				s.mAt[k] = idx
			}
		}
	}
	s.hypo, s.ques = false, false
	s.conds = s.conds[:0]
	for k, w := range s.low {
		switch {
		case s.conditional(k):
			s.hypo = true
			s.conds = append(s.conds, k)
		case questionEnd(w, k, len(s.low)):
			s.ques = true
		}
	}
	s.title = s.headline()
	s.markUnasserted()
	clear(s.done)
	if s.done == nil {
		s.done = map[[2]int]bool{}
	}
	clear(s.seen)
	if s.seen == nil {
		s.seen = map[evKey]bool{}
	}
}

// conditional reports whether token k opens a condition. "provided" and
// "providing" do so only as conjunctions ("provided that", "provided
// Kenya agrees"), not as verbs ("Kenya provided aid").
func (s *sent) conditional(k int) bool {
	w := s.low[k]
	if !s.lx.is("conditional", w) {
		return false
	}
	if w == "provided" || w == "providing" || w == "suppose" || w == "supposing" {
		return k+1 < len(s.low) && s.low[k+1] == "that" || s.tag(k) == "IN" || s.tag(k) == "CC"
	}
	return true
}

// hypothetical decides the Hypothetical flag of an event whose verb group
// says ctx. A condition anywhere in the sentence makes the
// event hypothetical, except for an expressed intention (CAMEO 03x) or a
// threat that itself happened: when the expression ("declared its readiness",
// "offered", "pledged") is neither future nor modal and every condition
// comes after it, the condition governs the intended action, not the
// expression ("X declared its readiness to send troops if asked").
func (s *sent) hypothetical(ctx verbCtx, code string) bool {
	if ctx.hypo {
		return true
	}
	if !s.hypo {
		return false
	}
	if ctx.expr < 0 || ctx.exprOpen || !strings.HasPrefix(code, "03") && !ctx.stmt {
		return true
	}
	for _, c := range s.conds {
		if c < ctx.expr {
			return true
		}
	}
	return false
}

// normWord lower-cases a token and folds typographic apostrophes.
func normWord(w string) string {
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

func (s *sent) tag(k int) string { return s.toks[k].Tag }

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") }
func isNounTag(t string) bool { return strings.HasPrefix(t, "NN") }
func isDetTag(t string) bool {
	return t == "DT" || t == "PRP$" || t == "PDT" || t == "CD" || t == "POS"
}

// boundary reports whether token k opens or closes a clause.
func (s *sent) boundary(k int) bool {
	w := s.low[k]
	switch w {
	case ";", ":", "\"", "“", "”", "(", ")", "--", "–", "—", "‘":
		return true
	case "that":
		return s.tag(k) != "DT"
	}
	return s.lx.is("clause", w)
}

// hardBoundary reports whether token k is punctuation that ends a clause.
func (s *sent) hardBoundary(k int) bool {
	switch s.low[k] {
	case ";", ":", "\"", "“", "”", "(", ")", "--", "–", "—":
		return true
	}
	return false
}

// isModal tells the modal "may" from the month "May".
func (s *sent) isModal(k int) bool {
	t := s.toks[k].Text
	return s.tag(k) == "MD" || (t != "" && t[0] >= 'a' && t[0] <= 'z')
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// capitalised reports whether a word after the first of toks starts with
// a capital letter.
func capitalised(toks []text.Token) bool {
	for k := 1; k < len(toks); k++ {
		if w := toks[k].Text; w != "" && w[0] >= 'A' && w[0] <= 'Z' {
			return true
		}
	}
	return len(toks) > 0 && toks[0].Tag != "DT" && toks[0].Text != "" && toks[0].Text[0] >= 'A' && toks[0].Text[0] <= 'Z' && toks[0].Tag != "PRP"
}

// mentionsBySentence groups the mentions ms by the sentence of td they
// are in (their own Sentence when it holds them, else the sentence at
// their start); mentions outside the text are left out.
func mentionsBySentence(td *text.Doc, ms []model.Mention) [][]model.Mention {
	bySent := make([][]model.Mention, len(td.Sentences))
	for _, m := range ms {
		if m.Start < 0 || m.End > len(td.Text) || m.Start >= m.End {
			continue
		}
		si := m.Sentence
		if si < 0 || si >= len(td.Sentences) || !td.Sentences[si].Contains(m.Span) {
			si = td.SentenceAt(m.Start)
		}
		if si >= 0 {
			bySent[si] = append(bySent[si], m)
		}
	}
	return bySent
}

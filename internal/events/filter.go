package events

import (
	"strings"
	"sync"

	"github.com/dossier-project/dossier/internal/text"
)

// A Filter tells, from the words of a text alone (its sentences and
// tokens, before any tagging or parsing), that the coder can code no event
// in it: no word of it could trigger a pattern. Batch coding then need not
// tag, parse or search such a text for actors, which is most of its cost;
// most sentences of the news have no event.
//
// It is conservative: a word counts as a trigger if any of the coder's
// tests could pass for it, whatever its tag, its parse or the mentions
// around it. The coder (code in trigger.go) codes events only from
//   - a verb whose lemma, from the pattern lemmatiser or from the text
//     layer, is a pattern's verb and whose phrase's other words follow it
//     (matchRest: one word may stand between the verb and the next);
//   - a noun that is, or whose singular is, a pattern's noun, likewise;
//   - an obligation ("must") reported by a verb of saying.
//
// The filter asks the same of every word, with every lemma the text layer
// may give it with a tag the coder takes a verb's (text.Analyzer.Lemmas,
// verbal) and with the next word allowed between the verb and the
// phrase. TestFilterSkipsNoCodedText (internal/pipeline) checks that no
// text with an event is filtered out. A Filter is safe for concurrent use.
type Filter struct {
	lx *lexicon
	// lemmas lists every lemma the text layer may give a word with a tag
	// that tag accepts.
	lemmas func(form string, tag func(string) bool, buf []string) []string
	// verbForms are the pattern verbs that the text layer's lemmas of a
	// written word include, by word: kept by each goroutine, as a word
	// costs a lemma per tag to learn.
	pool sync.Pool
}

// maxKept bounds the words a goroutine's filter keeps, so that memory
// does not grow with the input.
const maxKept = 1 << 16

type filterScratch struct {
	verbs map[string][]string
	low   []string
	buf   []string
}

// Filter returns the filter of the coder's patterns; lemmas lists every
// lemma the text layer may give a word with a tag that tag accepts (nil:
// the text layer gives none, or only words' own forms).
func (c *Coder) Filter(lemmas func(form string, tag func(string) bool, buf []string) []string) *Filter {
	f := &Filter{lx: c.lx, lemmas: lemmas}
	f.pool.New = func() any { return &filterScratch{verbs: map[string][]string{}} }
	return f
}

// MayCode reports whether some word of td could trigger an event: when
// it is false, Code finds no event in td, whatever its analysis. td needs
// only its sentences and tokens (text.Analyzer.Segment).
func (f *Filter) MayCode(td *text.Doc) bool {
	sc := f.pool.Get().(*filterScratch)
	defer f.pool.Put(sc)
	for si := range td.Sentences {
		if f.sentence(td.SentenceTokens(si), sc) {
			return true
		}
	}
	return false
}

// sentence reports whether some word of toks could trigger an event.
func (f *Filter) sentence(toks []text.Token, sc *filterScratch) bool {
	lx := f.lx
	sc.low = sc.low[:0]
	for _, t := range toks {
		sc.low = append(sc.low, normWord(t.Text))
	}
	low := sc.low
	for i, w := range low {
		if lx.is("obligation", w) {
			return true
		}
		sc.buf = lx.lemmas(w, sc.buf[:0])
		for _, l := range sc.buf {
			if f.phrase(lx.verbs[l], low, i) {
				return true
			}
		}
		for _, l := range f.verbLemmas(toks[i].Text, sc) {
			if f.phrase(lx.verbs[l], low, i) {
				return true
			}
		}
		if f.phrase(lx.nouns[w], low, i) || f.phrase(lx.nouns[singular(w)], low, i) {
			return true
		}
	}
	return false
}

// verbLemmas returns the lemmas of a pattern verb that the text layer may
// give the word written form.
func (f *Filter) verbLemmas(form string, sc *filterScratch) []string {
	if f.lemmas == nil {
		return nil
	}
	if vs, ok := sc.verbs[form]; ok {
		return vs
	}
	var vs []string
	for _, l := range f.lemmas(form, verbal, sc.buf[:0]) {
		// the coder reads a lemma in lower case (sent.lemma)
		l = strings.ToLower(l)
		if _, ok := f.lx.verbs[l]; ok && !contains(vs, l) {
			vs = append(vs, l)
		}
	}
	if len(sc.verbs) >= maxKept {
		clear(sc.verbs)
	}
	sc.verbs[form] = vs
	return vs
}

// phrase reports whether one of the entries' phrases could start at word
// i of low: its other words follow, the first of them right after the
// word or one word further (matchRest lets an adverb stand there).
func (f *Filter) phrase(entries []entry, low []string, i int) bool {
	for _, e := range entries {
		if len(e.rest) == 0 || f.restAt(e.rest, low, i+1) || f.restAt(e.rest, low, i+2) {
			return true
		}
	}
	return false
}

// restAt reports whether the words rest follow in low from j on.
func (f *Filter) restAt(rest []string, low []string, j int) bool {
	for _, w := range rest {
		if j >= len(low) || !f.lx.wordMatches(w, low[j]) {
			return false
		}
		j++
	}
	return true
}

// verbal reports whether the coder may read a word with Penn tag x as a
// verb, and so its lemma as a verb's (sent.code calls verbTrigger): a
// verb, a proper noun (in a headline), no tag ("": the text layer's
// lemmas with a tag it does not know, or no tag at all).
func verbal(x string) bool {
	return isVerbTag(x) || x == "NNP" || x == "NNPS" || x == ""
}

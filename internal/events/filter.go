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
	// Scratches, each keeping by written word what could trigger there
	// (starts), as a word costs a lemma per tag to learn; a pool, so that
	// concurrent callers do not share one (what it keeps is lost when the
	// collector empties the pool, and learned again).
	pool sync.Pool
}

// maxKept bounds the words a goroutine's filter keeps, twice over (see
// filterScratch), so that memory does not grow with the input.
const maxKept = 1 << 14

// starts is what could trigger at a word: the patterns' phrases that
// start there (the words after the first are still to be matched), and
// whether it is an obligation ("must").
type starts struct {
	entries []entry
	// entries[:verbs] start at a verb (verbTrigger), the rest at a noun
	// (nounTrigger)
	verbs      int
	obligation bool
}

type filterScratch struct {
	// words, by form, in two generations: when words fills, it becomes
	// old (the older is dropped) and a word found in old moves back into
	// words. Clearing a full map instead forgot the frequent words with
	// the rare ones, and news has more forms than the bound.
	words, old map[string]*starts
	low        []string // the sentence's words in lower case, as far as needed
	buf        []string
}

// Filter returns the filter of the coder's patterns; lemmas lists every
// lemma the text layer may give a word with a tag that tag accepts (nil:
// the text layer gives none, or only words' own forms).
func (c *Coder) Filter(lemmas func(form string, tag func(string) bool, buf []string) []string) *Filter {
	f := &Filter{lx: c.lx, lemmas: lemmas}
	f.pool.New = func() any { return &filterScratch{words: map[string]*starts{}} }
	return f
}

// Mark sets may[i] (len(may) is the number of sentences) for each
// sentence i of td in which some word could trigger an event, and reports
// whether any could: when it is false, Code finds no event in td,
// whatever its analysis. td needs only its sentences and tokens
// (text.Analyzer.Segment). The coder codes each sentence from its own
// words, tags, tree and mentions, so a sentence left unmarked needs no
// parse either (text.Analyzer.AnalyzeSome). A question is never marked:
// the coder codes none.
func (f *Filter) Mark(td *text.Doc, may []bool) bool {
	sc := f.pool.Get().(*filterScratch)
	defer f.put(sc)
	any := false
	for si := range td.Sentences {
		may[si] = f.sentence(td, si, false, sc)
		any = any || may[si]
	}
	return any
}

// put gives sc back to the pool without the words of the document it
// read (sc.low may hold slices of its text).
func (f *Filter) put(sc *filterScratch) {
	clear(sc.low)
	sc.low = sc.low[:0]
	f.pool.Put(sc)
}

// Confirm reports whether the coder could code an event in sentence si
// of td, now that its words are tagged (text.Analyzer.AnalyzeSome calls
// it for the sentences Mark marked, before parsing them): Mark's test,
// with the tags the coder requires of a trigger (sent.code) — a verb's
// phrase starts at a word tagged as a verb (or a proper noun, in a
// headline), a noun's at a noun, a gerund or an adjective. A word whose
// tag the parse may still change (text.Doc.Retaggable) passes both.
// When it is false, Code finds no event in the sentence, whatever its
// tree: its parse is not needed.
func (f *Filter) Confirm(td *text.Doc, si int) bool {
	sc := f.pool.Get().(*filterScratch)
	defer f.put(sc)
	return f.sentence(td, si, true, sc)
}

// sentence reports whether some word of sentence si of td could trigger
// an event; with tagged, a word whose tag the coder does not take for the
// trigger's cannot.
func (f *Filter) sentence(td *text.Doc, si int, tagged bool, sc *filterScratch) bool {
	toks := td.SentenceTokens(si)
	for k := max(len(toks)-2, 0); k < len(toks); k++ {
		if questionEnd(normWord(toks[k].Text), k, len(toks)) {
			return false // a question asserts nothing: the coder skips it (sent.reset)
		}
	}
	sc.low = sc.low[:0]
	first := td.Sentences[si].FirstToken
	title := tagged && titleCase(toks)
	for i, t := range toks {
		st := f.starts(t.Text, sc)
		if st == nil {
			continue
		}
		if st.obligation {
			return true
		}
		verb, noun := true, true
		if tagged && !td.Retaggable(first+i) {
			// a proper noun only in a headline in title case
			verb, noun = triggerTags(t.Tag, title)
		}
		for k, e := range st.entries {
			if k < st.verbs && !verb || k >= st.verbs && !noun {
				continue
			}
			if len(e.rest) == 0 || f.restAt(e.rest, toks, i+1, sc) || f.restAt(e.rest, toks, i+2, sc) {
				return true
			}
		}
	}
	return false
}

// starts returns what could trigger at a word written form, or nil.
func (f *Filter) starts(form string, sc *filterScratch) *starts {
	if st, ok := sc.words[form]; ok {
		return st
	}
	if st, ok := sc.old[form]; ok {
		// a copy, as below: form is a slice of the document's text
		sc.keep(strings.Clone(form), st)
		return st
	}
	lx := f.lx
	w := normWord(form)
	st := &starts{obligation: lx.is("obligation", w)}
	add := func(es []entry) {
		st.entries = append(st.entries, es...)
	}
	// the coder's verb lemmas (verbLemmas): the pattern lemmatiser's, and
	// the text layer's
	sc.buf = lx.lemmas(w, sc.buf[:0])
	for _, l := range sc.buf {
		add(lx.verbs[l])
	}
	if f.lemmas != nil {
		for _, l := range f.lemmas(form, verbal, sc.buf[:0]) {
			// the coder reads a lemma in lower case (sent.lemma)
			add(lx.verbs[strings.ToLower(l)])
		}
	}
	st.verbs = len(st.entries)
	// the coder's nouns (nounTrigger)
	add(lx.nouns[w])
	if sg := singular(w); sg != w {
		add(lx.nouns[sg])
	}
	if len(st.entries) == 0 && !st.obligation {
		st = nil
	}
	// a copy: the form may hold a whole document in memory
	sc.keep(strings.Clone(form), st)
	return st
}

// keep keeps st as what could trigger at form, in the current generation.
func (sc *filterScratch) keep(form string, st *starts) {
	if len(sc.words) >= maxKept {
		if sc.old == nil {
			sc.old = make(map[string]*starts, maxKept)
		}
		sc.old, sc.words = sc.words, sc.old
		clear(sc.words)
	}
	sc.words[form] = st
}

// restAt reports whether the words rest follow in toks from j on.
func (f *Filter) restAt(rest []string, toks []text.Token, j int, sc *filterScratch) bool {
	for _, w := range rest {
		if j >= len(toks) {
			return false
		}
		for len(sc.low) <= j {
			sc.low = append(sc.low, normWord(toks[len(sc.low)].Text))
		}
		if !f.lx.wordMatches(w, sc.low[j]) {
			return false
		}
		j++
	}
	return true
}

// verbal reports whether the coder may read a word with Penn tag x as a
// verb, and so its lemma as a verb's (sent.code calls verbTrigger): as
// triggerTags says for a headline, where a proper noun may be one; no tag
// ("": the text layer's lemmas with a tag it does not know, or no tag at
// all) may be any.
func verbal(x string) bool {
	verb, _ := triggerTags(x, true)
	return verb
}

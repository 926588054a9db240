package quotes

import (
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// aside finds reported speech around an attribution set off by commas
// inside or at the end of a sentence: "Though the transition was
// seamless, he said, replacing her would be harder", "The plan will make
// records available, a spokesman announced Monday." The cue's subject
// stands right before it, after a comma; after the cue come only its
// adjuncts of time and manner, then a comma or the end of the sentence.
// The words around the aside are the content, in one or two pieces; a
// relative pronoun right before the aside opens the first ("the stadium,
// which, X said, is full"). The parser reads such sentences in many
// ways, so the shape of the words decides and the tree only names the
// subject and the adjuncts. It returns the token ranges of the content,
// or nil.
func (t *tq) aside(i, ce, sentFirst, sentEnd int) [][2]int {
	d := t.td
	if t.tok(i).UPOS != "VERB" || t.x.lx.kind[t.tok(i).Lemma] != model.KindSpeech {
		return nil
	}
	sj := -1 // the subject nearest before the cue (the parser may give two)
	for _, k := range d.Dependents(i, t.buf[:0]) {
		if k < i && d.RelIs(k, "nsubj") {
			sj = k
		}
	}
	if sj < 0 {
		return nil
	}
	sf, se := d.Subtree(sj)
	for sf < sj && t.tok(sf).UPOS == "PUNCT" {
		sf++ // the comma before the subject, hung from it by the parser
	}
	for se < i && t.tok(se).UPOS == "ADV" {
		se++ // "he later said"
	}
	if se != i || sf-1 <= sentFirst || !t.isComma(sf-1) {
		return nil
	}
	// after the cue: its adjuncts of time and setting only, up to a
	// comma or the end ("said enough" is not an aside)
	r := ce
	for ; r < sentEnd && t.tok(r).UPOS != "PUNCT"; r++ {
		h := r
		for h >= 0 && t.tok(h).Head != i {
			h = t.tok(h).Head
		}
		if h < 0 || !t.asideAdjunct(h) && !t.asideAddressee(i, h) {
			return nil
		}
	}
	end := sentEnd
	for end > r && t.tok(end-1).UPOS == "PUNCT" {
		end--
	}
	first := sentFirst
	for first < sf-1 && t.tok(first).UPOS == "PUNCT" {
		first++
	}
	if k := sf - 2; k > first && t.isComma(k-1) && t.x.lx.relatives[strings.ToLower(t.tok(k).Text)] {
		first = k
	}
	out := [][2]int{{first, sf - 1}}
	switch {
	case r < end && t.isComma(r):
		out = append(out, [2]int{r + 1, end})
	case r < end:
		return nil
	}
	words := 0
	for _, c := range out {
		for k := c[0]; k < c[1]; k++ {
			if t.region(k) >= 0 {
				return nil // quoted words: the direct quote's
			}
			if t.tok(k).UPOS != "PUNCT" {
				words++
			}
		}
	}
	if out[0][1] <= out[0][0] || words < t.x.th.MinIndirectWords {
		return nil
	}
	return out
}

// asideAdjunct reports whether token h, a dependent of the cue, heads a
// phrase that may follow the cue of an aside: an adverb of the list, a
// phrase of time, or one naming where it was said.
func (t *tq) asideAdjunct(h int) bool {
	d := t.td
	low := strings.ToLower(t.tok(h).Text)
	switch {
	case d.RelIs(h, "advmod"):
		return t.x.lx.asideAdverbs[low]
	case d.RelIs(h, "obl", "nmod"):
		return t.x.lx.timeWords[low] || t.x.lx.asideSettings[low] || t.tok(h).UPOS == "NUM"
	}
	return false
}

// asideAddressee reports whether token h, a dependent of the cue i,
// is whom the cue spoke to: the object of a cue that takes an addressee
// ("told reporters", "told The Huffington Post", "told him"), with no
// clause in it ("told a meeting of leaders that few understood …" says
// what it told).
func (t *tq) asideAddressee(i, h int) bool {
	if u := t.tok(h).UPOS; !t.x.lx.asideAddressees[t.tok(i).Lemma] || !t.td.RelIs(h, "obj", "iobj") ||
		u != "NOUN" && u != "PROPN" && u != "PRON" {
		return false
	}
	f, e := t.td.Subtree(h)
	for k := f; k < e; k++ {
		if u := t.tok(k).UPOS; u == "VERB" || u == "AUX" {
			return false
		}
	}
	return true
}

// isComma reports whether token k is a comma.
func (t *tq) isComma(k int) bool { return t.tok(k).Text == "," }

package quotes

import (
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// The attribution frame of a direct quote.
//
// News writes “…,” Rep. Ines Varga (D-Northland) said Friday. and “…,”
// said Varga, whose … . The parser, trained on web text that seldom
// quotes this way, often hangs the name inside the quotation or makes
// the day the verb's subject. When the tree gives the cue of a direct
// quote no subject outside the quotation, the frame is read from the
// words themselves: the noun phrase between the closing mark and the
// cue, or right after a cue that follows the closing mark. The phrase
// ends at a comma, a bracket, a preposition or a clause; a phrase with a
// verb, a coordination or another quotation in it is no frame.

// frameSource returns the source of the cue at i (tokens [i, ce)) that
// the direct quotation r is attributed to by the frame, as the token
// heading the phrase and the phrase's span; ok is false when the words
// between the quotation and the cue are no such frame.
func (t *tq) frameSource(i, ce int, r region, sentFirst, sentEnd int) (head int, sp, all model.Span, ok bool) {
	if tag := t.tok(i).Tag; tag != "VBD" && tag != "VBZ" && tag != "VBP" {
		return -1, model.Span{}, model.Span{}, false // a frame's cue is a finite verb, not "…, answering questions"
	}
	if t.tok(i).Start < r.Open {
		// NP[, aside,] said[,:] “…”: the quotation right after the cue,
		// the phrase opening the sentence
		k := ce
		for k < sentEnd && t.region(k) < 0 && t.tok(k).UPOS == "PUNCT" {
			k++
		}
		if k >= sentEnd || t.region(k) < 0 || t.tok(k).Start > r.End() {
			return -1, model.Span{}, model.Span{}, false
		}
		f := sentFirst
		for f < i && t.tok(f).UPOS == "PUNCT" && t.region(f) < 0 {
			f++
		}
		if f, e := t.framePhrase(f, i); e > f && t.frameGapOK(e, i) {
			h, sp := t.frameName(f, e, i)
			return h, sp, t.frameAll(f, i), true
		}
		return -1, model.Span{}, model.Span{}, false
	}
	// the first token after the quotation and its closing mark
	a := i
	for a > 0 && t.tok(a-1).Start >= r.End() {
		a--
	}
	if a > 0 && t.region(a-1) < 0 {
		return -1, model.Span{}, model.Span{}, false // a quotation must end right before the frame
	}
	for a < i && t.tok(a).UPOS == "PUNCT" && t.tok(a).Text == "," {
		a++
	}
	if a < i {
		// “…,” NP said
		if f, e := t.framePhrase(a, i); f == a && e > f && t.frameGapOK(e, i) {
			h, sp := t.frameName(f, e, i)
			return h, sp, t.frameAll(f, i), true
		}
		return -1, model.Span{}, model.Span{}, false
	}
	// “…,” said NP: a name or a title (not "said the report", left to
	// the tree)
	if f, e := t.framePhrase(ce, sentEnd); f == ce && e > f {
		h := t.frameHead(f, e)
		low := strings.ToLower(t.tok(h).Text)
		if t.tok(h).UPOS == "PROPN" || t.x.lx.speakerWords[low] || t.x.lx.anonymousHeads[low] {
			// the phrase with what is said of it: "Ines Varga, a lawyer
			// for the company who …", up to the sentence's end, another
			// quotation or a participle clause (", adding …")
			end := e
			for end < sentEnd && t.region(end) < 0 && !(t.tok(end).Tag == "VBG" && t.tok(end-1).Text == ",") {
				end++
			}
			return h, t.span(f, e), t.frameAll(f, end), true
		}
	}
	return -1, model.Span{}, model.Span{}, false
}

// framePhrase returns the noun phrase that starts at token f and ends
// before end: determiners, adjectives, nouns, proper nouns, titles and
// possessives, up to a comma, a bracket, a preposition or anything else;
// (f, f) when it holds no noun, or when it is a time ("Friday").
func (t *tq) framePhrase(f, end int) (int, int) {
	e := f
	nouns, names := 0, 0
	for e < end && e < f+8 {
		tk := t.tok(e)
		if t.region(e) >= 0 {
			break
		}
		switch tk.UPOS {
		case "PROPN", "NOUN":
			nouns++
			if tk.UPOS == "PROPN" {
				names++
			}
		case "ADP":
			// "one source on the panel", "the mayor of Velgrad": a
			// description goes on through its complement; a name ends
			// before it ("Varga at a rally")
			if names > 0 || nouns == 0 || e+1 >= end {
				return f, t.frameEnd(f, e, nouns)
			}
			if u := t.tok(e + 1).UPOS; u != "DET" && u != "ADJ" && u != "NOUN" && u != "PROPN" && u != "NUM" {
				return f, t.frameEnd(f, e, nouns)
			}
		case "DET", "ADJ", "NUM":
		case "PUNCT":
			// "Mr." split from its period, "Sen.": a period inside a name
			if tk.Text != "." || e == f {
				return f, t.frameEnd(f, e, nouns)
			}
		case "PART":
			if !t.x.lx.possessives[tk.Text] {
				return f, t.frameEnd(f, e, nouns)
			}
		default:
			return f, t.frameEnd(f, e, nouns)
		}
		e++
	}
	if e == end || e == f+8 {
		if e-f >= 8 {
			return f, f // too long for a speaker's name and title
		}
	}
	return f, t.frameEnd(f, e, nouns)
}

// frameEnd trims trailing periods from the phrase [f, e) and refuses one
// without a noun or made of time words.
func (t *tq) frameEnd(f, e, nouns int) int {
	for e > f && t.tok(e-1).UPOS == "PUNCT" {
		e--
	}
	if nouns == 0 || e == f {
		return f
	}
	// "Friday", "this week" (but "Ines May", a surname after a name)
	for k := f; k < e; k++ {
		if t.timeWordAt(k) {
			return f
		}
	}
	return e
}

// frameGapOK reports whether only an aside stands between the phrase
// ending at e and the cue at i: nothing, a bracket ("(D-Northland)"), or
// a comma-enclosed apposition without a verb (", 54,", ", R-Northland,").
func (t *tq) frameGapOK(e, i int) bool {
	if e == i {
		return true
	}
	if i-e > 12 {
		return false
	}
	open := t.tok(e).Text
	if open != "(" && open != "," {
		return false
	}
	if t.tok(i-1).Text != ")" && t.tok(i-1).Text != "," {
		return false
	}
	for k := e; k < i; k++ {
		u := t.tok(k).UPOS
		if u == "VERB" || u == "AUX" || u == "CCONJ" || u == "SCONJ" || t.region(k) >= 0 {
			return false
		}
	}
	return true
}

// frameName returns the phrase [f, e) before the cue at i as the
// source, or, when the phrase is a title and a comma-enclosed name
// follows it ("the campaign's spokesman, Ines Varga, said"), the name.
func (t *tq) frameName(f, e, i int) (int, model.Span) {
	h := t.frameHead(f, e)
	if low := strings.ToLower(t.tok(h).Text); (!t.namePart(h) || t.x.lx.personNouns[low]) && e < i && t.tok(e).Text == "," && t.tok(i-1).Text == "," {
		nf, ne := e+1, i-1
		all := ne > nf
		for k := nf; k < ne; k++ {
			if !t.namePart(k) && !t.isTitleWord(k) && t.tok(k).Text != "." {
				all = false
			}
		}
		if all {
			return t.frameHead(nf, ne), t.span(nf, ne)
		}
	}
	return h, t.span(f, e)
}

// frameAll is the source as written, tokens [f, e) without the
// punctuation that ends them.
func (t *tq) frameAll(f, e int) model.Span {
	for e > f+1 && t.tok(e-1).UPOS == "PUNCT" && t.tok(e-1).Text != ")" {
		e--
	}
	return t.span(f, e)
}

// frameHead is the token that heads the phrase [f, e): its last noun or
// proper noun before any complement.
func (t *tq) frameHead(f, e int) int {
	for k := f; k < e; k++ {
		if t.tok(k).UPOS == "ADP" {
			e = k // "one source on the panel": the noun before the complement
			break
		}
	}
	for k := e - 1; k >= f; k-- {
		if u := t.tok(k).UPOS; u == "PROPN" || u == "NOUN" {
			return k
		}
	}
	return e - 1
}

package text

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation is a quotation of a paragraph, as its quotation marks show
// it: every stage that asks whether words are quoted (the quotes stage
// for what was said, the mentions stage for whom a pronoun may mean)
// reads these, so that the two never disagree about where a quotation
// begins and ends. Offsets are byte offsets into Doc.Text.
type Quotation struct {
	// Open and OpenEnd are the opening mark.
	Open, OpenEnd int
	// Close and CloseEnd are the closing mark; Close is -1 when the
	// paragraph ends with the quotation still open, and CloseEnd is then
	// the paragraph's end.
	Close, CloseEnd int
	// WordsStart and WordsEnd are the quoted words, without the white
	// space around them and without a comma before the closing mark (it
	// belongs to the sentence around the quotation).
	WordsStart, WordsEnd int
	// Single is true for a quotation in single marks.
	Single bool
}

// Unclosed reports whether the quotation was never closed in its
// paragraph.
func (q Quotation) Unclosed() bool { return q.Close < 0 }

// End is where the quotation ends, with its closing mark.
func (q Quotation) End() int {
	if q.Close < 0 {
		return q.WordsEnd
	}
	return q.CloseEnd
}

// ParagraphQuotations returns the quotations of paragraph p in text
// order; they do not overlap. nil for no paragraph.
func (d *Doc) ParagraphQuotations(p int) []Quotation {
	if p < 0 || p >= len(d.Paragraphs) {
		return nil
	}
	pa := d.Paragraphs[p]
	return d.Quotations[pa.FirstQuotation:pa.EndQuotation]
}

// findQuotations appends the quotations of the paragraph text[ps:pe) to
// out.
//
// Double quotes (straight or curly, or typed as two apostrophes, or as two
// backquotes to open and two apostrophes to close) pair up in order (a ” with none open, after white space and
// before a word, opens: it was typed for “); one left open at the
// paragraph's end runs to the end and is marked unclosed. A straight
// double quote straight after "=" opens a markup attribute's value, not
// a quotation: the value is skipped. Single quotes
// count only outside double quotes (inside, they are a nested quotation
// and stay part of the outer one), only as an opening mark after white
// space or an opening bracket and before a letter, and a closing mark after
// a letter or terminal punctuation and before white space, punctuation or
// the end, and only when they enclose at least two words: "Union’s" and
// "Africa's" are apostrophes. A single opening mark that is never closed is
// ignored, because a stray apostrophe is likelier than a quotation. A
// quotation inside another (a double one inside a single one) is part of
// the outer one.
// ellipsisAt reports whether an ellipsis ("…" or "..."), after at most
// one space, starts at text[i:pe].
func ellipsisAt(text string, i, pe int) bool {
	if i < pe && text[i] == ' ' {
		i++
	}
	rest := text[i:pe]
	return strings.HasPrefix(rest, "…") || strings.HasPrefix(rest, "...")
}

func findQuotations(out []Quotation, text string, ps, pe int) []Quotation {
	from := len(out)
	dOpen, dOpenEnd := -1, -1
	sOpen, sOpenEnd := -1, -1
	prev := rune(' ')
	for i := ps; i < pe; {
		r, n := utf8.DecodeRuneInString(text[i:pe])
		next := rune(' ')
		if i+n < pe {
			next, _ = utf8.DecodeRuneInString(text[i+n : pe])
		}
		if (r == '\'' || r == '`') && next == r {
			// '' and ``…'' (newswire and Penn-treebank typing): a
			// double quotation mark made of two
			switch {
			case dOpen < 0 && (r == '`' || opensSingle(prev, nextRune(text, i+2, pe))):
				dOpen, dOpenEnd = i, i+2
			case dOpen >= 0 && r == '\'':
				out = append(out, makeQuotation(text, dOpen, dOpenEnd, i, i+2, false))
				dOpen = -1
			}
			prev = r
			i += 2
			continue
		}
		switch r {
		case '“', '„', '«':
			if dOpen < 0 {
				dOpen, dOpenEnd = i, i+n
			}
		case '”', '»':
			switch {
			case dOpen >= 0:
				out = append(out, makeQuotation(text, dOpen, dOpenEnd, i, i+n, false))
				dOpen = -1
			case r == '”' && unicode.IsSpace(prev) && (unicode.IsLetter(next) || unicode.IsDigit(next) || ellipsisAt(text, i+n, pe)):
				// a closing mark typed to open ("”What is most …”",
				// "” … what I learned …”"): none is open, and it stands
				// before a word or an ellipsis
				dOpen, dOpenEnd = i, i+n
			}
		case '"':
			if dOpen < 0 && prev == '=' {
				// a markup attribute's value (<tweet author="X">, <a
				// href="…">), left in a plain-text file: no quotation
				if k := strings.IndexByte(text[i+n:pe], '"'); k >= 0 {
					prev = r
					i += n + k + 1
					continue
				}
			}
			if dOpen < 0 {
				dOpen, dOpenEnd = i, i+n
			} else {
				out = append(out, makeQuotation(text, dOpen, dOpenEnd, i, i+n, false))
				dOpen = -1
			}
		case '‘', '’', '\'':
			if dOpen >= 0 {
				break
			}
			if r != '’' && opensSingle(prev, next) {
				sOpen, sOpenEnd = i, i+n
				break
			}
			if r != '‘' && sOpen >= 0 && closesSingle(prev, next) && wordsIn(text[sOpenEnd:i]) >= 2 {
				out = append(out, makeQuotation(text, sOpen, sOpenEnd, i, i+n, true))
				sOpen = -1
			}
		}
		prev = r
		i += n
	}
	if dOpen >= 0 {
		out = append(out, makeQuotation(text, dOpen, dOpenEnd, -1, pe, false))
	}
	// Drop quotations inside another (a double quotation inside a single
	// one).
	qs := out[from:]
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Open < qs[j].Open })
	kept := qs[:0]
	maxEnd := -1
	for _, q := range qs {
		if q.End() <= maxEnd {
			continue
		}
		kept = append(kept, q)
		maxEnd = q.End()
	}
	return out[:from+len(kept)]
}

// nextRune is the rune at i in text[:pe] (0 at the end).
func nextRune(text string, i, pe int) rune {
	r, _ := runeAt(text, i, pe)
	return r
}

func opensSingle(prev, next rune) bool {
	before := unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '“' || prev == '"'
	return before && (unicode.IsLetter(next) || unicode.IsDigit(next))
}

func closesSingle(prev, next rune) bool {
	after := unicode.IsLetter(prev) || unicode.IsDigit(prev) || prev == '.' || prev == '!' || prev == '?' || prev == ','
	return after && (unicode.IsSpace(next) || unicode.IsPunct(next) && next != '\'' && next != '’')
}

// makeQuotation builds a quotation; with close < 0, closeEnd is the
// paragraph's end.
func makeQuotation(text string, open, openEnd, close, closeEnd int, single bool) Quotation {
	cEnd := close
	if close < 0 {
		cEnd = closeEnd
	}
	s, e := trimSpace(text, openEnd, cEnd)
	// A comma before the closing mark belongs to the sentence around the
	// quotation, not to the quoted words.
	for e > s && text[e-1] == ',' {
		s, e = trimSpace(text, s, e-1)
	}
	return Quotation{Open: open, OpenEnd: openEnd, Close: close, CloseEnd: closeEnd, WordsStart: s, WordsEnd: e, Single: single}
}

// wordsIn counts the white-space separated words of s that hold a letter
// or digit: a single quote must enclose two of them to be a quotation.
func wordsIn(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if hasWordChar(f) {
			n++
		}
	}
	return n
}

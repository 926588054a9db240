package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// region is one quotation in a paragraph: its marks and its contents.
type region struct {
	open, openEnd   int // the opening mark
	close, closeEnd int // the closing mark; close < 0 when never closed
	cs, ce          int // the quoted words, trimmed
	single          bool
}

// unclosed reports whether the quotation mark was never closed.
func (r region) unclosed() bool { return r.close < 0 }

// end is where the quotation (with its closing mark) ends.
func (r region) end() int {
	if r.close < 0 {
		return r.ce
	}
	return r.closeEnd
}

// findRegions finds the quotations of the paragraph text[ps:pe).
//
// Double quotes (straight or curly, or typed as two apostrophes ” or as
// “…”) pair up in order (a ” with none open, after white space and
// before a word, opens: it was typed for “); one left open at the
// paragraph's end runs to the end and is marked unclosed. Single quotes
// count only outside double quotes (inside, they are a nested quotation
// and stay part of the outer one), only as an opening mark after white
// space or an opening bracket and before a letter, and a closing mark after
// a letter or terminal punctuation and before white space, punctuation or
// the end, and only when they enclose at least two words: "Union’s" and
// "Africa's" are apostrophes. A single opening mark that is never closed is
// ignored, because a stray apostrophe is likelier than a quotation.
func findRegions(text string, ps, pe int) []region {
	var out []region
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
			case dOpen < 0 && (r == '`' || opensSingle(prev, nextAfter(text, i+2, pe))):
				dOpen, dOpenEnd = i, i+2
			case dOpen >= 0 && r == '\'':
				out = append(out, makeRegion(text, dOpen, dOpenEnd, i, i+2, false))
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
				out = append(out, makeRegion(text, dOpen, dOpenEnd, i, i+n, false))
				dOpen = -1
			case r == '”' && unicode.IsSpace(prev) && (unicode.IsLetter(next) || unicode.IsDigit(next)):
				// a closing mark typed to open ("”What is most …”"):
				// none is open, and it stands before a word
				dOpen, dOpenEnd = i, i+n
			}
		case '"':
			if dOpen < 0 {
				dOpen, dOpenEnd = i, i+n
			} else {
				out = append(out, makeRegion(text, dOpen, dOpenEnd, i, i+n, false))
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
				out = append(out, makeRegion(text, sOpen, sOpenEnd, i, i+n, true))
				sOpen = -1
			}
		}
		prev = r
		i += n
	}
	if dOpen >= 0 {
		out = append(out, makeRegion(text, dOpen, dOpenEnd, -1, pe, false))
	}
	// Drop regions inside another (a double quotation inside a single
	// one).
	sortRegions(out)
	kept := out[:0]
	maxEnd := -1
	for _, r := range out {
		if r.end() <= maxEnd {
			continue
		}
		kept = append(kept, r)
		maxEnd = r.end()
	}
	return kept
}

// nextAfter returns the rune at i in text[:pe], or a space at the end.
func nextAfter(text string, i, pe int) rune {
	if i >= pe {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[i:pe])
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

// makeRegion builds a region; with close < 0, closeEnd is the paragraph end.
func makeRegion(text string, open, openEnd, close, closeEnd int, single bool) region {
	cEnd := close
	if close < 0 {
		cEnd = closeEnd
	}
	t := trimRange(text, openEnd, cEnd)
	// A comma before the closing mark belongs to the sentence around the
	// quotation, not to the quoted words.
	for t[1] > t[0] && text[t[1]-1] == ',' {
		t = trimRange(text, t[0], t[1]-1)
	}
	return region{open: open, openEnd: openEnd, close: close, closeEnd: closeEnd, cs: t[0], ce: t[1], single: single}
}

func sortRegions(rs []region) {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].open < rs[j].open })
}

// wordsIn counts the white-space separated words of s that hold a letter
// or digit: a single quote must enclose two of them to be a quotation.
func wordsIn(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if hasWord(f) {
			n++
		}
	}
	return n
}

// trimRange returns [s, e) without white space at either end.
func trimRange(text string, s, e int) [2]int {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return [2]int{s, e}
}

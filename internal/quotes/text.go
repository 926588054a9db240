package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a document's text.
type token struct {
	start, end int
	word       bool   // letters and digits (with inner apostrophes)
	cap        bool   // a word whose first letter is upper case
	acro       bool   // a word of two or more letters, all upper case
	lower      string // the lower-cased word, or the mark itself
}

// tokenize splits text[start:end] into words and single punctuation
// marks. Apostrophes between letters stay inside a word ("Union’s");
// hyphens are marks of their own so that "Secretary-General" is two
// words joined by "-".
func tokenize(text string, start, end int) []token {
	var out []token
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := i + n
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:end])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if isApostrophe(r2) && j+n2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+n2 : end])
					if unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			w := text[i:j]
			first, _ := utf8.DecodeRuneInString(w)
			lw := strings.ToLower(w)
			out = append(out, token{start: i, end: j, word: true, cap: unicode.IsUpper(first), acro: len(w) > 1 && w == strings.ToUpper(w) && lw != w, lower: lw})
			i = j
		default:
			// ". . ." and "..." are one mark.
			if r == '.' {
				if j, ok := dots(text, i, end); ok {
					out = append(out, token{start: i, end: j, lower: "…"})
					i = j
					continue
				}
			}
			out = append(out, token{start: i, end: i + n, lower: text[i : i+n]})
			i += n
		}
	}
	return out
}

// dots reports whether an ellipsis written with periods ("...", ". . .")
// starts at i, and where it ends.
func dots(text string, i, end int) (int, bool) {
	count, j, last := 0, i, i
	for j < end {
		switch text[j] {
		case '.':
			count++
			j++
			last = j
			continue
		case ' ':
			if count > 0 && j+1 < end && text[j+1] == '.' {
				j++
				continue
			}
		}
		break
	}
	return last, count >= 3
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// paragraphs returns the blank-line separated blocks of text[start:end]
// as trimmed [start, end) ranges. A line holding only white space counts
// as blank.
func paragraphs(text string) [][2]int {
	var out [][2]int
	pStart, pEnd := -1, -1
	i := 0
	for i <= len(text) {
		j := strings.IndexByte(text[i:], '\n')
		lineEnd := len(text)
		if j >= 0 {
			lineEnd = i + j
		}
		line := text[i:lineEnd]
		if strings.TrimSpace(line) == "" {
			if pStart >= 0 {
				out = append(out, trimRange(text, pStart, pEnd))
				pStart = -1
			}
		} else {
			if pStart < 0 {
				pStart = i
			}
			pEnd = lineEnd
		}
		if j < 0 {
			break
		}
		i = lineEnd + 1
	}
	if pStart >= 0 {
		out = append(out, trimRange(text, pStart, pEnd))
	}
	return out
}

// trimRange narrows [s, e) to exclude white space at both ends.
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

// abbreviations that end in a period without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "prof": true, "no": true, "jr": true, "sr": true,
	"vs": true, "etc": true, "e.g": true, "i.e": true, "u.s": true, "u.n": true, "approx": true,
	"rep": true, "sen": true, "gov": true, "amb": true, "fig": true, "jan": true, "feb": true,
	"aug": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true,
}

// sentences splits the paragraph text[ps:pe) into sentences. Offsets in
// opaque (the contents of quotations) never end a sentence, so a quoted
// passage of several sentences stays inside the sentence that quotes it;
// but a quotation that closes on a full stop, a question or an
// exclamation mark ends its sentence when a new one begins after it
// (“… next year.” She told …).
func sentences(text string, ps, pe int, opaque [][2]int) [][2]int {
	inOpaque := func(i int) bool { return inRanges(opaque, i) }
	cut := map[int]bool{}
	for _, o := range opaque {
		if o[1] <= ps || o[1] >= pe || o[0] < ps {
			continue
		}
		_, n := utf8.DecodeLastRuneInString(text[o[0]:o[1]]) // the closing mark
		inner := strings.TrimRightFunc(text[o[0]:o[1]-n], unicode.IsSpace)
		if r, _ := utf8.DecodeLastRuneInString(inner); (r == '.' || r == '!' || r == '?') && startsSentence(text, o[1], pe) {
			cut[o[1]] = true
		}
	}
	var out [][2]int
	start := ps
	i := ps
	for i < pe {
		if cut[i] && i > start {
			out = append(out, trimRange(text, start, i))
			start = i
		}
		r, n := utf8.DecodeRuneInString(text[i:pe])
		if (r == '.' || r == '!' || r == '?') && !inOpaque(i) {
			j := i + n
			// a period of an abbreviation or an initial
			if r == '.' && isAbbrevBefore(text, ps, i) {
				i = j
				continue
			}
			// swallow closing marks and further terminal punctuation
			for j < pe {
				r2, n2 := utf8.DecodeRuneInString(text[j:pe])
				if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '”' || r2 == '"' || r2 == '’' || r2 == '\'' || r2 == ')' || r2 == ']' {
					j += n2
					continue
				}
				break
			}
			if j >= pe || startsSentence(text, j, pe) {
				out = append(out, trimRange(text, start, j))
				start = j
			}
			i = j
			continue
		}
		i += n
	}
	if t := trimRange(text, start, pe); t[0] < t[1] {
		out = append(out, t)
	}
	return out
}

// isAbbrevBefore reports whether the period at i closes an abbreviation or
// a single-letter initial.
func isAbbrevBefore(text string, ps, i int) bool {
	j := i
	for j > ps {
		r, n := utf8.DecodeLastRuneInString(text[ps:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= n
	}
	w := strings.ToLower(text[j:i])
	if w == "" {
		return false
	}
	if abbreviations[w] {
		return true
	}
	first, _ := utf8.DecodeRuneInString(text[j:i])
	return utf8.RuneCountInString(w) == 1 && unicode.IsUpper(first)
}

// startsSentence reports whether text at i is white space followed by
// something that can begin a sentence.
func startsSentence(text string, i, pe int) bool {
	if r, _ := utf8.DecodeRuneInString(text[i:pe]); !unicode.IsSpace(r) {
		return false
	}
	for i < pe {
		r, n := utf8.DecodeRuneInString(text[i:pe])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i >= pe {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:pe])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '“' || r == '"' || r == '‘' || r == '\'' || r == '(' || r == '['
}

// inRanges reports whether i lies in one of rs, which are sorted by start
// and do not overlap.
func inRanges(rs [][2]int, i int) bool {
	k := sort.Search(len(rs), func(k int) bool { return rs[k][0] > i })
	return k > 0 && i < rs[k-1][1]
}

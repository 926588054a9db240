package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tkind is what a token is, as far as the tokenizer can tell.
type tkind uint8

const (
	tkWord     tkind = iota // letters and digits, with inner - ' . , / : & @
	tkAbbrev                // a word with its period attached: "Mr.", "U.S.", "W."
	tkPeriod                // "."
	tkEnd                   // a run of ? and !
	tkEllipsis              // "...", "…", ". . ."
	tkOpen                  // opening quote or bracket
	tkClose                 // closing quote or bracket
	tkDash                  // "—", "–", "--", a lone "-"
	tkURL                   // http://..., www....
	tkPunct                 // any other punctuation or symbol
)

// tinfo is what the tokenizer knows about a token beyond its text.
type tinfo struct {
	kind tkind
	// dots is the number of periods of an ellipsis token; ". . . ." (4)
	// is a sentence's period followed by an ellipsis.
	dots uint8
	// quote marks quote characters among tkOpen and tkClose.
	quote bool
	// title marks tkAbbrev tokens and words that are forms of address.
	title bool
}

// isSpace reports whether r separates tokens: Unicode white space
// (including U+00A0 NO-BREAK SPACE) and the invisible format characters
// that stand between words in pasted text.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return true
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return true
	}
	return r >= 0x80 && unicode.IsSpace(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
}

func isDigit(r rune) bool  { return '0' <= r && r <= '9' }
func isLetter(r rune) bool { return isWordRune(r) && !unicode.IsNumber(r) }

// runeAt decodes the rune at byte i of s, returning (0, 0) past end.
func runeAt(s string, i, end int) (rune, int) {
	if i >= end {
		return 0, 0
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:end])
}

// runeBefore decodes the rune ending at byte i of s, or (0, 0) at start.
func runeBefore(s string, i, start int) (rune, int) {
	if i <= start {
		return 0, 0
	}
	c := s[i-1]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[start:i])
}

// tokenize appends the tokens of src[start:end] to toks and info.
// Every non-space rune of the range ends up in exactly one token.
func (a *Analyzer) tokenize(src string, start, end int, toks []Token, info []tinfo) ([]Token, []tinfo) {
	emit := func(s, e int, in tinfo) {
		toks = append(toks, Token{Start: s, End: e, Text: src[s:e]})
		info = append(info, in)
	}
	i := start
	// plainUntil is the end of a chunk already found to hold no address,
	// so that "(a(a(a..." is not rescanned at every parenthesis.
	plainUntil := start
	for i < end {
		r, w := runeAt(src, i, end)
		if isSpace(r) {
			i += w
			continue
		}
		prev, _ := runeBefore(src, i, start)
		atChunk := prev == 0 || isSpace(prev) || strings.ContainsRune("([{\"'“‘«", prev)
		if atChunk && isWordRune(r) && (i >= plainUntil || isWebPrefix(src[i:end])) {
			j, chunkEnd := scanURL(src, i, end)
			if j > i {
				emit(i, j, tinfo{kind: tkURL})
				i = j
				continue
			}
			plainUntil = chunkEnd
		}
		switch {
		case isWordRune(r):
			j, abbr := a.scanWord(src, i, end)
			if abbr {
				emit(i, j, tinfo{kind: tkAbbrev, title: a.lex.abbrev(src[i:j-1]) == abbrevTitle})
			} else if k := contractionSplit(src, i, j); k > i {
				emit(i, k, tinfo{kind: tkWord})
				emit(k, j, tinfo{kind: tkWord})
			} else {
				emit(i, j, tinfo{kind: tkWord})
			}
			i = j
		case r == '.':
			j, dots := scanDots(src, i, end)
			if dots >= 2 {
				emit(i, j, tinfo{kind: tkEllipsis, dots: uint8(min(dots, 255))})
			} else {
				emit(i, j, tinfo{kind: tkPeriod})
			}
			i = j
		case r == '…':
			j := i
			n := 0
			for {
				c, cw := runeAt(src, j, end)
				if c != '…' {
					break
				}
				j += cw
				n += 3
			}
			emit(i, j, tinfo{kind: tkEllipsis, dots: uint8(min(n, 255))})
			i = j
		case r == '?' || r == '!':
			j := i
			for j < end && (src[j] == '?' || src[j] == '!') {
				j++
			}
			emit(i, j, tinfo{kind: tkEnd})
			i = j
		case r == '-':
			j := i
			for j < end && src[j] == '-' {
				j++
			}
			emit(i, j, tinfo{kind: tkDash})
			i = j
		case r == '—' || r == '–' || r == '―':
			j := i + w
			for {
				c, cw := runeAt(src, j, end)
				if c != r {
					break
				}
				j += cw
			}
			emit(i, j, tinfo{kind: tkDash})
			i = j
		case r == '“' || r == '‘' || r == '«' || r == '„':
			emit(i, i+w, tinfo{kind: tkOpen, quote: true})
			i += w
		case r == '”' || r == '’' || r == '»':
			emit(i, i+w, tinfo{kind: tkClose, quote: true})
			i += w
		case r == '"' || r == '\'':
			next, _ := runeAt(src, i+w, end)
			open := (atChunk || prev == '—' || prev == '–' || prev == '-') && next != 0 && !isSpace(next)
			if open {
				emit(i, i+w, tinfo{kind: tkOpen, quote: true})
			} else {
				emit(i, i+w, tinfo{kind: tkClose, quote: true})
			}
			i += w
		case r == '(' || r == '[' || r == '{':
			emit(i, i+w, tinfo{kind: tkOpen})
			i += w
		case r == ')' || r == ']' || r == '}':
			emit(i, i+w, tinfo{kind: tkClose})
			i += w
		default:
			// Any other rune, including bytes that are not valid UTF-8,
			// is a token of its own.
			emit(i, i+w, tinfo{kind: tkPunct})
			i += w
		}
	}
	return toks, info
}

// scanDots scans the periods at src[i]: a run of periods ("...") or
// periods separated by single spaces (". . ."). It returns the end of the
// token and the number of periods in it.
func scanDots(src string, i, end int) (int, int) {
	j := i
	for j < end && src[j] == '.' {
		j++
	}
	if n := j - i; n >= 2 {
		return j, n
	}
	n := 1
	for j+1 < end && src[j] == ' ' && src[j+1] == '.' {
		j += 2
		n++
	}
	if n >= 3 {
		return j, n
	}
	return i + 1, 1
}

// scanURL returns the end of a web address or an address-like chunk
// (one with %-escapes, "au%20photo.jpg") starting at src[i], or i when
// there is none, and the end of the white-space-delimited chunk.
func scanURL(src string, i, end int) (int, int) {
	web := isWebPrefix(src[i:end])
	j := i
	escaped := false
	for j < end {
		c := src[j]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			break
		}
		if c >= utf8.RuneSelf {
			if r, _ := runeAt(src, j, end); isSpace(r) {
				break
			}
		}
		if c == '%' && j+2 < end && isHex(src[j+1]) && isHex(src[j+2]) {
			escaped = true
		}
		j++
	}
	chunkEnd := j
	if !web && !escaped {
		return i, chunkEnd
	}
	// Leave trailing punctuation to the sentence.
	for j > i {
		r, w := runeBefore(src, j, i)
		if !strings.ContainsRune(".,;:!?)]}\"'”’»", r) {
			break
		}
		j -= w
	}
	if j-i <= len("www.") {
		return i, chunkEnd
	}
	return j, chunkEnd
}

func isWebPrefix(s string) bool {
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.")
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// scanWord returns the end of the word starting at src[i] and whether it
// ends in an attached abbreviation period. A word is a run of letters,
// digits and marks, joined by inner characters: hyphens ("Qaida-linked"),
// apostrophes before letters ("Qa’ida", "don't"), periods before a letter
// or digit ("U.S", "3.5", "site.org"), commas and colons between digits
// ("1,000", "10:30"), slashes ("and/or"), "&" between capitals ("AT&T")
// and "@" (addresses). A final period is attached when the word is an
// initialism ("U.S."), a capital initial ("W.") or a listed abbreviation.
func (a *Analyzer) scanWord(src string, i, end int) (int, bool) {
	j := i
	abbr := false
	for j < end {
		r, w := runeAt(src, j, end)
		if isWordRune(r) {
			j += w
			continue
		}
		prev, _ := runeBefore(src, j, i)
		next, nw := runeAt(src, j+w, end)
		switch {
		case r == '-' || r == '\u2010' || r == '\u2011':
			if isWordRune(next) {
				j += w + nw
				continue
			}
		case r == '\'' || r == '’':
			if isLetter(next) && isWordRune(prev) {
				j += w + nw
				continue
			}
		case r == '.':
			if isWordRune(next) && isWordRune(prev) {
				j += w + nw
				continue
			}
			if next != '.' && a.attachPeriod(src[i:j]) {
				j += w
				abbr = true
				// "U.S.-led" goes on as one word.
				if next == '-' {
					if n2, _ := runeAt(src, j+1, end); isWordRune(n2) {
						abbr = false
						j++
						continue
					}
				}
			}
		case r == ',' || r == ':':
			if isDigit(prev) && isDigit(next) {
				j += w + nw
				continue
			}
		case r == '/':
			if isWordRune(prev) && isWordRune(next) {
				j += w + nw
				continue
			}
		case r == '&':
			if unicode.IsUpper(prev) && unicode.IsUpper(next) {
				j += w + nw
				continue
			}
		case r == '@':
			if isWordRune(prev) && isWordRune(next) {
				j += w + nw
				continue
			}
		}
		break
	}
	return j, abbr
}

// attachPeriod reports whether a period directly after word belongs to it.
// A hyphenated word takes it when its last part would or is a state's
// abbreviation ("R-S.C.", "D-Va.": a party and a state after a member of
// Congress), not for being one capital ("Plan-B.").
func (a *Analyzer) attachPeriod(word string) bool {
	if isInitialism(word) {
		return true
	}
	if r, w := utf8.DecodeRuneInString(word); w == len(word) && unicode.IsUpper(r) {
		return true
	}
	if k := strings.LastIndexByte(word, '-'); k > 0 && k < len(word)-1 {
		last := word[k+1:]
		r, _ := utf8.DecodeRuneInString(last)
		return isInitialism(last) || a.lex.abbrev(last) != 0 || unicode.IsUpper(r) && a.lex.anyAbbrev(last) == abbrevState
	}
	return a.lex.abbrev(word) != 0
}

// capitalInitialism reports whether w, with its final period, is an
// initialism in capitals ("U.S.", "U.N.", "D.C."; not "e.g.", "Ph.D.").
func capitalInitialism(w string) bool {
	return strings.HasSuffix(w, ".") && isInitialism(strings.TrimSuffix(w, ".")) && strings.ToUpper(w) == w
}

// isInitialism reports whether w is letters in groups of one or two
// joined by periods: "U.S", "e.g", "Ph.D".
func isInitialism(w string) bool {
	groups, n := 0, 0
	for _, r := range w {
		if r == '.' {
			if n == 0 {
				return false
			}
			groups++
			n = 0
			continue
		}
		if !isLetter(r) {
			return false
		}
		n++
		if n > 2 {
			return false
		}
	}
	return groups >= 1 && n > 0
}

// contractionSplit returns where a clitic starts in the word src[i:j]
// ("AU|’s", "do|n't", "we|'ll"), or i when the word has none.
func contractionSplit(src string, i, j int) int {
	w := src[i:j]
	k := strings.LastIndexAny(w, "'’")
	if k <= 0 {
		return i
	}
	_, aw := utf8.DecodeRuneInString(w[k:])
	tail := w[k+aw:]
	switch strings.ToLower(tail) {
	case "s", "ll", "re", "ve", "d", "m":
		return i + k
	case "t":
		if k >= 2 && (w[k-1] == 'n' || w[k-1] == 'N') {
			return i + k - 1
		}
	}
	return i
}

package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord  tokKind = iota // letters
	tNum                  // digits, possibly with a letter suffix ("4th", "1990s", "3pm")
	tPunct                // any other single rune
)

// token is a word, number or punctuation mark with its byte range.
type token struct {
	start, end int
	text       string
	low        string
	kind       tokKind
	num        int    // value of the digits of a tNum (-1 when too long)
	ndigits    int    // number of digits of a tNum
	suffix     string // lower-case letters after the digits of a tNum
	cap        bool   // first rune upper case
	nl         bool   // a line break lies between the previous token and this one
	glued      bool   // no space between the previous token and this one
}

// tokenize splits text into tokens. It never fails; invalid UTF-8 bytes
// become punctuation tokens of one byte.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/4+1)
	i := 0
	prevEnd := 0
	nl := false
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
			nl = true
			i += size
			continue
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		var t token
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			nd := j - i
			num := -1
			if nd <= 9 {
				num = 0
				for k := i; k < j; k++ {
					num = num*10 + int(text[k]-'0')
				}
			}
			k := j
			for k < len(text) && isASCIILetter(text[k]) {
				k++
			}
			t = token{kind: tNum, num: num, ndigits: nd, suffix: strings.ToLower(text[j:k])}
			i = k
		case unicode.IsLetter(r):
			j := i
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += s2
			}
			t = token{kind: tWord, cap: unicode.IsUpper(r)}
			i = j
		default:
			t = token{kind: tPunct}
			i += size
		}
		t.start, t.end = start, i
		t.text = text[start:i]
		t.low = strings.ToLower(t.text)
		t.nl = nl
		t.glued = len(toks) > 0 && start == prevEnd
		nl = false
		prevEnd = i
		toks = append(toks, t)
	}
	return toks
}

func isASCIILetter(b byte) bool { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') }

// sentences assigns a sentence number to every token. A sentence ends at
// a full stop, question or exclamation mark (not after a known
// abbreviation or a single letter) followed by a capital, a quote, a
// digit or a line break, and at every line break.
func sentences(toks []token, abbrevs set) []int {
	ids := make([]int, len(toks))
	id := 0
	for i := range toks {
		if i > 0 && toks[i].nl {
			id++
		} else if i > 0 && endsSentence(toks, i-1, abbrevs) {
			id++
		}
		ids[i] = id
	}
	return ids
}

func endsSentence(toks []token, i int, abbrevs set) bool {
	t := toks[i]
	if t.kind != tPunct {
		return false
	}
	switch t.low {
	case "!", "?", "…":
		return true
	case ".":
	default:
		return false
	}
	if i+1 >= len(toks) {
		return true
	}
	next := toks[i+1]
	if next.glued && next.kind != tPunct {
		return false // "3.30", "a.m", "U.S"
	}
	if i > 0 && toks[i-1].kind == tWord && toks[i].glued {
		w := toks[i-1].low
		if abbrevs[w] || utf8.RuneCountInString(w) == 1 {
			return false
		}
	}
	return next.cap || next.kind == tNum || next.kind == tPunct || next.nl
}

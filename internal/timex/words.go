package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/text"
)

type tokKind uint8

const (
	tWord  tokKind = iota // letters
	tNum                  // digits, possibly with a letter suffix ("4th", "1990s", "3pm")
	tPunct                // any other single rune
)

// token is one piece of a token of the text layer, as the patterns read
// it: a word, a number or a punctuation mark, with its byte range. Most
// tokens of the text layer are one piece; a token with an inside ("4th",
// "mid-June", "2013-06-04", "3.30", "a.m.") is read as several glued
// pieces. Pieces never cross a token of the text layer.
type token struct {
	start, end int
	text       string
	low        string
	kind       tokKind
	num        int    // value of the digits of a tNum (-1 when too long)
	ndigits    int    // number of digits of a tNum
	suffix     string // lower-case letters after the digits of a tNum
	cap        bool   // first rune upper case
	nl         bool   // a line break lies between the previous piece and this one
	glued      bool   // no space between the previous piece and this one
	first      bool   // the piece begins a token of the text layer
	last       bool   // the piece ends a token of the text layer
}

// read returns the pieces of every token of doc, in text order, and the
// index of the sentence of the text layer each belongs to. The text
// layer decides what a token and a sentence are; read only looks inside
// each token.
func read(doc *text.Doc) ([]token, []int) {
	toks := make([]token, 0, len(doc.Tokens)+len(doc.Tokens)/8)
	sent := make([]int, 0, cap(toks))
	prevEnd := -1
	for si, s := range doc.Sentences {
		for _, tk := range doc.Tokens[s.FirstToken:s.EndToken] {
			from := len(toks)
			toks = inside(toks, doc.Text, tk.Start, tk.End)
			if len(toks) == from {
				continue
			}
			toks[from].first = true
			toks[len(toks)-1].last = true
			toks[from].glued = prevEnd == tk.Start
			toks[from].nl = prevEnd >= 0 && strings.ContainsAny(doc.Text[prevEnd:tk.Start], "\n\r\u2028\u2029")
			for range len(toks) - from {
				sent = append(sent, si)
			}
			prevEnd = tk.End
		}
	}
	return toks, sent
}

// inside appends the pieces of the token src[start:end]: runs of digits
// with the ASCII letters glued after them ("4th", "1990s", "3pm"), runs
// of letters, and single other runes. Invalid UTF-8 bytes are pieces of
// one byte. A piece is glued to the one before it in the token unless
// white space stands between them (". . .").
func inside(toks []token, src string, start, end int) []token {
	i, prev := start, -1
	for i < end {
		r, size := utf8.DecodeRuneInString(src[i:end])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		s := i
		var t token
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < end && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			nd := j - i
			num := -1
			if nd <= 9 {
				num = 0
				for k := i; k < j; k++ {
					num = num*10 + int(src[k]-'0')
				}
			}
			k := j
			for k < end && isASCIILetter(src[k]) {
				k++
			}
			t = token{kind: tNum, num: num, ndigits: nd, suffix: strings.ToLower(src[j:k])}
			i = k
		case unicode.IsLetter(r):
			j := i
			for j < end {
				r2, s2 := utf8.DecodeRuneInString(src[j:end])
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
		t.start, t.end = s, i
		t.text = src[s:i]
		t.low = lower(t.text)
		t.glued = s == prev
		prev = i
		toks = append(toks, t)
	}
	return toks
}

// lower returns s in lower case, without allocating when it already is.
func lower(s string) string {
	for k := 0; k < len(s); k++ {
		if c := s[k]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func isASCIILetter(b byte) bool { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') }

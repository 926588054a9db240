package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindPhrase finds the first of phrases in s (case-insensitive, on word
// boundaries) and returns its byte range in s. Matching compares rune by
// rune under Unicode case folding on s itself, so the offsets are offsets
// of s even where lower-casing would change a rune's length.
func FindPhrase(s string, phrases []string) (int, int, bool) {
	best, bestEnd := -1, -1
	for _, p := range phrases {
		if p == "" {
			continue
		}
		for from := 0; from < len(s); {
			i, end, ok := FoldIndex(s, p, from)
			if !ok || (best >= 0 && i >= best) {
				break
			}
			if WordBoundary(s, i, end) {
				best, bestEnd = i, end
				break
			}
			_, size := utf8.DecodeRuneInString(s[i:])
			from = i + size
		}
	}
	return best, bestEnd, best >= 0
}

// FoldIndex returns the byte range of the first match of p in s at or
// after from, comparing runes under simple case folding.
func FoldIndex(s, p string, from int) (int, int, bool) {
	first, _ := utf8.DecodeRuneInString(p)
	if starts, ok := asciiOrbit(first); ok {
		// Every rune that folds to the first one is a single ASCII byte:
		// jump from one such byte to the next. The next position of each
		// byte is remembered until passed, so that a byte that is rare
		// ("W" in lower-case text) is not looked for again at every
		// candidate: the scan stays linear in len(s).
		var next [4]int
		if len(starts) > len(next) {
			starts = starts[:len(next)]
		}
		for k := range starts {
			next[k] = -2 // not looked up yet
		}
		for i := from; i < len(s); i++ {
			j := -1
			for k, b := range starts {
				if next[k] == -2 || (next[k] >= 0 && next[k] < i) {
					next[k] = -1
					if n := strings.IndexByte(s[i:], b); n >= 0 {
						next[k] = i + n
					}
				}
				if next[k] >= 0 && (j < 0 || next[k] < j) {
					j = next[k]
				}
			}
			if j < 0 {
				break
			}
			i = j
			if end, ok := foldPrefix(s[i:], p); ok {
				return i, i + end, true
			}
		}
		return 0, 0, false
	}
	for i := from; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if equalFold(r, first) {
			if end, ok := foldPrefix(s[i:], p); ok {
				return i, i + end, true
			}
		}
		i += size
	}
	return 0, 0, false
}

// asciiOrbit returns the bytes of the runes that fold to r, when they are
// all ASCII ('a' and 'A'; not 'k', which folds with the Kelvin sign).
func asciiOrbit(r rune) ([]byte, bool) {
	if r >= utf8.RuneSelf {
		return nil, false
	}
	out := []byte{byte(r)}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f >= utf8.RuneSelf {
			return nil, false
		}
		out = append(out, byte(f))
	}
	return out, true
}

// foldPrefix reports whether s starts with p under case folding, and the
// byte length of the match in s.
func foldPrefix(s, p string) (int, bool) {
	i := 0
	for _, pr := range p {
		if i >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !equalFold(r, pr) {
			return 0, false
		}
		i += size
	}
	return i, true
}

func equalFold(a, b rune) bool {
	if a == b {
		return true
	}
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		// ASCII: only letters fold, to each other.
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return a == b
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// WordBoundary reports whether s[start:end] stands as whole words: no
// letter, digit, hyphen or underscore touches it on either side.
func WordBoundary(s string, start, end int) bool {
	isWord := func(r rune) bool { return r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWord(r) {
			return false
		}
	}
	if end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); isWord(r) {
			return false
		}
	}
	return true
}

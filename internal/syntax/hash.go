package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of a template number and up to three small
// values. The mixer is SplitMix64's finaliser, which spreads every input
// bit over the whole key; 0 is kept free to mark empty table slots.

const (
	mulA = 0x9E3779B97F4A7C15
	mulB = 0xBF58476D1CE4E5B9
	mulC = 0x94D049BB133111EB
)

func fmix(h uint64) uint64 {
	h ^= h >> 30
	h *= mulB
	h ^= h >> 27
	h *= mulC
	h ^= h >> 31
	if h == 0 {
		h = 1
	}
	return h
}

func f1(t, a uint64) uint64       { return fmix(t*mulA ^ a) }
func f2(t, a, b uint64) uint64    { return fmix((t*mulA^a)*mulB ^ b) }
func f3(t, a, b, c uint64) uint64 { return fmix(((t*mulA^a)*mulB^b)*mulC ^ c) }

// hashString is FNV-1a over the bytes of s, finalised.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return fmix(h)
}

// hashBytes is hashString of string(b), without the conversion.
func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return fmix(h)
}

// normForm returns the form the models see for a word: lower case, digits
// replaced by 0, curly quotes and apostrophes straightened, and the
// various dashes written as the treebank writes them. buf is reused.
func normForm(form string, buf []byte) []byte {
	buf = buf[:0]
	for _, r := range form {
		switch {
		case r >= '0' && r <= '9':
			buf = append(buf, '0')
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
		case r == '‘' || r == '’' || r == '‛' || r == '′':
			buf = append(buf, '\'')
		case r == '“' || r == '”' || r == '„' || r == '″' || r == '«' || r == '»':
			buf = append(buf, '"')
		case r == '–' || r == '—' || r == '―' || r == '‒' || r == '−':
			buf = append(buf, '-', '-')
		case r == '…':
			buf = append(buf, '.', '.', '.')
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}

// shape maps a word to its shape: X for an upper-case letter, x for a
// lower-case one, d for a digit, other runes as they are; runs of more
// than two equal marks are cut to two, and the shape to eight marks.
func shape(form string) uint64 {
	var b [8]byte
	n, run := 0, 0
	var last byte
	for _, r := range form {
		var c byte
		switch {
		case r >= '0' && r <= '9':
			c = 'd'
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
			last = c
		}
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	return hashBytes(b[:n])
}

// affixes returns the hashes of the word's prefixes of 1–3 runes and its
// suffixes of 1–4 runes (a shorter word repeats its whole form).
func affixes(w []byte) (pre [3]uint64, suf [4]uint64) {
	end := 0
	for k := range 3 {
		if end < len(w) {
			_, sz := utf8.DecodeRune(w[end:])
			end += sz
		}
		pre[k] = hashBytes(w[:end])
	}
	start := len(w)
	for k := range 4 {
		if start > 0 {
			_, sz := utf8.DecodeLastRune(w[:start])
			start -= sz
		}
		suf[k] = hashBytes(w[start:])
	}
	return
}

package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text encoded twice: UTF-8 bytes read as Latin-1 and written again as
// UTF-8 ("Sarukhán" stored as "SarukhÃ¡n", or, twice over, as
// "SarukhÃ\u0083Â¡n"), as scraped news often has it. The names in such
// text cannot be found, and one is split at the stray characters into
// nonsense speakers. repairDoubleEncoding undoes it where the evidence
// is unambiguous: a run of characters of the Latin-1 range
// (U+0080–U+00FF) whose bytes are a valid UTF-8 sequence of two to four
// bytes, decoding to a letter, a combining mark or a mark of
// punctuation of the Latin and general punctuation ranges. Text without
// a character of U+0080–U+00BF after one of U+00C2–U+00F4 (the only
// shape such a sequence can have) is returned as it is, so that clean
// text costs one scan. Windows-1252's own characters for bytes
// 0x80–0x9F (“”’ written as â€œ) are not read as bytes: in clean text
// they are the writer's quotation marks.
func repairDoubleEncoding(s string) string {
	if !mayBeDoubleEncoded(s) {
		return s
	}
	for range 3 { // each pass undoes one round of encoding
		t := repairPass(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

// mayBeDoubleEncoded reports whether s has a rune of U+00C2–U+00F4 right
// before one of U+0080–U+00BF.
func mayBeDoubleEncoded(s string) bool {
	prev := rune(0)
	for _, r := range s {
		if r >= 0x80 && r <= 0xBF && prev >= 0xC2 && prev <= 0xF4 {
			return true
		}
		prev = r
	}
	return false
}

// repairPass decodes, once, each sequence of Latin-1 runes whose bytes
// are a plausible UTF-8 character.
func repairPass(s string) string {
	var b strings.Builder
	changed := false
	var buf [4]byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0xC2 || r > 0xF4 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		// the bytes the next runes would be, were they Latin-1
		k, j := 0, i
		for k < len(buf) && j < len(s) {
			q, m := utf8.DecodeRuneInString(s[j:])
			if q < 0x80 || q > 0xFF {
				break
			}
			buf[k] = byte(q)
			k++
			j += m
		}
		if d, size := utf8.DecodeRune(buf[:k]); size >= 2 && d != utf8.RuneError && plausible(d) {
			b.WriteRune(d)
			changed = true
			for range size { // skip the runes the character was made of
				_, m := utf8.DecodeRuneInString(s[i:])
				i += m
			}
			continue
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	if !changed {
		return s
	}
	return b.String()
}

// plausible reports whether r is what news text holds: a letter or a
// combining mark of the Latin ranges, a mark of punctuation or a symbol
// of Latin-1 or general punctuation, or the euro sign.
func plausible(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0x24F:
		return unicode.IsLetter(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || r == 0xA0
	case r >= 0x300 && r <= 0x36F:
		return true
	case r >= 0x2010 && r <= 0x205F, r == 0x20AC:
		return true
	}
	return false
}

package evaluate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Norm is score.py's norm: NFKC, lower case as Python lower-cases, the
// curly single quotes made straight, every run of characters other than
// word characters, apostrophes and spaces made one space, spaces
// collapsed and trimmed.
func Norm(s string) string {
	s = pyLower(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for _, r := range s {
		switch {
		case r == '\u2019' || r == '\u2018':
			r = '\''
		case r == ' ' || !isWordRune(r) && r != '\'':
			pendingSpace = true
			continue
		}
		if pendingSpace && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pendingSpace = false
		b.WriteRune(r)
	}
	return b.String()
}

// Words is score.py's words: the set of words of Norm(s).
func Words(s string) map[string]bool {
	n := Norm(s)
	if n == "" {
		return nil
	}
	ws := strings.Split(n, " ")
	set := make(map[string]bool, len(ws))
	for _, w := range ws {
		set[w] = true
	}
	return set
}

// Overlap is score.py's overlap: the words a and b share, as a part of
// the smaller of their word sets; 0 when either has no words.
func Overlap(a, b string) float64 {
	return overlapSets(Words(a), Words(b))
}

func overlapSets(wa, wb map[string]bool) float64 {
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	small, large := wa, wb
	if len(small) > len(large) {
		small, large = large, small
	}
	n := 0
	for w := range small {
		if large[w] {
			n++
		}
	}
	return float64(n) / float64(len(small))
}

// MinOverlap is the overlap at which a quote matches a gold attribution.
const MinOverlap = 0.5

// pronouns are the sources score.py cannot judge.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "it": true,
	"his": true, "her": true, "you": true, "him": true, "them": true, "their": true}

// SpeakerRight is score.py's speaker_right: whether the last word of the
// gold source occurs in ours (both normalised); judgeable is false when
// the gold source is empty or made only of pronouns.
func SpeakerRight(goldSource, ours string) (right, judgeable bool) {
	src := strings.Fields(Norm(goldSource))
	if len(src) == 0 {
		return false, false
	}
	allPronouns := true
	for _, w := range src {
		if !pronouns[w] {
			allPronouns = false
			break
		}
	}
	if allPronouns {
		return false, false
	}
	return strings.Contains(Norm(ours), src[len(src)-1]), true
}

// isWordRune is Python's \w for str patterns: a letter (Lu, Ll, Lt, Lm,
// Lo), a character with a numeric value (Nd, Nl, No), or the underscore.
// Marks (Mn, Mc) are not word characters in Python.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isPySpace is Python's str.isspace for one character: Go's white space
// and the ASCII separators U+001C to U+001F, which Python counts too.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// pyFields is Python's str.split() with no arguments.
func pyFields(s string) []string { return strings.FieldsFunc(s, isPySpace) }

// pyStrip is Python's str.strip() with no arguments.
func pyStrip(s string) string { return strings.TrimFunc(s, isPySpace) }

// pyLower is Python's str.lower: the full lower-case mapping, in which
// İ (U+0130) becomes i with a combining dot above and a capital sigma
// becomes a final sigma at the end of a word.
func pyLower(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		switch r {
		case 0x130:
			b.WriteString("i\u0307")
		case 0x3a3:
			if finalSigma(rs, i) {
				b.WriteRune(0x3c2)
			} else {
				b.WriteRune(0x3c3)
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma is Unicode's Final_Sigma context, as CPython tests it: a
// cased letter before (case-ignorable characters skipped) and none after.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && isCaseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !isCased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && isCaseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !isCased(rs[j])
}

// isCased is Unicode's Cased property.
func isCased(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// isCaseIgnorable is Unicode's Case_Ignorable property: marks, format
// characters, modifiers, and the characters of word-break classes
// MidLetter, MidNumLet and Single_Quote.
func isCaseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027,
		0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// pyBasename is Python's os.path.basename on a POSIX path: what follows
// the last slash (nothing when the path ends with one).
func pyBasename(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

// pyCut is Python's s[:-n] for n > 0: s without its last n characters,
// empty when it has no more than n.
func pyCut(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return ""
	}
	return string(rs[:len(rs)-n])
}

// pyHead is Python's s[:n]: the first n characters of s.
func pyHead(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

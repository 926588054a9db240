package text

import "strings"

// RegularBases appends to buf the forms a word w (in lower case) would
// have as the base of a verb or a noun if it were a regular inflection of
// it: "tweet" for "tweeted", "note" for "noted", "slam" for "slammed",
// "try" for "tried", "note" and "not" for "notes". It knows no word: the
// caller keeps the candidates its own vocabulary holds. w itself is not
// among them; a word with none of the suffixes gives none.
func RegularBases(w string, buf []string) []string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		buf = append(buf, w[:n-3]+"y")
	case strings.HasSuffix(w, "ied") && n > 4:
		buf = append(buf, w[:n-3]+"y")
	case strings.HasSuffix(w, "ing") && n > 4:
		s := w[:n-3]
		buf = append(buf, s, s+"e")
		if d := undouble(s); d != "" {
			buf = append(buf, d)
		}
	case strings.HasSuffix(w, "ed") && n > 3:
		s := w[:n-2]
		buf = append(buf, s, w[:n-1])
		if d := undouble(s); d != "" {
			buf = append(buf, d)
		}
	case strings.HasSuffix(w, "es") && n > 3:
		buf = append(buf, w[:n-2], w[:n-1])
	case strings.HasSuffix(w, "s") && n > 2 && !strings.HasSuffix(w, "ss"):
		buf = append(buf, w[:n-1])
	}
	return buf
}

// undouble returns s without its doubled last consonant ("slamm" →
// "slam"), or "" when it has none to drop.
func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiouls", rune(s[n-1])) {
		return s[:n-1]
	}
	return ""
}
